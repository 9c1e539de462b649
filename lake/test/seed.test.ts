// Seeding from Sanity NDJSON with `_sanityAsset` files, then reading through the client.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import {pngBytes} from './png.ts'

let lake: SpawnedLake
let seedDir: string

beforeAll(async () => {
  seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lake-seed-'))
  fs.mkdirSync(path.join(seedDir, 'images'))
  fs.writeFileSync(path.join(seedDir, 'images/photo.png'), pngBytes(64, 48))
  const docs = [
    {
      _id: 'ex-1',
      _type: 'exercise',
      name: 'Push-up',
      image: {_type: 'image', _sanityAsset: 'image@file://./images/photo.png', alt: 'A push-up'},
    },
    {
      _id: 'ex-2',
      _type: 'exercise',
      name: 'Pull-up',
      _createdAt: '2020-01-01T00:00:00Z',
      gallery: [{_key: 'g1', _type: 'image', _sanityAsset: 'image@file://./images/photo.png'}],
    },
    {_id: 'drafts.ex-2', _type: 'exercise', name: 'Pull-up (draft)'},
  ]
  fs.writeFileSync(path.join(seedDir, 'seed.ndjson'), docs.map((d) => JSON.stringify(d)).join('\n'))
  lake = await spawnLake({seed: path.join(seedDir, 'seed.ndjson')})
})

afterAll(async () => {
  await lake?.stop()
  fs.rmSync(seedDir, {recursive: true, force: true})
})

it('imports documents, filling missing system fields and keeping given ones', async () => {
  const client = lake.client()
  const ex2 = await client.getDocument('ex-2')
  expect(ex2?._createdAt).toBe('2020-01-01T00:00:00Z')
  expect(typeof ex2?._rev).toBe('string')
  expect(await client.fetch('count(*[_type == "exercise"])')).toBe(2)
  expect(await client.fetch('count(*[_type == "exercise"])', {}, {perspective: 'raw'})).toBe(3)
})

it('resolves _sanityAsset into a stored image asset and a reference', async () => {
  const client = lake.client()
  const ex1 = await client.getDocument('ex-1')
  const ref = (ex1?.image as {asset: {_ref: string}} | undefined)?.asset._ref
  expect(ref).toMatch(/^image-[a-f0-9]{40}-64x48-png$/)
  expect(ex1?.image).toEqual({_type: 'image', alt: 'A push-up', asset: {_type: 'reference', _ref: ref}})
  // The same file twice gives one asset.
  expect(await client.fetch('count(*[_type == "sanity.imageAsset"])')).toBe(1)
  const asset = await client.fetch('*[_id == $ref][0]', {ref})
  expect(asset.metadata.dimensions).toMatchObject({width: 64, height: 48})
  // The import computes what an upload does: the test PNG is one opaque red.
  expect(asset.metadata).toMatchObject({
    hasAlpha: true,
    isOpaque: true,
    lqip: expect.stringMatching(/^data:image\/jpeg;base64,/),
    blurHash: expect.any(String),
  })
  expect(asset.metadata.palette.dominant).toMatchObject({background: '#c81e1e', population: 100})
  const res = await fetch(asset.url)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await res.arrayBuffer()).equals(pngBytes(64, 48))).toBe(true)
})

it('does not seed again into a non-empty data dir on restart', async () => {
  await lake.client().delete('ex-1')
  await lake.restart()
  expect(await lake.client().getDocument('ex-1')).toBeUndefined()
  expect(await lake.client().getDocument('ex-2')).toBeDefined()
})
