// `node examples/club-site/src/cli.ts --lake-url http://127.0.0.1:3030 [--port 3100] [--preview-token T --preview-secret S]`
// On hosted Sanity: `--project-id P [--dataset D] --read-token T` instead of --lake-url.
// Environment fallbacks: SPOTTER_LAKE_URL, SPOTTER_PROJECT_ID, SPOTTER_DATASET, SPOTTER_READ_TOKEN,
// SPOTTER_PREVIEW_TOKEN, SPOTTER_PREVIEW_SECRET, PORT.
import {parseArgs} from 'node:util'
import {startClubSite} from './site.ts'

const {values} = parseArgs({
  options: {
    'lake-url': {type: 'string'},
    'project-id': {type: 'string'},
    dataset: {type: 'string'},
    'read-token': {type: 'string'},
    port: {type: 'string'},
    host: {type: 'string'},
    'preview-token': {type: 'string'},
    'preview-secret': {type: 'string'},
    club: {type: 'string'},
  },
})

const lakeUrl = values['lake-url'] ?? process.env.SPOTTER_LAKE_URL
const projectId = values['project-id'] ?? process.env.SPOTTER_PROJECT_ID
const dataset = values.dataset ?? process.env.SPOTTER_DATASET
const readToken = values['read-token'] ?? process.env.SPOTTER_READ_TOKEN
if (!lakeUrl && !projectId) {
  console.error(
    '--lake-url (or SPOTTER_LAKE_URL) is required, e.g. http://127.0.0.1:3030; or, for hosted Sanity, --project-id (or SPOTTER_PROJECT_ID)',
  )
  process.exit(2)
}
const port = Number(values.port ?? process.env.PORT ?? 3100)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${JSON.stringify(values.port)}`)
  process.exit(2)
}
const previewToken = values['preview-token'] ?? process.env.SPOTTER_PREVIEW_TOKEN
const previewSecret = values['preview-secret'] ?? process.env.SPOTTER_PREVIEW_SECRET
const site = await startClubSite({
  ...(lakeUrl ? {lakeUrl} : {}),
  ...(projectId ? {projectId} : {}),
  ...(dataset ? {dataset} : {}),
  ...(readToken ? {readToken} : {}),
  port,
  ...(values.host ? {host: values.host} : {}),
  ...(values.club ? {clubSlug: values.club} : {}),
  ...(previewToken ? {previewToken} : {}),
  ...(previewSecret ? {previewSecret} : {}),
})
console.log(`Club site listening on ${site.url}`)
const stop = () => void site.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
