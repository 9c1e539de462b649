// Runs the example partner app:
//   node examples/partner-app/src/cli.ts --port 4200 --service http://127.0.0.1:4100 \
//     --api-key spk_... --webhook-secret whsec_... --store partner-store.json
// (or the same as env: PARTNER_PORT, SYNDICATION_URL, PARTNER_API_KEY, PARTNER_WEBHOOK_SECRET, PARTNER_STORE).
import {parseArgs} from 'node:util'
import {startPartnerApp} from './app.ts'

const {values} = parseArgs({
  options: {
    port: {type: 'string'},
    service: {type: 'string'},
    'api-key': {type: 'string'},
    'webhook-secret': {type: 'string'},
    store: {type: 'string'},
    'tolerance-ms': {type: 'string'},
  },
})

function need(value: string | undefined, name: string): string {
  if (!value) {
    console.error(`partner-app: ${name} is required`)
    process.exit(1)
  }
  return value
}

const app = await startPartnerApp({
  port: Number(values.port ?? process.env.PARTNER_PORT ?? 4200),
  serviceUrl: need(values.service ?? process.env.SYNDICATION_URL, '--service'),
  apiKey: need(values['api-key'] ?? process.env.PARTNER_API_KEY, '--api-key'),
  webhookSecret: need(values['webhook-secret'] ?? process.env.PARTNER_WEBHOOK_SECRET, '--webhook-secret'),
  storeFile: values.store ?? process.env.PARTNER_STORE ?? 'partner-store.json',
  ...(values['tolerance-ms'] ? {toleranceMs: Number(values['tolerance-ms'])} : {}),
})
console.log(`Partner app listening on ${app.url}`)
// Catch up with what changed while it was down; deliveries queued meanwhile arrive too.
app.sync().catch((err: unknown) => console.error(`partner-app: first sync failed: ${(err as Error).message}`))
const stop = () => void app.close().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
