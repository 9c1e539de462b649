// Sanity's own import and export libraries (what `sanity dataset import` / `export` run) against
// the lake, with a real @sanity/client: the seed (with its image) is imported into a fresh lake
// the way the CLI imports an NDJSON file, exported with its assets, that export imported into a
// second fresh lake, and exported again. The two exports must hold the same documents, the same
// asset bytes and the same asset metadata, apart from what each write makes anew (normalise()).
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {promisify} from 'node:util'
import {exportDataset} from '@sanity/export'
import {sanityImport} from '@sanity/import'
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')
const SEED_DIR = path.join(ROOT, 'seed')
const SEED = path.join(SEED_DIR, 'spotter.ndjson')
const SEED_IMAGE = path.join(SEED_DIR, 'images/back-hyperextensions-deandrobot.jpg')
const NOTES = Buffer.from('Keep the hips on the pad.\n')

type Doc = Record<string, unknown> & {_id: string; _type: string}

interface Export {
  documents: Doc[]
  /** assets.json: asset metadata by `image-<sha1>` / `file-<sha1>`. */
  assetMap: Record<string, Record<string, unknown>>
  /** `images/<name>` and `files/<name>` -> bytes. */
  files: Map<string, Buffer>
}

let dir: string
let first: SpawnedLake
let second: SpawnedLake

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanity-tooling-'))
  ;[first, second] = await Promise.all([spawnLake(), spawnLake()])
})
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()])
  if (dir) fs.rmSync(dir, {recursive: true, force: true})
})

/** As `sanity dataset import FILE` does: the file's folder is the base of `file://./` asset paths. */
function importInto(client: SanityClient, source: string, assetsBase?: string) {
  const {projectId, dataset} = client.config()
  return sanityImport(fs.createReadStream(source), {
    client,
    operation: 'create',
    targetProjectId: projectId!,
    targetDataset: dataset!,
    tag: 'sanity.import',
    ...(assetsBase ? {assetsBase} : {}),
  })
}

