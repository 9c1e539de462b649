// `npm start`: the main job. Starts the local lake (data kept in .data/lake across restarts,
// seeded with the seed content the first time), serves the Studio (built once per version of its
// sources, rebuilt when they change, also while running) and the club site, and prints where each
// one is. A data dir seeded before the seed's ids became root paths gets a note on how to re-seed.
// Ctrl-C (or SIGTERM) stops all three and waits for them to exit.
//
// Ports: SPOTTER_LAKE_PORT (3030), SPOTTER_STUDIO_PORT (3333), SPOTTER_SITE_PORT (3100); 0 picks a
// free one (the site's is picked and held before anything names it, so the Presentation tool and
// the revalidation webhook work on it too). SPOTTER_DATA_DIR moves the data (default .data), the
// club site's preview secret (`preview-secret`, made at the first start) included. The club site
// is built once per version of its sources (examples/club-site/build.ts) and served with
// `next start`; the lake calls its revalidation webhook on every publish, so a published change
// shows without a browser open.
import {spawn, type ChildProcess} from 'node:child_process'
import * as fs from 'node:fs'
import {fileURLToPath} from 'node:url'
import {dirname, join, resolve} from 'node:path'
import {randomBytes} from 'node:crypto'
import {createClient} from '@sanity/client'
import {addCorsOrigin, configPath, loadConfig} from '@spotter/lake'
import {ensureSiteBuild, serveSite, type RunningSite} from '../examples/club-site/build.ts'
import {ensureStudioBuild, studioSourceHash} from '../studio/build.ts'
import {serveStudio, type StudioServer} from '../studio/serve.ts'
import {holdPort} from './hold-port.ts'
import {findFormerSeedIds, formerSeedIdsMessage} from './old-seed-ids.ts'
import {loadPreviewSecret} from './preview-secret.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number (0 for any free port)`)
  return value
}
const lakePort = port('SPOTTER_LAKE_PORT', 3030)
const studioPort = port('SPOTTER_STUDIO_PORT', 3333)
const sitePort = port('SPOTTER_SITE_PORT', 3100)
const dataDir = resolve(root, process.env.SPOTTER_DATA_DIR ?? '.data')
const lakeDir = join(dataDir, 'lake')
const seedFile = join(root, 'seed', 'spotter.ndjson')

interface Service {
  name: string
  args: string[]
  /** A line on stdout that says the service is up; group 1 is its URL. */
  ready: RegExp
}

const children: ChildProcess[] = []
let studio: StudioServer | undefined
let site: RunningSite | undefined
let stopping = false

function start(service: Service): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    // The workspace packages resolve to their sources (DEVELOPERS.md), also when this script runs without npm.
    const child = spawn(process.execPath, ['--conditions=spotter-source', ...service.args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    children.push(child)
    let buffered = ''
    let ready = false
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      process.stdout.write(text.replace(/^(?=.)/gm, `[${service.name}] `))
      if (ready) return
      buffered += text
      const match = service.ready.exec(buffered)
      if (match) {
        ready = true
        resolvePromise(match[1] ?? '')
      }
    })
    child.on('exit', (code, signal) => {
      if (!ready) reject(new Error(`${service.name} exited (${signal ?? code}) before it was ready`))
      else if (!stopping) {
        console.error(`[${service.name}] exited (${signal ?? code}); stopping everything`)
        void shutdown(1)
      }
    })
  })
}

const watchers: fs.FSWatcher[] = []

