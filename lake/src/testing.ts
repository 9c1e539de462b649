// @spotter/lake/testing: test a Sanity app against a real lake process. `startLake()` runs the
// lake's CLI on a free port with a temp data dir, a dataset and fresh tokens, and hands out real
// @sanity/client instances for it; `reset()` brings the dataset back to its saved state between
// tests in milliseconds. Knows nothing of any schema: any Sanity project's NDJSON export works.
import {spawn, type ChildProcess} from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createClient, type ClientConfig, type SanityClient} from '@sanity/client'
import {configPath, DEFAULT_CORS, DEFAULT_PROJECT_ID, newToken, type LakeConfig} from './config.ts'
import {addCorsOrigin} from './cors-origins.ts'
import type {RateLimits} from './rate-limits.ts'
import {siblingModule} from './module-url.ts'

export interface StartLakeOptions {
  /** A Sanity NDJSON export to load at start (`_sanityAsset` files are read next to it). */
  seed?: string
  /** Documents to import at start (after `seed`), as `/data/import` takes them. */
  documents?: Array<Record<string, unknown>>
  /** Datasets to create; the first is the one `seed`, `documents`, `client()` and `reset()` use. Default `['production']`. */
  datasets?: string[]
  /** Default `spotter`. */
  projectId?: string
  /** Keep the data here instead of a temp dir that `stop()` removes (a dir with a config keeps its tokens). */
  dataDir?: string
  queryTimeoutMs?: number
  /**
   * Results a query does not order come out shuffled (`--shuffle-unordered`), as hosted Sanity
   * gives no order without `order()`: on by default, so tests cannot depend on `_id` order.
   * Pass false only for a test about the lake's `_id` order itself (or to measure the default mode).
   */
  shuffleUnordered?: boolean
  /**
   * The lake answers with hosted's rate limits unless told otherwise: a test doing bulk work
   * (bursts, conformance, seeding over HTTP) passes 'off', or raises some (`{mutationsPerSecond: 100}`).
   */
  rateLimits?: 'off' | Partial<RateLimits>
  /** More `spotter-lake serve` options, e.g. `['--anonymous-role', 'read']`. */
  args?: string[]
}

export interface ResetResult {
  /** Documents written back as they were saved. */
  restored: number
  /** Documents created since the snapshot, now deleted. */
  deleted: number
  /** Time the lake spent on the reset. */
  ms: number
}

export interface TestLake {
  /** Plain HTTP base, e.g. http://127.0.0.1:PORT (the `apiHost` for @sanity/client). */
  readonly url: string
  readonly port: number
  /** The lake process's id while it runs (e.g. to read its resident memory). */
  readonly pid: number | undefined
  readonly projectId: string
  /** The first dataset. */
  readonly dataset: string
  readonly dataDir: string
  readonly readToken: string
  readonly writeToken: string
  /** A real @sanity/client for this lake: apiVersion '2025-02-19', useCdn false, the write token
   *  unless overridden (pass `{token: undefined}` for an anonymous client). */
  client(overrides?: Partial<ClientConfig>): SanityClient
  /** Saves the dataset's current documents (in the lake's memory) as the state `reset()` returns to.
   *  `startLake` saves one right after loading `seed` and `documents`. */
  snapshot(dataset?: string): Promise<void>
  /** Brings the dataset back to the last snapshot without restarting the lake. */
  reset(dataset?: string): Promise<ResetResult>
  /** Sends the signal (default SIGTERM) and waits for the process to exit; SIGKILL for crash tests. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** Starts the lake again on the same data dir and port (snapshots are not kept across a restart). */
  restart(): Promise<void>
  /** Stops the lake and removes the temp data dir it made. */
  stop(): Promise<void>
  /**
   * Adds a browser origin to the lake's CORS list (credentials allowed unless `credentials` is
   * false), as `spotter-lake cors add` does; the running lake picks it up at its next request.
   */
  allowOrigin(origin: string, credentials?: boolean): void
}

const CLI = fileURLToPath(siblingModule('cli', import.meta.url))
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