/** `sanity dataset export` with documents, drafts and assets, read back from the tarball. */
async function exportFrom(lake: SpawnedLake, name: string): Promise<{file: string; contents: Export}> {
  // Exporting needs read access only: the read token.
  const client = lake.client({token: lake.readToken})
  const file = path.join(dir, `${name}.tar.gz`)
  const result = await exportDataset({client, dataset: lake.dataset, outputPath: file, assets: true, drafts: true, raw: false})
  const out = path.join(dir, name)
  fs.mkdirSync(out)
  await run('tar', ['-xzf', file, '-C', out])
  const [root] = fs.readdirSync(out)
  const base = path.join(out, root!)
  const documents = fs
    .readFileSync(path.join(base, 'data.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Doc)
  const files = new Map<string, Buffer>()
  for (const kind of ['images', 'files']) {
    const folder = path.join(base, kind)
    if (!fs.existsSync(folder)) continue
    for (const entry of fs.readdirSync(folder)) files.set(`${kind}/${entry}`, fs.readFileSync(path.join(folder, entry)))
  }
  const assetMap = JSON.parse(fs.readFileSync(path.join(base, 'assets.json'), 'utf8')) as Export['assetMap']
  expect(result.documentCount).toBe(documents.length)
  expect(result.assetCount).toBe(files.size)
  return {file, contents: {documents, assetMap, files}}
}

/**
 * What legitimately differs between two lakes that hold the same content:
 * - documents: `_rev` and `_updatedAt`, which every write sets anew (the import creates each
 *   document, then patches in asset and strong references). `_createdAt` is kept: an import
 *   passes it on and the lake (like hosted) keeps a given `_createdAt`.
 * - asset metadata: `_rev`, `_createdAt`, `_updatedAt` of the asset document, which the upload
 *   in the second lake creates; @sanity/import does not restore them (they describe the new blob).
 * Documents are compared by `_id` (an export lists them in no promised order).
 */
function normalise(contents: Export) {
  const byId = new Map(contents.documents.map(({_rev, _updatedAt, ...doc}) => [doc._id, doc]))
  const assetMap = Object.fromEntries(Object.entries(contents.assetMap).map(([id, {_rev, _createdAt, _updatedAt, ...meta}]) => [id, meta]))
  return {documents: [...byId.keys()].sort().map((id) => byId.get(id)), assetMap, files: Object.fromEntries([...contents.files].sort())}
}

const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex')
const seedDocs = () =>
  fs
    .readFileSync(SEED, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Doc)

/** Where a document holds `_sanityAsset` entries: JSON paths to the objects that carry them. */
function assetHolders(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => assetHolders(item, `${at}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  const record = value as Record<string, unknown>
  const own = typeof record['_sanityAsset'] === 'string' ? [at] : []
  return [...own, ...Object.entries(record).flatMap(([key, child]) => assetHolders(child, `${at}.${key}`))]
}

describe('@sanity/import and @sanity/export against the lake', () => {
  let exportOne: Export
  let exportTwo: Export

  it('imports the seed NDJSON with its image, as `sanity dataset import` does', async () => {
    const client = first.client()
    const seed = seedDocs()
    const result = await importInto(client, SEED, SEED_DIR)
    expect(result.warnings).toEqual([])
    expect(result.numDocs).toBe(seed.length)
    const image = fs.readFileSync(SEED_IMAGE)
    const assets = await client.fetch<Doc[]>('*[_type == "sanity.imageAsset"] | order(_id)')
    expect(assets).toHaveLength(1)
    expect(assets[0]).toMatchObject({sha1hash: sha1(image), size: image.length, originalFilename: 'back-hyperextensions-deandrobot.jpg'})
    // Every `_sanityAsset` of the seed became a reference to that asset, and the bytes are served.
    const holders = seed.flatMap((doc) => assetHolders(doc).map((at) => ({id: doc._id, at})))
    expect(holders.length).toBeGreaterThan(0)
    for (const {id, at} of holders) {
      const ref = await client.fetch<string>(`*[_id == $id][0]${at}.asset._ref`, {id})
      expect(ref, `${id}${at}`).toBe(assets[0]!._id)
    }
    const served = Buffer.from(await (await fetch(assets[0]!['url'] as string)).arrayBuffer())
    expect(served.equals(image)).toBe(true)
    // The import writes references weak, then strengthens them: the seed has none weak, nor may the lake.
    const stored = JSON.stringify(await client.fetch('*', {}, {perspective: 'raw'}))
    expect(stored.match(/"_ref"/g)?.length).toBeGreaterThan(100)
    expect(stored).not.toContain('"_weak"')
  })

  it('serves asset bytes with the hashes the exporter verifies them against, as the CDN does', async () => {
    const client = first.client()
    const file = await client.assets.upload('file', NOTES, {filename: 'notes.txt'})
    // A draft that holds the file: drafts and file assets go through the round trip too.
    await client.create({
      _id: 'drafts.exercise.squat',
      _type: 'exercise',
      name: 'Squat (draft)',
      handout: {_type: 'file', asset: {_type: 'reference', _ref: file._id}},
    })
    const image = fs.readFileSync(SEED_IMAGE)
    const [imageAsset] = await client.fetch<Doc[]>('*[_type == "sanity.imageAsset"]')
    for (const [url, bytes] of [
      [file.url, NOTES],
      [imageAsset!['url'] as string, image],
    ] as const) {
      for (const method of ['GET', 'HEAD']) {
        const response = await fetch(url, {method})
        expect(response.status).toBe(200)
        expect(response.headers.get('x-sanity-sha1')).toBe(sha1(bytes))
        expect(response.headers.get('x-sanity-md5')).toBe(createHash('md5').update(bytes).digest('hex'))
      }
    }
  })

  it('exports only the `types` asked for, as the hosted export endpoint does', async () => {
    const response = await fetch(`${first.url}/v2025-02-19/data/export/${first.dataset}?types=muscle,equipment`, {
      headers: {authorization: `Bearer ${first.readToken}`},
    })
    expect(response.status).toBe(200)
    const types = (await response.text())
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as Doc)._type)
    expect(new Set(types)).toEqual(new Set(['muscle', 'equipment']))
    expect(types.length).toBe(seedDocs().filter((doc) => doc._type === 'muscle' || doc._type === 'equipment').length)
  })

  it('exports the documents and the asset bytes, with asset references rewritten to files', async () => {
    exportOne = (await exportFrom(first, 'one')).contents
    const seed = seedDocs()
    const exported = new Map(exportOne.documents.map((doc) => [doc._id, doc]))
    expect([...exported.keys()].sort()).toEqual([...seed.map((doc) => doc._id), 'drafts.exercise.squat'].sort())
    const image = fs.readFileSync(SEED_IMAGE)
    // Named as the export names asset files: `<sha1>-<width>x<height>.<ext>` and `<sha1>.<ext>`.
    const imageName = `images/${sha1(image)}-2400x1600.jpg`
    const notesName = `files/${sha1(NOTES)}.txt`
    expect([...exportOne.files.keys()].sort()).toEqual([notesName, imageName])
    expect(exportOne.files.get(notesName)!.equals(NOTES)).toBe(true)
    expect(exported.get('drafts.exercise.squat')!['handout']).toEqual({_type: 'file', _sanityAsset: `file@file://./${notesName}`})
    expect(exportOne.assetMap[`file-${sha1(NOTES)}`]).toMatchObject({originalFilename: 'notes.txt', sha1hash: sha1(NOTES)})
    expect(exportOne.files.get(imageName)!.equals(image)).toBe(true)
    expect(exportOne.assetMap[`image-${sha1(image)}`]).toMatchObject({
      originalFilename: 'back-hyperextensions-deandrobot.jpg',
      sha1hash: sha1(image),
      size: image.length,
    })
    for (const doc of seed) {
      const {_rev, _createdAt, _updatedAt, ...content} = exported.get(doc._id)!
      expect(typeof _rev).toBe('string')
      expect(typeof _createdAt).toBe('string')
      // The seed's content round-trips; its asset entries point at the exported file.
      expect(JSON.parse(JSON.stringify(content).replaceAll(imageName, 'images/back-hyperextensions-deandrobot.jpg'))).toEqual(doc)
    }
  })

  it('imports that export (a tarball) into a second lake and exports the same content again', async () => {
    const {file} = await exportFrom(first, 'one-again')
    const result = await importInto(second.client(), file)
    expect(result.warnings).toEqual([])
    expect(result.numDocs).toBe(exportOne.documents.length)
    exportTwo = (await exportFrom(second, 'two')).contents
    expect(normalise(exportTwo)).toEqual(normalise(exportOne))
    // What normalise() leaves out really did change: these are two separate writes.
    const revs = (contents: Export) => new Map(contents.documents.map((doc) => [doc._id, doc._rev]))
    expect(revs(exportTwo)).not.toEqual(revs(exportOne))
  })
})