/** Rebuilds the Studio when its sources change and serves the new build (reload the browser). */
function watchStudioSources(): void {
  let timer: NodeJS.Timeout | undefined
  let building = Promise.resolve()
  let lastHash = studioSourceHash()
  const rebuild = () => {
    building = building.then(async () => {
      const hash = studioSourceHash()
      if (hash === lastHash || stopping) return
      lastHash = hash
      try {
        const build = await ensureStudioBuild({log: (line) => console.log(`[studio] ${line}`)})
        studio?.setDir(build.dir)
        console.log(`[studio] ${build.built ? 'Rebuilt' : 'Serving the earlier build of these sources'}; reload the Studio in the browser.`)
      } catch (error) {
        console.error(`[studio] Rebuild failed; still serving the previous build.\n${(error as Error).message}`)
      }
    })
  }
  for (const dir of [join(root, 'studio'), join(root, 'schemas', 'src'), join(root, 'importer', 'src'), join(root, 'vocabulary', 'src')]) {
    const watcher = fs.watch(dir, {recursive: true}, (_event, file) => {
      if (file && /(^|[/\\])(node_modules|dist|\.sanity)([/\\]|$)/.test(file)) return
      clearTimeout(timer)
      timer = setTimeout(rebuild, 500)
    })
    watcher.on('error', () => watcher.close())
    watchers.push(watcher)
  }
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return
  stopping = true
  for (const watcher of watchers) watcher.close()
  const exited = children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null))
  for (const child of children) child.kill('SIGTERM')
  await Promise.all([studio?.close(), site?.close(), ...exited])
  console.log('Spotter stopped.')
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

function lakeConfig(): {projectId?: string; tokens?: {token: string; role: string}[]} {
  return JSON.parse(fs.readFileSync(join(lakeDir, 'lake.config.json'), 'utf8'))
}

function lakeProjectId(): string {
  return lakeConfig().projectId ?? 'spotter'
}

function tokens(): {read: string; write: string} {
  const config = lakeConfig()
  const find = (role: string) => config.tokens?.find((t) => t.role === role)?.token
  const read = find('read')
  const write = find('write')
  if (!read || !write) throw new Error(`${join(lakeDir, 'lake.config.json')} needs a read and a write token`)
  return {read, write}
}

/**
 * The lake's webhook to the club site's revalidation route, with a secret kept in the lake's
 * config: added or updated before the lake starts (the lake reads its webhooks at start).
 */
function registerSiteWebhook(port: number): string {
  const file = configPath(lakeDir)
  fs.mkdirSync(lakeDir, {recursive: true})
  loadConfig(file) // creates the config (tokens) on the first start
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as {webhooks?: Array<Record<string, unknown>>}
  const others = (raw.webhooks ?? []).filter((hook) => hook.name !== SITE_WEBHOOK)
  const kept = raw.webhooks?.find((hook) => hook.name === SITE_WEBHOOK)
  const secret = typeof kept?.secret === 'string' ? kept.secret : randomBytes(24).toString('hex')
  raw.webhooks = [
    ...others,
    {
      name: SITE_WEBHOOK,
      dataset: 'production',
      url: `http://127.0.0.1:${port}/api/revalidate`,
      projection: '{_id, _type}',
      on: ['create', 'update', 'delete'],
      secret,
      retry: {baseMs: 1000, maxMs: 30_000, maxAttempts: 10},
    },
  ]
  fs.writeFileSync(file, `${JSON.stringify(raw, null, 2)}\n`, {mode: 0o600})
  return secret
}
const SITE_WEBHOOK = 'club-site-revalidate'

/**
 * The preview secret as the Presentation tool's shared-access secret (what next-sanity's draft-mode
 * route checks), so the printed preview link works without the Studio and keeps working.
 */
async function publishPreviewSecret(lakeUrl: string, token: string, secret: string): Promise<void> {
  const client = createClient({
    projectId: lakeProjectId(),
    dataset: 'production',
    apiHost: lakeUrl,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
    token,
  })
  await client.createOrReplace({
    _id: 'sanity-preview-url-secret.share-access',
    _type: 'sanity.previewUrlShareAccess',
    secret,
    source: 'npm start',
  })
}

