// What users install: the four packages are built and packed (`npm pack`, whose prepack runs each
// build once), then installed from their tarballs into a fresh project outside the repository
// (no workspace links) with `npm ci --offline` from a lockfile written from this repository's
// own (support/consumer-lock.ts): nothing is fetched, the npm cache that `npm ci` of the
// repository filled is enough. In that project, with no source condition and no TypeScript
// stripping: a Node ESM app runs the `spotter-lake` bin, queries it with the SDK and renders an
// article (React, HTML, text, Markdown, JSON-LD) and uses @spotter/lake/testing; the React entry
// renders as a React Server Component; tsc (strict, skipLibCheck off) checks a consumer under
// nodenext and bundler resolution; esbuild bundles the React entry for the browser; Sanity loads
// the Studio plugin, and `sanity build` bundles a Studio that only adds it.
import {execFile, type ExecFileOptions} from 'node:child_process'
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {consumerLockfile, type PackedWorkspace, type RepoLock} from './support/consumer-lock.ts'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')
const CONSUMER_FILES = path.join(import.meta.dirname, 'consumer')
const WORKSPACES = ['vocabulary', 'sdk', 'schemas', 'lake']
/** What the consumer installs besides the tarballs (versions as the repository locks them). */
const CONSUMER_DEPENDENCIES = [
  'react',
  'react-dom',
  'sanity',
  'styled-components',
  'typescript',
  'esbuild',
  '@types/react',
  '@types/react-dom',
  '@types/node',
]
const SLUG = 'back-hyperextensions'
const MINUTES = 60_000

let project: string
let packed: Array<PackedWorkspace & {files: string[]}>
const timings: string[] = []

/** The consumer's environment: the project's Node first on PATH, no npm settings or Node options
 *  of this repository (no source condition), offline; the npm cache is kept when one is set. */
function consumerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? os.homedir(),
    TMPDIR: os.tmpdir(),
    CI: 'true',
    DO_NOT_TRACK: '1',
    NO_UPDATE_NOTIFIER: '1',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  }
  if (process.env.npm_config_cache) env.npm_config_cache = process.env.npm_config_cache
  return env
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await work()
  } finally {
    timings.push(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
}

async function inProject(file: string, args: string[], options: ExecFileOptions = {}): Promise<string> {
  try {
    const {stdout} = await run(file, args, {
      cwd: project,
      env: consumerEnv(),
      maxBuffer: 64 * 1024 * 1024,
      timeout: 5 * MINUTES,
      encoding: 'utf8',
      ...options,
    })
    return String(stdout)
  } catch (error) {
    const e = error as {stdout?: string; stderr?: string; message: string}
    throw new Error(`${path.basename(file)} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`)
  }
}

const node = (args: string[]) => inProject(process.execPath, args)
const bin = (name: string, args: string[]) => inProject(path.join(project, 'node_modules', '.bin', name), args)

beforeAll(async () => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-consumer-'))
  const tarballs = path.join(project, 'tarballs')
  fs.mkdirSync(tarballs)
  // npm pack runs each package's prepack (its build) once.
  const {stdout} = await timed('build and pack', () =>
    run('npm', ['pack', ...WORKSPACES.flatMap((w) => ['-w', w]), '--pack-destination', tarballs, '--json', '--offline'], {
      cwd: ROOT,
      env: {...process.env, npm_config_update_notifier: 'false'},
      maxBuffer: 64 * 1024 * 1024,
      timeout: 10 * MINUTES,
    }),
  )
  const reports = JSON.parse(stdout) as Array<{name: string; filename: string; files: Array<{path: string}>}>
  packed = WORKSPACES.map((workspace) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, workspace, 'package.json'), 'utf8')) as PackedWorkspace['manifest']
    const report = reports.find((r) => r.name === manifest.name)
    if (!report) throw new Error(`npm pack did not pack ${manifest.name}`)
    const file = path.join(tarballs, report.filename)
    const integrity = `sha512-${createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`
    return {workspace, manifest, tarball: `tarballs/${report.filename}`, integrity, files: report.files.map((f) => f.path)}
  })
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as RepoLock
  const registry = (await inProject('npm', ['config', 'get', 'registry'])).trim()
  const {packageJson, lockfile} = consumerLockfile(lock, packed, CONSUMER_DEPENDENCIES, 'spotter-consumer', registry)
  fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`)
  fs.writeFileSync(path.join(project, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`)
  fs.cpSync(CONSUMER_FILES, project, {recursive: true})
  fs.cpSync(path.join(ROOT, 'seed', 'spotter.ndjson'), path.join(project, 'seed', 'spotter.ndjson'))
  fs.cpSync(path.join(ROOT, 'seed', 'images'), path.join(project, 'seed', 'images'), {recursive: true})
  fs.mkdirSync(path.join(project, 'out'))
  // --offline: from the npm cache only. No install scripts: none of ours has one.
  await timed('npm ci --offline', () => inProject('npm', ['ci', '--offline', '--ignore-scripts'], {timeout: 10 * MINUTES}))
}, 20 * MINUTES)

