// Test support: run the syndication service and the example partner app as real processes (their
// CLIs) on chosen or free ports, with temp dirs, and kill them when the test process exits.
import {execFileSync, spawn, type ChildProcess} from 'node:child_process'
import * as fs from 'node:fs'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {StorageConfig} from './storage/store.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SERVICE_CLI = path.join(ROOT, 'syndication/src/cli.ts')
const PARTNER_CLI = path.join(ROOT, 'examples/partner-app/src/cli.ts')

const running = new Set<ChildProcess>()
let hooked = false

function nodeBinary(): string {
  const pinned = path.join(ROOT, 'node_modules/.bin/node')
  return fs.existsSync(pinned) ? pinned : process.execPath
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

export interface SpawnedProcess {
  url: string
  port: number
  /** Everything the process printed (stdout and stderr), for failure messages. */
  output(): string
  kill(signal?: NodeJS.Signals): Promise<void>
  /** Starts it again with the same arguments and port. */
  restart(): Promise<void>
}

async function spawnReady(args: string[], ready: RegExp, what: string): Promise<SpawnedProcess> {
  if (!hooked) {
    hooked = true
    process.on('exit', () => {
      for (const child of running) child.kill('SIGKILL')
    })
  }
  let child: ChildProcess | null = null
  let url = ''
  let log = ''
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(nodeBinary(), args, {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe']})
      child = proc
      running.add(proc)
      const timer = setTimeout(() => reject(new Error(`${what} did not start within 60 s\n${log}`)), 60_000)
      const onData = (chunk: Buffer) => {
        log = (log + chunk.toString('utf8')).slice(-20_000)
        const match = ready.exec(log)
        if (match?.[1] && !url.endsWith(match[1])) {
          url = match[1]
          clearTimeout(timer)
          resolve()
        }
      }
      proc.stdout?.on('data', onData)
      proc.stderr?.on('data', onData)
      proc.once('exit', (code, signal) => {
        running.delete(proc)
        clearTimeout(timer)
        reject(new Error(`${what} exited (code ${code}, signal ${signal})\n${log}`))
      })
    })
  await start()
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child as ChildProcess | null
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return
    const exited = new Promise((r) => proc.once('exit', r))
    proc.kill(signal)
    const force = setTimeout(() => proc.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(force)
  }
  return {
    get url() {
      return url
    },
    get port() {
      return Number(new URL(url).port)
    },
    output: () => log,
    kill,
    async restart() {
      await kill()
      url = ''
      log = ''
      await start()
    },
  }
}

export interface SpawnSyndicationOptions {
  port?: number
  source: {url: string; projectId: string; dataset: string; readToken?: string}
  webhookSecret: string
  /** Default: SQLite in the temp dir. */
  storage?: StorageConfig
  delivery?: {baseMs?: number; maxMs?: number; maxAttempts?: number; timeoutMs?: number; pollMs?: number}
  canonicalBaseUrl?: string
}

export interface SpawnedSyndication extends SpawnedProcess {
  dir: string
  configFile: string
  publisherKey: string
  /** kill, then remove the temp dir. */
  stop(): Promise<void>
}

export async function spawnSyndication(options: SpawnSyndicationOptions): Promise<SpawnedSyndication> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-syndication-'))
  const configFile = path.join(dir, 'syndication.config.json')
  const config = {
    host: '127.0.0.1',
    port: options.port ?? 0,
    storage: options.storage ?? {kind: 'sqlite', path: 'state.db'},
    source: {
      projectId: options.source.projectId,
      dataset: options.source.dataset,
      apiHost: options.source.url,
      ...(options.source.readToken ? {token: options.source.readToken} : {}),
      canonicalBaseUrl: options.canonicalBaseUrl ?? 'https://spotter.example/articles/',
    },
    webhookSecret: options.webhookSecret,
    signatureToleranceMs: 300_000,
    delivery: {baseMs: 100, maxMs: 1000, maxAttempts: 100, timeoutMs: 5000, pollMs: 100, ...options.delivery},
  }
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2))
  const created = execFileSync(nodeBinary(), [SERVICE_CLI, 'publisher-key', '--config', configFile, '--name', 'test-publisher'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  const publisherKey = (JSON.parse(created.trim().split('\n').at(-1)!) as {publisherKey: string}).publisherKey
  const proc = await spawnReady(
    [SERVICE_CLI, 'serve', '--config', configFile],
    /Spotter syndication listening on (http:\/\/\S+)/,
    'Syndication service',
  )
  // Restarts keep the port the first start got.
  config.port = proc.port
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2))
  return Object.assign(proc, {
    dir,
    configFile,
    publisherKey,
    async stop() {
      await proc.kill()
      fs.rmSync(dir, {recursive: true, force: true})
    },
  })
}

export interface SpawnPartnerOptions {
  port: number
  serviceUrl: string
  apiKey: string
  webhookSecret: string
  storeFile: string
  toleranceMs?: number
}

export function spawnPartnerApp(options: SpawnPartnerOptions): Promise<SpawnedProcess> {
  const args = [
    PARTNER_CLI,
    '--port',
    String(options.port),
    '--service',
    options.serviceUrl,
    '--api-key',
    options.apiKey,
    '--webhook-secret',
    options.webhookSecret,
    '--store',
    options.storeFile,
    ...(options.toleranceMs ? ['--tolerance-ms', String(options.toleranceMs)] : []),
  ]
  return spawnReady(args, /Partner app listening on (http:\/\/\S+)/, 'Partner app')
}
