// The syndication service's command line:
//   serve            --config FILE [--port N]     run the service
//   publisher-key    --config FILE [--name N]     create a publisher key (printed once)
//   partner add      --config FILE --id ID --name NAME [--webhook-url URL]   (key printed once)
//   partner list     --config FILE
//   partner remove   --config FILE --id ID
import {parseArgs} from 'node:util'
import {loadServiceConfig} from './config.ts'
import {hashKey, newKey} from './keys.ts'
import {createPartner, publicPartner} from './partners.ts'
import {SyndicationStore} from './storage/store.ts'

const USAGE = `Usage: spotter-syndication <command> --config FILE [options]

Commands:
  serve                     Run the service (prints "Spotter syndication listening on URL")
  publisher-key [--name N]  Create a publisher key; it is printed once, only its hash is stored
  partner add --id ID --name NAME [--webhook-url URL]
                            Create a partner; prints its API key (and webhook secret) once.
                            A running service picks it up at POST /v1/reconcile or its next start.
  partner list              List partners
  partner remove --id ID    Remove a partner (its feed state and queued deliveries)
`

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      config: {type: 'string'},
      port: {type: 'string'},
      name: {type: 'string'},
      id: {type: 'string'},
      'webhook-url': {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
  })
  const [command, sub] = positionals
  if (values.help || !command) {
    process.stdout.write(USAGE)
    return
  }
  if (!values.config) throw new Error(`--config FILE is required\n\n${USAGE}`)
  const config = loadServiceConfig(values.config)
  if (values.port !== undefined) {
    const port = Number(values.port)
    if (!Number.isInteger(port) || port < 0) throw new Error(`--port must be a non-negative integer, got "${values.port}"`)
    config.port = port
  }
  if (command === 'serve') {
    const {startService} = await import('./server.ts') // loads the SDK; the other commands do not need it
    const service = await startService(config)
    console.log(`Spotter syndication listening on ${service.url}`)
    console.log(
      `  storage: ${config.storage.kind}; content: ${config.source.apiHost ?? 'hosted Sanity'} ${config.source.projectId}/${config.source.dataset}`,
    )
    let stopping = false
    const stop = async () => {
      if (stopping) return
      stopping = true
      await service.close()
      process.exit(0)
    }
    process.on('SIGTERM', () => void stop())
    process.on('SIGINT', () => void stop())
    return
  }
  const store = await SyndicationStore.open(config.storage)
  try {
    if (command === 'publisher-key') {
      const key = newKey('publisher')
      await store.publisherKeys.add(hashKey(key), values.name ?? 'publisher')
      console.log(JSON.stringify({publisherKey: key}))
    } else if (command === 'partner' && sub === 'add') {
      if (!values.id || !values.name) throw new Error('partner add needs --id and --name')
      console.log(JSON.stringify(await createPartner(store, {id: values.id, name: values.name, webhookUrl: values['webhook-url'] ?? null})))
    } else if (command === 'partner' && sub === 'list') {
      console.log(JSON.stringify((await store.partners.list()).map(publicPartner), null, 2))
    } else if (command === 'partner' && sub === 'remove') {
      if (!values.id) throw new Error('partner remove needs --id')
      if (!(await store.partners.remove(values.id))) throw new Error(`No partner "${values.id}"`)
    } else {
      throw new Error(`Unknown command "${positionals.join(' ')}"\n\n${USAGE}`)
    }
  } finally {
    await store.close()
  }
}

main().catch((err: unknown) => {
  console.error(`spotter-syndication: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