export async function startLake(options: StartLakeOptions = {}): Promise<TestLake> {
  installExitHook()
  const ownsDir = options.dataDir === undefined
  const dataDir = path.resolve(options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-lake-')))
  fs.mkdirSync(dataDir, {recursive: true})
  const config = ensureConfig(dataDir, options)
  const readToken = config.tokens.find((t) => t.role === 'read')?.token ?? ''
  const writeToken = config.tokens.find((t) => t.role === 'write')?.token ?? ''
  const dataset = options.datasets?.[0] ?? 'production'
  const seed = options.seed === undefined ? undefined : path.resolve(options.seed)

  let child: ChildProcess | null = null
  let port = 0
  let url = ''

  const start = async (listenPort: number) => {
    const args = [CLI, 'serve', '--port', String(listenPort), '--data-dir', dataDir]
    if (seed) args.push('--seed', seed)
    if (options.queryTimeoutMs !== undefined) args.push('--query-timeout-ms', String(options.queryTimeoutMs))
    if (options.rateLimits !== undefined) args.push('--rate-limits', rateLimitsArg(options.rateLimits))
    for (const name of options.datasets ?? []) args.push('--dataset', name)
    if (options.shuffleUnordered !== false) args.push('--shuffle-unordered')
    args.push(...(options.args ?? []))
    const proc = spawn(process.execPath, args, {stdio: ['ignore', 'pipe', 'pipe']})
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

  /** A lake-only endpoint, with the write token. */
  const post = async (route: string, body?: string): Promise<Record<string, unknown>> => {
    const response = await fetch(`${url}/v1/${route}`, {
      method: 'POST',
      headers: {authorization: `Bearer ${writeToken}`, 'content-type': 'application/x-ndjson'},
      body,
    })
    const json = (await response.json()) as Record<string, unknown>
    if (!response.ok)
      throw Object.assign(new Error(`POST /v1/${route} failed (${response.status}): ${String(json.message ?? JSON.stringify(json))}`), {
        status: response.status,
      })
    return json
  }

  await start(0)

  const lake: TestLake = {
    get url() {
      return url
    },
    get port() {
      return port
    },
    get pid() {
      return child?.pid
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
    async snapshot(name = dataset) {
      await post(`lake/snapshot/${encodeURIComponent(name)}`)
    },
    async reset(name = dataset) {
      const result = await post(`lake/reset/${encodeURIComponent(name)}`)
      return {restored: Number(result.restored), deleted: Number(result.deleted), ms: Number(result.ms)}
    },
    kill,
    async restart() {
      await kill('SIGTERM')
      await start(port) // serve seeds only an empty data dir
    },
    async stop() {
      await kill('SIGTERM')
      if (ownsDir) fs.rmSync(dataDir, {recursive: true, force: true})
    },
    allowOrigin(origin, credentials = true) {
      addCorsOrigin(configPath(dataDir), origin, credentials)
    },
  }
  try {
    if (options.documents?.length)
      await post(`data/import/${encodeURIComponent(dataset)}`, options.documents.map((doc) => JSON.stringify(doc)).join('\n'))
    for (const name of options.datasets ?? [dataset]) {
      // A dataset the lake set aside as damaged (503) has no state to return to: crash and repair
      // tests start on such data dirs on purpose.
      await lake.snapshot(name).catch((error: Error & {status?: number}) => {
        if (error.status !== 503) throw error
      })
    }
  } catch (error) {
    await lake.stop()
    throw error
  }
  return lake
}

function rateLimitsArg(limits: 'off' | Partial<RateLimits>): string {
  if (limits === 'off') return 'off'
  const parts = Object.entries(limits).map(([name, n]) => `${name}=${n}`)
  return parts.length > 0 ? parts.join(',') : 'hosted'
}
/** The name the repository's tests know. */
export const spawnLake = startLake
export type SpawnedLake = TestLake
export type SpawnLakeOptions = StartLakeOptions

/** Writes a config with fresh tokens unless the data dir already has one (restart, reuse). */
function ensureConfig(dataDir: string, options: StartLakeOptions): LakeConfig {
  const file = configPath(dataDir)
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as LakeConfig
  const config: LakeConfig = {
    projectId: options.projectId ?? DEFAULT_PROJECT_ID,
    datasets: options.datasets?.length ? options.datasets : ['production'],
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
