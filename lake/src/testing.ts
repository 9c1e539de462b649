// Test support: start a real lake process (the CLI) on a free port with a temp data dir and
// tokens, and hand out real @sanity/client instances for it. No mocks.
import {spawn, type ChildProcess} from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createClient, type ClientConfig, type SanityClient} from '@sanity/client'
import {configPath, DEFAULT_CORS, DEFAULT_PROJECT_ID, newToken, type LakeConfig} from './config.ts'
import {addCorsOrigin} from './cors-origins.ts'

export interface SpawnedLake {
  /** Plain HTTP base, e.g. http://127.0.0.1:PORT (apiHost for @sanity/client). */
  url: string
  port: number
  projectId: string
  dataset: string
  dataDir: string
  readToken: string
  writeToken: string
  /** A real @sanity/client for this lake: useProjectHostname false, useCdn false, apiVersion
   *  '2025-02-19', token: writeToken unless overridden (pass token: null/undefined explicitly
   *  for anonymous). */
  client(overrides?: Partial<ClientConfig>): SanityClient
  /** Sends the signal (default SIGTERM) and waits for the process to exit; e.g. SIGKILL for crash tests. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** Starts the lake again on the same data dir and port. */
  restart(): Promise<void>
  /** SIGTERM, wait for exit, remove a temp data dir it made. */
  stop(): Promise<void>
  /**
   * Adds a browser origin to the lake's CORS list (credentials allowed unless `credentials` is
   * false), as `npm run lake -- cors add` does; the running lake picks it up at its next request.
   */
  allowOrigin(origin: string, credentials?: boolean): void
}

export interface SpawnLakeOptions {
  seed?: string
  dataDir?: string
  datasets?: string[]
  queryTimeoutMs?: number
  args?: string[]
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const CLI = path.join(ROOT, 'lake/src/cli.ts')
const LISTENING = /Spotter lake listening on (http:\/\/\S+)/
const START_TIMEOUT_MS = 60_000

const running = new Set<ChildProcess>()
let exitHookInstalled = false

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL')
  })
}

function nodeBinary(): string {
  const pinned = path.join(ROOT, 'node_modules/.bin/node')
  return fs.existsSync(pinned) ? pinned : process.execPath
}

export async function spawnLake(options: SpawnLakeOptions = {}): Promise<SpawnedLake> {
  installExitHook()
  const ownsDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-lake-'))
  fs.mkdirSync(dataDir, {recursive: true})
  const config = ensureConfig(dataDir, options.datasets)
  const readToken = config.tokens.find((t) => t.role === 'read')?.token ?? ''
  const writeToken = config.tokens.find((t) => t.role === 'write')?.token ?? ''
  const dataset = options.datasets?.[0] ?? 'production'

  let child: ChildProcess | null = null
  let port = 0
  let url = ''

  const start = async (listenPort: number, seed: string | undefined) => {
    const args = [CLI, 'serve', '--port', String(listenPort), '--data-dir', dataDir]
    if (seed) args.push('--seed', seed)
    if (options.queryTimeoutMs !== undefined) args.push('--query-timeout-ms', String(options.queryTimeoutMs))
    for (const name of options.datasets ?? []) args.push('--dataset', name)
    args.push(...(options.args ?? []))
    const proc = spawn(nodeBinary(), args, {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe']})
    running.add(proc)
    proc.once('exit', () => running.delete(proc))
    child = proc
    url = await waitForUrl(proc)
    port = Number(new URL(url).port)
  }

  const waitExit = (proc: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve()
      proc.once('exit', () => resolve())
    })

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child
    if (!proc) return
    const exited = waitExit(proc)
    proc.kill(signal)
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000)
    await exited
    clearTimeout(timer)
    child = null
  }

  await start(0, options.seed)

  const lake: SpawnedLake = {
    get url() {
      return url
    },
    get port() {
      return port
    },
    projectId: config.projectId,
    dataset,
    dataDir,
    readToken,
    writeToken,
    client(overrides = {}) {
      const token = 'token' in overrides ? (overrides.token ?? undefined) : writeToken
      return createClient({
        projectId: config.projectId,
        dataset,
        apiHost: url,
        useProjectHostname: false,
        useCdn: false,
        apiVersion: '2025-02-19',
        ...overrides,
        token,
      })
    },
    kill,
    async restart() {
      await kill('SIGTERM')
      await start(port, options.seed) // serve seeds only an empty data dir
    },
    async stop() {
      await kill('SIGTERM')
      if (ownsDir) fs.rmSync(dataDir, {recursive: true, force: true})
    },
    allowOrigin(origin, credentials = true) {
      addCorsOrigin(configPath(dataDir), origin, credentials)
    },
  }
  return lake
}

/** Writes a config with fresh tokens unless the data dir already has one (restart, reuse). */
function ensureConfig(dataDir: string, datasets: string[] | undefined): LakeConfig {
  const file = configPath(dataDir)
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as LakeConfig
  const config: LakeConfig = {
    projectId: DEFAULT_PROJECT_ID,
    datasets: datasets?.length ? datasets : ['production'],
    tokens: [
      {token: newToken('read'), role: 'read', name: 'test-read'},
      {token: newToken('write'), role: 'write', name: 'test-write'},
    ],
    anonymousRole: 'none',
    cors: [...DEFAULT_CORS],
  }
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`)
  return config
}

function waitForUrl(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => fail(new Error(`Lake did not start within ${START_TIMEOUT_MS} ms\n${stderr}`)), START_TIMEOUT_MS)
    const fail = (err: Error) => {
      clearTimeout(timer)
      reject(err)
    }
    proc.stdout?.setEncoding('utf8')
    proc.stderr?.setEncoding('utf8')
    proc.stdout?.on('data', (chunk: string) => {
      stdout = (stdout + chunk).slice(-10_000)
      const match = LISTENING.exec(stdout)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    // Keep draining stderr so the child never blocks on a full pipe; show it if startup fails.
    proc.stderr?.on('data', (chunk: string) => {
      stderr += chunk
      if (stderr.length > 20_000) stderr = stderr.slice(-10_000)
    })
    proc.once('exit', (code, signal) => fail(new Error(`Lake exited before listening (code ${code}, signal ${signal})\n${stderr}`)))
  })
}
