// Builds the club site once per version of its sources and serves the production build.
// The build goes to `.builds/<hash>`, a hash of every input (the site's sources, the SDK and
// vocabulary sources its built packages come from, the Next.js and next-sanity versions), so
// `npm start`, the tests and the bench share one build until a source changes. Concurrent callers
// wait for one build (a lock directory). The site reads its configuration from the environment
// when it starts (lib/config.ts), so one build serves any lake or hosted project.
//
// `node build.ts [--build-only]`: builds if needed, then (without --build-only) serves on PORT.
import {spawn, execFileSync, type ChildProcess} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {buildOnce, inputsHash, projectNode, sourceFiles, type KeptBuild} from '../../scripts/build-once.ts'

const siteDir = import.meta.dirname
const root = path.join(siteDir, '..', '..')
const buildsDir = path.join(siteDir, '.builds')
const KEEP_BUILDS = 3
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
/** Written last: a build folder without it is unfinished. */
const DONE = 'spotter-build-complete'

/** A hash of every input of the build. */
export function siteSourceHash(): string {
  return inputsHash([
    path.join(siteDir, 'next.config.ts'),
    path.join(siteDir, 'package.json'),
    path.join(root, 'node_modules', 'next', 'package.json'),
    path.join(root, 'node_modules', 'next-sanity', 'package.json'),
    ...sourceFiles(path.join(siteDir, 'app')),
    ...sourceFiles(path.join(siteDir, 'components')),
    ...sourceFiles(path.join(siteDir, 'lib')),
    ...['sdk', 'vocabulary'].flatMap((pkg) => [
      path.join(root, pkg, 'package.json'),
      path.join(root, pkg, 'tsconfig.build.json'),
      ...sourceFiles(path.join(root, pkg, 'src')),
    ]),
  ])
}

/** Next.js builds and runs offline and quietly, on the project's Node. */
function nextEnv(distDir: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // Users get the SDK's built JavaScript; so does the site: no `spotter-source` condition here.
  const nodeOptions = (process.env.NODE_OPTIONS ?? '').replace(/--conditions[= ]spotter-source/g, '').trim()
  return {
    ...process.env,
    NODE_OPTIONS: nodeOptions,
    NEXT_TELEMETRY_DISABLED: '1',
    CI: 'true',
    DO_NOT_TRACK: '1',
    PATH: `${path.dirname(projectNode)}${path.delimiter}${process.env.PATH ?? ''}`,
    SPOTTER_SITE_DIST_DIR: path.relative(siteDir, distDir),
    ...extra,
  }
}

/** `dir`: the build folder (next.config.ts reads it, relative to the site, from SPOTTER_SITE_DIST_DIR). */
export type SiteBuild = KeptBuild

/** The site's production build for the current sources, building it first if needed (about a minute). */
export function ensureSiteBuild(options: {log?: (line: string) => void} = {}): Promise<SiteBuild> {
  return buildOnce({
    dir: path.join(buildsDir, siteSourceHash()),
    complete: (dir) => fs.existsSync(path.join(dir, DONE)),
    keep: KEEP_BUILDS,
    build: async (dir) => {
      options.log?.('Building the club site for these sources (once; about a minute)...')
      // The SDK as users install it: its built JavaScript (dist/), after the vocabulary it reads.
      execFileSync(projectNode, [path.join(root, 'scripts', 'build-package.ts')], {
        cwd: path.join(root, 'sdk'),
        stdio: 'inherit',
        env: nextEnv(dir),
      })
      await run([nextBin, 'build'], nextEnv(dir))
      fs.writeFileSync(path.join(dir, DONE), `${new Date().toISOString()}\n`)
    },
  })
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const child = spawn(projectNode, args, {cwd: siteDir, env, stdio: ['ignore', 'pipe', 'pipe']})
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next ${args[1]} failed (${code}):\n${output}`))))
  })
}

/** What the running site reads (lib/config.ts); each is documented in README.md. */
export interface SiteEnv {
  SPOTTER_LAKE_URL?: string
  SPOTTER_PROJECT_ID?: string
  SPOTTER_DATASET?: string
  SPOTTER_READ_TOKEN?: string
  SPOTTER_PREVIEW_TOKEN?: string
  SPOTTER_REVALIDATE_SECRET?: string
  SPOTTER_SITE_URL?: string
  SPOTTER_CLUB?: string
}

export interface RunningSite {
  url: string
  port: number
  process: ChildProcess
  close(): Promise<void>
}

/** Serves a build with `next start` on `port` (0: a free one) and resolves once it answers. */
export function serveSite(
  build: SiteBuild,
  options: {port: number; host?: string; env: SiteEnv; log?: (text: string) => void},
): Promise<RunningSite> {
  const host = options.host ?? '127.0.0.1'
  const args = [nextBin, 'start', '--port', String(options.port), '--hostname', host]
  const child = spawn(projectNode, args, {
    cwd: siteDir,
    env: nextEnv(build.dir, {...options.env, PORT: String(options.port), NODE_ENV: 'production'}),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    let ready = false
    const onData = (chunk: Buffer) => {
      const text = chunk.toString()
      options.log?.(text)
      if (ready) return
      output += text
      const match = /Local:\s+(http:\/\/\S+)/.exec(output)
      if (match) {
        ready = true
        const port = Number(new URL(match[1]!).port)
        const url = `http://localhost:${port}`
        resolve({
          url,
          port,
          process: child,
          close: () =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done()
              child.once('exit', () => done())
              child.kill('SIGTERM')
            }),
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code, signal) => {
      if (!ready) reject(new Error(`the club site exited (${signal ?? code}) before it was ready:\n${output}`))
    })
  })
}

if (import.meta.filename === process.argv[1]) {
  const build = await ensureSiteBuild({log: console.log})
  if (!process.argv.includes('--build-only')) {
    const site = await serveSite(build, {
      port: Number(process.env.PORT ?? 3100),
      env: process.env as SiteEnv,
      log: (t) => process.stdout.write(t),
    })
    console.log(`Club site listening on ${site.url}`)
    const stop = () => void site.close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  }
}
