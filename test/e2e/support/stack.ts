// Everything an end-to-end test drives, as real processes: a seeded lake, the built Studio served
// as static files (pointed at that lake), and the club site's production build served by `next start`.
import {spawn, type ChildProcess} from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {configPath, DEFAULT_CORS, DEFAULT_PROJECT_ID, newToken, type LakeConfig} from '@spotter/lake'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {ensureSiteBuild, serveSite} from '../../../examples/club-site/build.ts'
import {freePort} from '../../../examples/club-site/test/support/site.ts'
import {ensureStudioBuild, projectNode} from '../../../studio/build.ts'
import {serveStudio, type StudioServer} from '../../../studio/serve.ts'

export const root = fileURLToPath(new URL('../../../', import.meta.url))

export interface Stack {
  lake: SpawnedLake
  studio: StudioServer
  /** The club site's base URL. */
  siteUrl: string
  /** The lake as the browser reaches it (TLS + HTTP/2). */
  browserLakeUrl: string
  /** A write token per editor asked for in `startStack({editors})`, by name (the name is its identity). */
  editorTokens: Record<string, string>
  close(): Promise<void>
}

export interface StackOptions {
  /** More editors, each with a write token of their own, for tests with several people in the Studio. */
  editors?: string[]
}

/** Starts a child process and resolves with group 1 of the first stdout match of `ready`. */
export function startProcess(
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{child: ChildProcess; match: string; output: () => string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(projectNode, args, {cwd: root, env, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    let done = false
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = ready.exec(output)
      if (m && !done) {
        done = true
        resolve({child, match: m[1] ?? '', output: () => output})
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code, signal) => {
      if (!done) reject(new Error(`${args.join(' ')} exited (${signal ?? code}) before it was ready:\n${output}`))
    })
    process.once('exit', () => child.kill('SIGKILL'))
  })
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
    child.kill(signal)
  })
}

/**
 * A data dir whose config has spawnLake's usual read and write tokens (same names) plus one write
 * token per editor. spawnLake keeps a config it finds, so the lake starts with these tokens.
 */
function dataDirWithEditors(editors: string[]): {dataDir: string; editorTokens: Record<string, string>} {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-e2e-lake-'))
  const editorTokens = Object.fromEntries(editors.map((name) => [name, newToken('write')]))
  const config: LakeConfig = {
    projectId: DEFAULT_PROJECT_ID,
    datasets: ['production'],
    tokens: [
      {token: newToken('read'), role: 'read', name: 'test-read'},
      {token: newToken('write'), role: 'write', name: 'test-write'},
      ...Object.entries(editorTokens).map(([name, token]) => ({token, role: 'write' as const, name})),
    ],
    anonymousRole: 'none',
    cors: [...DEFAULT_CORS],
  }
  fs.writeFileSync(configPath(dataDir), `${JSON.stringify(config, null, 2)}\n`)
  return {dataDir, editorTokens}
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const editors = options.editors?.length ? dataDirWithEditors(options.editors) : undefined
  const seed = path.join(root, 'seed', 'spotter.ndjson')
  const [lake, build, siteBuild] = await Promise.all([spawnLake({seed, dataDir: editors?.dataDir}), ensureStudioBuild(), ensureSiteBuild()])
  const browserLakeUrl = `https://localhost:${lake.port}`
  const studio = await serveStudio({dir: build.dir, lakeUrl: browserLakeUrl, projectId: lake.projectId, dataset: lake.dataset})
  // The Studio calls the lake from its own origin, with credentials, as on a hosted project.
  lake.allowOrigin(studio.url, true)
  // Draft mode checks the Presentation tool's preview secrets with the read token.
  // Its URL is known before it starts: image URLs point at it.
  const port = await freePort()
  const site = await serveSite(siteBuild, {
    port,
    env: {SPOTTER_LAKE_URL: lake.url, SPOTTER_PREVIEW_TOKEN: lake.readToken, SPOTTER_SITE_URL: `http://localhost:${port}`},
  })
  return {
    lake,
    studio,
    siteUrl: site.url,
    browserLakeUrl,
    editorTokens: editors?.editorTokens ?? {},
    async close() {
      await site.close()
      await studio.close()
      await lake.stop()
      // spawnLake removes only data dirs it made itself.
      if (editors) fs.rmSync(editors.dataDir, {recursive: true, force: true})
    },
  }
}
