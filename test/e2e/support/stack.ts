// Everything an end-to-end test drives, as real processes: a seeded lake, the built Studio served
// as static files (pointed at that lake), and the club site's own CLI as a child process.
import {spawn, type ChildProcess} from 'node:child_process'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {spawnLake, type SpawnedLake} from '../../../lake/src/testing.ts'
import {ensureStudioBuild, projectNode} from '../../../studio/build.ts'
import {serveStudio, type StudioServer} from '../../../studio/serve.ts'

export const root = fileURLToPath(new URL('../../../', import.meta.url))
export const PREVIEW_SECRET = 'e2e-preview-secret'

export interface Stack {
  lake: SpawnedLake
  studio: StudioServer
  /** The club site's base URL. */
  siteUrl: string
  /** The lake as the browser reaches it (TLS + HTTP/2). */
  browserLakeUrl: string
  close(): Promise<void>
}

/** Starts a child process and resolves with group 1 of the first stdout match of `ready`. */
export function startProcess(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env): Promise<{child: ChildProcess; match: string; output: () => string}> {
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

export async function startStack(): Promise<Stack> {
  const [lake, build] = await Promise.all([spawnLake({seed: path.join(root, 'seed', 'spotter.ndjson')}), ensureStudioBuild()])
  const browserLakeUrl = `https://localhost:${lake.port}`
  const studio = await serveStudio({dir: build.dir, lakeUrl: browserLakeUrl})
  const site = await startProcess(
    ['examples/club-site/src/cli.ts', '--lake-url', lake.url, '--port', '0', '--preview-token', lake.readToken, '--preview-secret', PREVIEW_SECRET],
    /listening on (\S+)/,
  )
  return {
    lake,
    studio,
    siteUrl: site.match,
    browserLakeUrl,
    async close() {
      await stopProcess(site.child)
      await studio.close()
      await lake.stop()
    },
  }
}
