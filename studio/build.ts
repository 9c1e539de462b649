// Builds the Studio once per version of its sources: the output goes to a folder named after a
// hash of everything that goes into it (config, studio/src, the schemas, the importer, the vocabulary, the sanity version), so
// `npm start` and the browser tests reuse a build until a source changes, and a build being
// served is never overwritten. Concurrent callers wait for one build (a lock directory).
import {spawn} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {buildOnce, inputsHash, projectNode, sourceFiles, type KeptBuild} from '../scripts/build-once.ts'

export {projectNode}

const studioDir = path.dirname(fileURLToPath(import.meta.url))
const root = path.join(studioDir, '..')
const cacheDir = path.join(root, 'node_modules', '.cache', 'spotter-studio')
const KEEP_BUILDS = 5

/** The SANITY_STUDIO_* variables a build inlines (src/environment.ts): inputs of the build too. */
function studioVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => entry[0].startsWith('SANITY_STUDIO_') && entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
}

/** A hash of every input of the build. */
export function studioSourceHash(env: NodeJS.ProcessEnv = process.env): string {
  const inputs = [
    path.join(studioDir, 'sanity.config.ts'),
    path.join(studioDir, 'sanity.cli.ts'),
    path.join(studioDir, 'package.json'),
    path.join(root, 'node_modules', 'sanity', 'package.json'),
    ...sourceFiles(path.join(studioDir, 'src')),
    ...sourceFiles(path.join(root, 'schemas', 'src')),
    ...sourceFiles(path.join(root, 'importer', 'src')),
    ...sourceFiles(path.join(root, 'vocabulary', 'src')),
  ]
  return inputsHash(inputs, studioVariables(env))
}

export type StudioBuild = KeptBuild

/**
 * The built Studio for the current sources, building it first if needed (~20 s). `env` (default:
 * this process's) is what the build sees, SANITY_STUDIO_* variables included.
 */
export function ensureStudioBuild(options: {log?: (line: string) => void; env?: NodeJS.ProcessEnv} = {}): Promise<StudioBuild> {
  const env = options.env ?? process.env
  return buildOnce({
    dir: path.join(cacheDir, studioSourceHash(env)),
    complete: (dir) => fs.existsSync(path.join(dir, 'index.html')),
    keep: KEEP_BUILDS,
    build: async (dir) => {
      // Built beside and renamed when done: a Studio being served is never half-written.
      const tmp = `${dir}.tmp-${process.pid}`
      fs.rmSync(tmp, {recursive: true, force: true})
      options.log?.('Building the Studio for these sources (once; about 20 seconds)...')
      await runSanityBuild(tmp, env)
      fs.renameSync(tmp, dir)
    },
  })
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
