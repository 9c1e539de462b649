// The importer's browser entry (`@spotter/importer`, what the Studio's "Import article" tool runs)
// in Debian's Chromium with the browser's own DOMParser gives the drafts the CLI gives in Node
// with linkedom: the three seed articles and the two held-out articles, read against the same lake.
import {execFile} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {promisify} from 'node:util'
import {CATALOG_QUERY, CATALOG_TYPES} from '@spotter/importer'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {build} from 'esbuild'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {projectNode} from '../../studio/build.ts'
import {launchBrowser, type TestBrowser} from './support/browser.ts'
import {root} from './support/stack.ts'

let lake: SpawnedLake
let browser: TestBrowser

const seeds = path.join(root, '..', 'shared', 'seeds')
const articles = [
  ...fs
    .readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(seeds, f)),
  path.join(root, 'importer', 'test', 'fixtures', 'goblet-squat.html'),
  path.join(root, 'importer', 'test', 'fixtures', 'glute-bridge.md'),
]
type Doc = {_id: string; importInfo: {importedAt?: string}; [field: string]: unknown}
const withoutTime = (d: Doc): Doc => ({...d, importInfo: {...d.importInfo, importedAt: undefined}})

beforeAll(async () => {
  ;[lake, browser] = await Promise.all([spawnLake({seed: path.join(root, 'seed', 'spotter.ndjson')}), launchBrowser()])
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await lake?.stop()
})

/** The entry bundled for a browser page (a `node:` import would fail this build). */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'importer', 'src', 'index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'spotterImporter',
    platform: 'browser',
    conditions: ['spotter-source'],
    define: {'process.env.NODE_ENV': '"production"'},
    // The schema types it compiles import `sanity`, whose stylesheets a page without a Studio does not need.
    loader: {'.css': 'empty'},
    minify: true,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

describe('the importer in the browser', {timeout: 180_000}, () => {
  it('gives the CLI’s drafts for the seed and held-out articles', async () => {
    const {stdout} = await promisify(execFile)(
      projectNode,
      [
        '--conditions=spotter-source',
        path.join(root, 'importer', 'src', 'cli.ts'),
        ...articles,
        '--dry-run',
        '--lake',
        lake.url,
        '--token',
        lake.writeToken,
      ],
      {cwd: root, maxBuffer: 64 * 1024 * 1024},
    )
    const cli = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Doc)
    expect(cli.filter((d) => d._type === 'article')).toHaveLength(articles.length)

    const existing = await lake.client().fetch(CATALOG_QUERY, {types: [...CATALOG_TYPES]}, {perspective: 'raw'})
    const page = await browser.newPage()
    await page.setContent('<!doctype html><title>importer</title>')
    await page.addScriptTag({content: await bundle()})
    const files = articles.map((source) => ({source, text: fs.readFileSync(source, 'utf8')}))
    const drafts = await page.evaluate(
      ({files, existing}) => {
        const importer = (window as unknown as {spotterImporter: typeof import('@spotter/importer')}).spotterImporter
        const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html')
        const input = files.map((f) => ({source: f.source, bytes: new TextEncoder().encode(f.text)}))
        return importer.finalDrafts(importer.importFiles(input, {existing, parseHtml}))
      },
      {files, existing},
    )
    expect(browser.errors).toEqual([])
    expect((drafts as Doc[]).map(withoutTime)).toEqual(JSON.parse(JSON.stringify(cli.map(withoutTime))))
  })
})