try {
  // The lake's webhook (read when the lake starts) and the Studio's Presentation tool name the
  // site before it starts: a port of 0 becomes a free port here, held until the site takes it.
  const siteAddress = await holdPort(sitePort)
  const revalidateSecret = registerSiteWebhook(siteAddress.port)
  const [lakeUrl, build, siteBuild] = await Promise.all([
    start({
      name: 'lake',
      args: ['lake/src/cli.ts', 'serve', '--port', String(lakePort), '--data-dir', lakeDir, '--seed', seedFile],
      ready: /listening on (\S+)/,
    }),
    ensureStudioBuild({log: (line) => console.log(`[studio] ${line}`)}),
    ensureSiteBuild({log: (line) => console.log(`[site] ${line}`)}),
  ])
  if (stopping) throw new Error('stopped while starting')
  const lakePortNumber = new URL(lakeUrl).port
  const browserLakeUrl = `https://localhost:${lakePortNumber}`
  const {read, write} = tokens()
  // Kept in the data dir: a shared preview link keeps working after a restart.
  const previewSecret = loadPreviewSecret(dataDir)
  // The Studio works on this lake (its URL and project), whatever SANITY_STUDIO_* variables say.
  studio = await serveStudio({
    dir: build.dir,
    port: studioPort,
    lakeUrl: browserLakeUrl,
    projectId: lakeProjectId(),
    dataset: 'production',
    // The Presentation tool shows the club site.
    previewUrl: `http://localhost:${siteAddress.port}`,
  })
  // The lake grants CORS only to listed origins (as a hosted project): the Studio calls it with
  // credentials from its own port. The running lake picks the change up at once.
  addCorsOrigin(join(lakeDir, 'lake.config.json'), studio.url, true)
  watchStudioSources()
  await publishPreviewSecret(lakeUrl, write, previewSecret)
  // Free for `next start` only now; it binds the same address at once.
  await siteAddress.release()
  site = await serveSite(siteBuild, {
    port: siteAddress.port,
    host: '127.0.0.1',
    env: {
      SPOTTER_LAKE_URL: lakeUrl,
      SPOTTER_PREVIEW_TOKEN: read,
      SPOTTER_REVALIDATE_SECRET: revalidateSecret,
      SPOTTER_SITE_URL: process.env.SPOTTER_SITE_URL ?? `http://localhost:${siteAddress.port}`,
    },
    log: (text) => process.stdout.write(text.replace(/^(?=.)/gm, '[site] ')),
  })
  site.process.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`[site] exited (${signal ?? code}); stopping everything`)
    void shutdown(1)
  })
  const siteUrl = site.url
  // A data dir seeded before the seed's ids became root paths is kept as it is; say how to re-seed.
  const formerIdsNote = await findFormerSeedIds({lakeUrl, token: read, dataset: 'production', seedFile}).then(
    (former) => (former.length > 0 ? formerSeedIdsMessage(former, lakeDir) : ''),
    (error: Error) => `Could not check ${lakeDir} for the seed's former ids: ${error.message}\n`,
  )
  // The club site renders on its server; its pages may read published content from the browser too.
  addCorsOrigin(join(lakeDir, 'lake.config.json'), siteUrl, false)
  console.log(`
Spotter is running.
  Studio:      ${studio.url}
               sign in once with this link (it hands the Studio the lake's write token):
               ${studio.url}/#token=${write}
               The browser must accept the lake's self-signed certificate: open ${browserLakeUrl}/v1/ping
               and https://spotter.localhost:${lakePortNumber}/v1/ping once, or trust ${join(lakeDir, 'tls', 'cert.pem')}.
  Club site:   ${siteUrl}
               draft mode: ${siteUrl}/api/draft-mode/enable?sanity-preview-secret=${previewSecret}&sanity-preview-pathname=/
  Content API: ${lakeUrl}  (data in ${lakeDir})
${formerIdsNote}Press Ctrl-C to stop.`)
} catch (error) {
  console.error((error as Error).message)
  await shutdown(1)
}
