// `npm start`: the main job. Starts the local lake (data kept in .data/lake across restarts,
// seeded with the seed content the first time), serves the Studio (built once per version of its
// sources, rebuilt when they change, also while running) and the club site, and prints where each
// one is. A data dir seeded before the seed's ids became root paths gets a note on how to re-seed.
// Ctrl-C (or SIGTERM) stops all three and waits for them to exit.
//
// Ports: SPOTTER_LAKE_PORT (3030), SPOTTER_STUDIO_PORT (3333), SPOTTER_SITE_PORT (3100); 0 picks a
// free one. SPOTTER_DATA_DIR moves the data (default .data), the club site's preview secret
// (`preview-secret`, made at the first start) included.
import {spawn, type ChildProcess} from 'node:child_process'
import * as fs from 'node:fs'
import {fileURLToPath} from 'node:url'
import {dirname, join, resolve} from 'node:path'
import {addCorsOrigin} from '@spotter/lake'
import {ensureStudioBuild, studioSourceHash} from '../studio/build.ts'
import {serveStudio, type StudioServer} from '../studio/serve.ts'
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
  await Promise.all([studio?.close(), ...exited])
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

try {
  const [lakeUrl, build] = await Promise.all([
    start({
      name: 'lake',
      args: ['lake/src/cli.ts', 'serve', '--port', String(lakePort), '--data-dir', lakeDir, '--seed', seedFile],
      ready: /listening on (\S+)/,
    }),
    ensureStudioBuild({log: (line) => console.log(`[studio] ${line}`)}),
  ])
  if (stopping) throw new Error('stopped while starting')
  const lakePortNumber = new URL(lakeUrl).port
  const browserLakeUrl = `https://localhost:${lakePortNumber}`
  const {read, write} = tokens()
  // Kept in the data dir: a shared preview link keeps working after a restart.
  const previewSecret = loadPreviewSecret(dataDir)
  // The Studio works on this lake (its URL and project), whatever SANITY_STUDIO_* variables say.
  studio = await serveStudio({dir: build.dir, port: studioPort, lakeUrl: browserLakeUrl, projectId: lakeProjectId(), dataset: 'production'})
  // The lake grants CORS only to listed origins (as a hosted project): the Studio calls it with
  // credentials from its own port. The running lake picks the change up at once.
  addCorsOrigin(join(lakeDir, 'lake.config.json'), studio.url, true)
  watchStudioSources()
  const siteUrl = await start({
    name: 'site',
    args: [
      'examples/club-site/src/cli.ts',
      '--lake-url',
      lakeUrl,
      '--port',
      String(sitePort),
      '--preview-token',
      read,
      '--preview-secret',
      previewSecret,
    ],
    ready: /listening on (\S+)/,
  })
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
               preview drafts: ${siteUrl}/api/preview?secret=${previewSecret}
  Content API: ${lakeUrl}  (data in ${lakeDir})
${formerIdsNote}Press Ctrl-C to stop.`)
} catch (error) {
  console.error((error as Error).message)
  await shutdown(1)
}
