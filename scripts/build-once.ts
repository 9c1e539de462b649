// Builds kept once per version of their sources, shared by the Studio's and the club site's build
// scripts: a folder named after a hash of every input, so `npm start`, the tests and the benches
// reuse a build until a source changes, concurrent callers wait for one build (a lock directory),
// and a build folder is used only once it is complete.
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'

const root = path.join(import.meta.dirname, '..')
const LOCK_STALE_MS = 10 * 60_000

/** The project's own Node (22, from the `node` devDependency): the one that runs a script may be older. */
export const projectNode = fs.existsSync(path.join(root, 'node_modules', '.bin', 'node'))
  ? path.join(root, 'node_modules', '.bin', 'node')
  : process.execPath

/** The source files under `dir` that can change a build. */
export function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile() && /\.(ts|tsx|js|json|css)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
}

/** A hash of the inputs' paths and contents (a missing file counts as empty), and of `extra`. */
export function inputsHash(inputs: string[], extra: string[] = []): string {
  const hash = createHash('sha256')
  for (const file of [...inputs].sort()) {
    hash.update(path.relative(root, file)).update('\0')
    if (fs.existsSync(file)) hash.update(fs.readFileSync(file))
    hash.update('\0')
  }
  for (const value of extra) hash.update(`${value}\0`)
  return hash.digest('hex').slice(0, 16)
}

export interface KeptBuild {
  dir: string
  /** False when an earlier build of the same inputs was reused. */
  built: boolean
}

/**
 * The build in `dir` (a folder named after its inputs' hash), made by `build` if it is not complete.
 * `complete(dir)` says whether a folder holds a finished build; `build` writes into `dir` and must
 * leave it complete. The newest `keep` builds beside it stay; older ones are removed.
 */
export async function buildOnce(options: {
  dir: string
  complete: (dir: string) => boolean
  build: (dir: string) => Promise<void>
  keep: number
}): Promise<KeptBuild> {
  const {dir, complete} = options
  if (complete(dir)) return {dir, built: false}
  const parent = path.dirname(dir)
  fs.mkdirSync(parent, {recursive: true})
  const lock = `${dir}.lock`
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const age = Date.now() - (fs.statSync(lock, {throwIfNoEntry: false})?.mtimeMs ?? 0)
      if (age > LOCK_STALE_MS) fs.rmSync(lock, {recursive: true, force: true})
      else await new Promise((r) => setTimeout(r, 500))
      if (complete(dir)) return {dir, built: false}
    }
  }
  try {
    if (complete(dir)) return {dir, built: false}
    fs.rmSync(dir, {recursive: true, force: true})
    await options.build(dir)
    if (!complete(dir)) throw new Error(`the build in ${dir} finished without its output`)
    pruneBuilds(parent, options.keep)
    return {dir, built: true}
  } finally {
    fs.rmSync(lock, {recursive: true, force: true})
  }
}

/** Keeps the newest `keep` builds in `parent` (each is tens of megabytes). */
function pruneBuilds(parent: string, keep: number): void {
  const builds = fs
    .readdirSync(parent, {withFileTypes: true})
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name))
    .map((e) => ({dir: path.join(parent, e.name), time: fs.statSync(path.join(parent, e.name)).mtimeMs}))
    .sort((a, b) => b.time - a.time)
  for (const old of builds.slice(keep)) fs.rmSync(old.dir, {recursive: true, force: true})
}
