// Builds the Studio once per version of its sources: the output goes to a folder named after a
// hash of everything that goes into it (config, studio/src, the schemas, the importer, the vocabulary, the sanity version), so
// `npm start` and the browser tests reuse a build until a source changes, and a build being
// served is never overwritten. Concurrent callers wait for one build (a lock directory).
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'

const studioDir = path.dirname(fileURLToPath(import.meta.url))
const root = path.join(studioDir, '..')
const cacheDir = path.join(root, 'node_modules', '.cache', 'spotter-studio')
const LOCK_STALE_MS = 10 * 60_000
/** The project's own Node (22, from the `node` devDependency): the one that runs this file may be older. */
export const projectNode = fs.existsSync(path.join(root, 'node_modules', '.bin', 'node'))
  ? path.join(root, 'node_modules', '.bin', 'node')
  : process.execPath

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile() && /\.(ts|tsx|js|json|css)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
}

/** The SANITY_STUDIO_* variables a build inlines (src/environment.ts): inputs of the build too. */
function studioVariables(env: NodeJS.ProcessEnv): [string, string][] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => entry[0].startsWith('SANITY_STUDIO_') && entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
}

/** A hash of every input of the build. */
export function studioSourceHash(env: NodeJS.ProcessEnv = process.env): string {
  const inputs = [
    path.join(studioDir, 'sanity.config.ts'),
    path.join(studioDir, 'sanity.cli.ts'),
    path.join(studioDir, 'package.json'),
    path.join(root, 'node_modules', 'sanity', 'package.json'),
    ...files(path.join(studioDir, 'src')),
    ...files(path.join(root, 'schemas', 'src')),
    ...files(path.join(root, 'importer', 'src')),
    ...files(path.join(root, 'vocabulary', 'src')),
  ].sort()
  const hash = createHash('sha256')
  for (const file of inputs) {
    hash.update(path.relative(root, file)).update('\0')
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file))
    hash.update('\0')
  }
  for (const [name, value] of studioVariables(env)) hash.update(`${name}=${value}\0`)
  return hash.digest('hex').slice(0, 16)
}

export interface StudioBuild {
  dir: string
  /** False when an earlier build of the same sources was reused. */
  built: boolean
}

/**
 * The built Studio for the current sources, building it first if needed (~20 s). `env` (default:
 * this process's) is what the build sees, SANITY_STUDIO_* variables included.
 */
export async function ensureStudioBuild(options: {log?: (line: string) => void; env?: NodeJS.ProcessEnv} = {}): Promise<StudioBuild> {
  const env = options.env ?? process.env
  const dir = path.join(cacheDir, studioSourceHash(env))
  if (fs.existsSync(path.join(dir, 'index.html'))) return {dir, built: false}
  fs.mkdirSync(cacheDir, {recursive: true})
  const lock = `${dir}.lock`
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const age = Date.now() - fs.statSync(lock, {throwIfNoEntry: false})!.mtimeMs
      if (age > LOCK_STALE_MS) fs.rmSync(lock, {recursive: true, force: true})
      else await new Promise((r) => setTimeout(r, 500))
      if (fs.existsSync(path.join(dir, 'index.html'))) return {dir, built: false}
    }
  }
  try {
    if (fs.existsSync(path.join(dir, 'index.html'))) return {dir, built: false}
    const tmp = `${dir}.tmp-${process.pid}`
    fs.rmSync(tmp, {recursive: true, force: true})
    options.log?.('Building the Studio for these sources (once; about 20 seconds)...')
    await runSanityBuild(tmp, env)
    fs.rmSync(dir, {recursive: true, force: true})
    fs.renameSync(tmp, dir)
    pruneOldBuilds(KEEP_BUILDS)
    return {dir, built: true}
  } finally {
    fs.rmSync(lock, {recursive: true, force: true})
  }
}

const KEEP_BUILDS = 5

/** Keeps the newest builds only (each is tens of megabytes). */
function pruneOldBuilds(keep: number): void {
  const builds = fs
    .readdirSync(cacheDir, {withFileTypes: true})
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name))
    .map((e) => ({dir: path.join(cacheDir, e.name), time: fs.statSync(path.join(cacheDir, e.name)).mtimeMs}))
    .sort((a, b) => b.time - a.time)
  for (const old of builds.slice(keep)) fs.rmSync(old.dir, {recursive: true, force: true})
}

function runSanityBuild(outDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const cli = path.join(root, 'node_modules', '@sanity', 'cli', 'bin', 'run.js')
  return new Promise((resolve, reject) => {
    const child = spawn(projectNode, [cli, 'build', outDir, '--yes'], {
      cwd: studioDir,
      // Offline and quiet: no telemetry, no update checks, no prompts. The CLI and its workers
      // must run on this Node (22), so it goes first on PATH.
      env: {
        ...env,
        CI: 'true',
        DO_NOT_TRACK: '1',
        NO_UPDATE_NOTIFIER: '1',
        SANITY_TELEMETRY_DISABLED: '1',
        PATH: `${path.dirname(fs.realpathSync(projectNode))}${path.delimiter}${process.env.PATH ?? ''}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0 && fs.existsSync(path.join(outDir, 'index.html'))) resolve()
      else reject(new Error(`sanity build failed (exit ${code}):\n${output.slice(-4000)}`))
    })
  })
}