afterAll(async () => {
  console.log(`packages install test: ${timings.join(', ')}`)
  // SPOTTER_KEEP_CONSUMER=1 keeps the project to look into. Removing it (some 50,000 files) takes
  // a while on a busy machine.
  if (project && !process.env.SPOTTER_KEEP_CONSUMER) await fs.promises.rm(project, {recursive: true, force: true})
  else if (project) console.log(`consumer project kept in ${project}`)
}, 5 * MINUTES)

describe('the published packages, installed from their tarballs', () => {
  it('hold the build, the declarations, the README and CHANGELOG, and no sources or tests', () => {
    for (const p of packed) {
      expect(p.files.filter((f) => !f.startsWith('dist/')).sort(), p.manifest.name).toEqual(['CHANGELOG.md', 'README.md', 'package.json'])
      const pkg = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', p.manifest.name, 'package.json'), 'utf8')) as {
        private?: boolean
        version: string
        exports: Record<string, string | {types: string; default: string}>
      }
      expect(pkg.private).toBeUndefined()
      expect(pkg.version).toMatch(/^0\.\d+\.\d+$/)
      for (const [entry, target] of Object.entries(pkg.exports)) {
        if (typeof target === 'string') continue
        for (const file of [target.types, target.default])
          expect(p.files, `${p.manifest.name} ${entry}`).toContain(file.replace(/^\.\//, ''))
      }
      expect(fs.existsSync(path.join(project, 'node_modules', p.manifest.name, 'src')), p.manifest.name).toBe(false)
      // Declarations point at the .js files (as every TypeScript version and tool resolves them).
      const installed = path.join(project, 'node_modules', p.manifest.name)
      const tsImports = p.files
        .filter((f) => f.endsWith('.d.ts'))
        .flatMap((f) => fs.readFileSync(path.join(installed, f), 'utf8').match(/(?:from|import)\s*\(?\s*['"]\.\.?\/[^'"]+\.ts['"]/g) ?? [])
      expect(tsImports, p.manifest.name).toEqual([])
      // No link back into the repository: a real installed copy.
      expect(fs.lstatSync(path.join(project, 'node_modules', p.manifest.name)).isSymbolicLink()).toBe(false)
    }
  })

  it(
    'run in a Node ESM app: the spotter-lake bin, SDK queries, every renderer, the testing API',
    async () => {
      const report = JSON.parse(await timed('app', () => node(['app.mjs', SLUG, 'out']))) as {
        title: string
        reactHtml: string
        html: string
        text: string
        markdown: string
        jsonLd: {'@type': string; headline: string}
        testing: {before: number; during: number; after: number; reset: {restored: number; deleted: number}}
      }
      expect(report.title).toBe('Back Hyperextensions')
      expect(report.reactHtml).toContain('<h1>Back Hyperextensions</h1>')
      expect(report.html).toContain('<h1>Back Hyperextensions</h1>')
      expect(report.text).toContain('Back Hyperextensions')
      expect(report.markdown.startsWith('# Back Hyperextensions')).toBe(true)
      expect(report.jsonLd.headline).toBe('Back Hyperextensions')
      expect(report.testing.during).toBe(report.testing.before + 1)
      expect(report.testing).toMatchObject({after: report.testing.before, reset: {restored: 0, deleted: 1}})
    },
    3 * MINUTES,
  )

  it('render an article as React Server Components (react-server condition), the same HTML as on the server', async () => {
    // Needs out/article.json from the app test.
    expect(fs.existsSync(path.join(project, 'out', 'article.json'))).toBe(true)
    expect(JSON.parse(await node(['--conditions=react-server', 'rsc.mjs', 'out']))).toEqual({serverBuild: true})
    const html = await node(['rsc-client.mjs', 'out'])
    expect(html).toContain('<h1>Back Hyperextensions</h1>')
    expect(html).toBe(fs.readFileSync(path.join(project, 'out', 'react.html'), 'utf8'))
  })

  // consumer.ts holds a @ts-expect-error that only a real type (not `any`) satisfies: the check
  // fails if the declarations stop resolving.
  it(
    'type-check in a strict consumer with skipLibCheck off (nodenext and bundler resolution)',
    async () => {
      await timed('tsc nodenext', () => bin('tsc', ['-p', 'tsconfig.nodenext.json']))
      await timed('tsc bundler', () => bin('tsc', ['-p', 'tsconfig.bundler.json']))
      // A Studio config with the plugin: skipLibCheck on, as Sanity's own Studio templates have it,
      // since sanity's declarations need types it does not install (semver, lodash-es, ESNext lib).
      await timed('tsc studio', () => bin('tsc', ['-p', 'tsconfig.studio.json']))
    },
    10 * MINUTES,
  )

  it(
    'bundle the React entry for the browser, with the browser build of #compile-schema',
    async () => {
      await timed('esbuild', () =>
        bin('esbuild', [
          'browser.mjs',
          '--bundle',
          '--platform=browser',
          '--format=esm',
          '--minify',
          '--outfile=out/browser.js',
          '--metafile=out/browser-meta.json',
          '--log-level=warning',
        ]),
      )
      const inputs = Object.keys(
        (JSON.parse(fs.readFileSync(path.join(project, 'out', 'browser-meta.json'), 'utf8')) as {inputs: object}).inputs,
      )
      expect(inputs).toContain('node_modules/@spotter/sdk/dist/react/index.js')
      expect(inputs).toContain('node_modules/@spotter/sdk/dist/compile-schema.browser.js')
      expect(inputs).not.toContain('node_modules/@spotter/sdk/dist/compile-schema.js')
      expect(inputs.filter((file) => file.includes('/src/'))).toEqual([])
    },
    3 * MINUTES,
  )

  it(
    'add Spotter to a Studio: spotter() with sanity installed',
    async () => {
      const report = JSON.parse(await timed('studio plugin', () => node(['studio.mjs']))) as {
        types: string[]
        errors: string[]
        templates: string[]
        newExercise: string[]
        slugHasValidation: boolean
        structure: string
      }
      expect(report.errors).toEqual([])
      expect(report.types).toEqual(
        expect.arrayContaining([
          'article',
          'club',
          'disclaimer',
          'equipment',
          'exercise',
          'muscle',
          'organization',
          'person',
          'prescription',
          'range',
          'step',
        ]),
      )
      expect(report.templates).toEqual(expect.arrayContaining(['exercise', 'article', 'exercise-in-category', 'article-of-kind']))
      expect(report.newExercise.sort()).toEqual(['prescriptions', 'setups', 'steps'])
      expect(report.slugHasValidation).toBe(true)
      expect(report.structure).toBe('function')
    },
    3 * MINUTES,
  )

  it(
    'build a Studio that only adds the plugin and its desk (sanity build, offline)',
    async () => {
      await timed('sanity build', () => bin('sanity', ['build', 'out/studio', '--yes']))
      const bundle = path.join(project, 'out', 'studio')
      expect(fs.existsSync(path.join(bundle, 'index.html'))).toBe(true)
      // The plugin's own code is in the bundle: the desk's work lists and the range input's help.
      const scripts = fs.readdirSync(path.join(bundle, 'static')).filter((file) => file.endsWith('.js'))
      const text = scripts.map((file) => fs.readFileSync(path.join(bundle, 'static', file), 'utf8')).join('\n')
      expect(text).toContain('Stub exercises')
      expect(text).toContain('Needs attention')
    },
    5 * MINUTES,
  )
})
