// `npm start`: the main job. Starts the local lake on a data directory kept across restarts
// (.data/lake), seeded with the seed content the first time, and prints where everything is.
// Ctrl-C stops every service it started.
import {spawn, type ChildProcess} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {dirname, join} from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lakePort = Number(process.env.SPOTTER_LAKE_PORT ?? 3030)

interface Service {
  name: string
  args: string[]
  /** A line on stdout that says the service is up. */
  ready: RegExp
}

const services: Service[] = [
  {
    name: 'lake',
    args: [
      'lake/src/cli.ts', 'serve',
      '--port', String(lakePort),
      '--data-dir', join(root, '.data', 'lake'),
      '--seed', join(root, 'seed', 'spotter.ndjson'),
    ],
    ready: /listening on (\S+)/,
  },
]

const children: ChildProcess[] = []

function start(service: Service): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, service.args, {cwd: root, stdio: ['ignore', 'pipe', 'inherit']})
    children.push(child)
    let buffered = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      process.stdout.write(text.replace(/^(?=.)/gm, `[${service.name}] `))
      buffered += text
      const match = service.ready.exec(buffered)
      if (match) resolve(match[1] ?? '')
    })
    child.on('exit', (code, signal) => {
      reject(new Error(`${service.name} exited (${signal ?? code}) before it was ready`))
      if (!stopping) shutdown(1)
    })
  })
}

let stopping = false
function shutdown(code: number): void {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(
    () => process.exit(code),
  )
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))

try {
  const urls = await Promise.all(services.map(start))
  const lakeUrl = urls[0]
  console.log(`
Spotter is running.
  Content API (local lake): ${lakeUrl}
  Try: curl '${lakeUrl}/v2025-02-19/data/query/production?query=*%5B_type%3D%3D%22exercise%22%5D%7Bname%7D' -H 'X-Sanity-Project-ID: spotter'
Press Ctrl-C to stop.`)
} catch (error) {
  console.error((error as Error).message)
  shutdown(1)
}
