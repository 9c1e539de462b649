// `shuffleUnordered`: results a query does not order come out in a new random order each query,
// as the hosted API promises no order without `order()`; ordered results are unaffected, and the
// default mode keeps `_id` order.
//
// Odds: the tests shuffle N = 200 documents. Two shuffles agree by chance with probability
// 1/200! (about 10^-375); a shuffle that happens to be in `_id` order, the same. The first five
// of a shuffle are the same five as in another shuffle with probability 1/C(200,5), about 4e-9.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {configPath, loadConfig} from '../src/config.ts'
import {createQueryEngine} from '../src/query/index.ts'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import type {Perspective, SanityDocument} from '../src/types.ts'

const N = 200
const ids = Array.from({length: N}, (_, i) => `x-${String(i).padStart(3, '0')}`)
const docs = (): SanityDocument[] => [
  ...ids.map((_id, i) => ({
    _id,
    _type: 'x',
    _rev: 'r1',
    _createdAt: '2025-01-01T00:00:00Z',
    _updatedAt: '2025-01-01T00:00:00Z',
    // Ten documents per rank: `order(rank)` has ties, which keep `_id` order.
    rank: i % 20,
    slug: {_type: 'slug', current: i % 2 ? 'odd' : 'even'},
    target: {_type: 'reference', _ref: 'target'},
  })),
  {_id: 'target', _type: 'y', _rev: 'r1', _createdAt: '2025-01-01T00:00:00Z', _updatedAt: '2025-01-01T00:00:00Z'},
]
const byRankThenId = [...ids].sort((a, b) => (Number(a.slice(2)) % 20) - (Number(b.slice(2)) % 20) || (a < b ? -1 : 1))

describe('in the query engine', () => {
  const engine = createQueryEngine({timeoutMs: 10_000})
  engine.load(docs())
  afterAll(() => engine.close())
  const run = async (query: string, shuffleUnordered = true, perspective: Perspective = 'published') =>
    (await engine.query({query, params: {ids: ids.slice(0, N)}, perspective, shuffleUnordered})).result as unknown

  it.each([
    ['a full scan', '*[rank >= 0]._id'],
    ['*', '*[]._id'],
    ['a _type index lookup', '*[_type == "x"]._id'],
    ['an _id index lookup', '*[_id in $ids]._id'],
    ['a slug index lookup', '*[_type == "x" && slug.current in ["odd", "even"]]._id'],
    ['a references() index lookup', '*[references("target")]._id'],
    ['a nested subquery', '*[_id == "target"][0]{"xs": *[_type == "x"]._id}.xs'],
    ['the raw perspective', '*[_type == "x"]._id', 'raw'],
    ['the drafts perspective', '*[_type == "x"]._id', 'drafts'],
  ] as const)('shuffles %s, in a new order each query', async (_, query, perspective: Perspective = 'published') => {
    const first = (await run(query, true, perspective)) as string[]
    const second = (await run(query, true, perspective)) as string[]
    const expected = query.startsWith('*[]') ? ['target', ...ids] : ids
    expect([...first].sort()).toEqual(expected)
    expect([...second].sort()).toEqual(expected)
    expect(first).not.toEqual(second)
    expect(first).not.toEqual(expected)
    // The default mode: `_id` order.
    expect(await run(query, false, perspective)).toEqual(expected)
  })

  it.each([
    ['order(_id)', '*[_type == "x"] | order(_id)._id', ids],
    ['order(_id desc) over a full scan', '*[rank >= 0] | order(_id desc)._id', [...ids].reverse()],
    ['order with ties (ties in _id order)', '*[_type == "x"] | order(rank)._id', byRankThenId],
    ['order after a projection', '*[_type == "x"]{_id, rank} | order(rank)._id', byRankThenId],
    ['order of an _id lookup', '*[_id in $ids] | order(rank)._id', byRankThenId],
    ['an ordered page', '*[_type == "x"] | order(rank)[10...30]._id', byRankThenId.slice(10, 30)],
    ['an ordered page without an index', '*[rank >= 0] | order(rank)[10...30]._id', byRankThenId.slice(10, 30)],
    ['a nested ordered subquery', '*[_id == "target"][0]{"xs": *[_type == "x"] | order(rank)._id}.xs', byRankThenId],
    [
      'score() (equal scores in _id order)',
      '*[_type == "x"] | score(slug.current == "odd")._id',
      [...ids.filter((_, i) => i % 2), ...ids.filter((_, i) => i % 2 === 0)],
    ],
  ] as const)('keeps %s as ordered', async (_, query, expected) => {
    for (let i = 0; i < 3; i++) expect(await run(query)).toEqual(expected)
    expect(await run(query, false)).toEqual(expected)
  })

  it('a slice of an unordered result picks arbitrary members (what paging without order() gets on hosted)', async () => {
    const pages = await Promise.all([run('*[_type == "x"][0...5]._id'), run('*[_type == "x"][0...5]._id')])
    const [a, b] = pages.map((page) => [...(page as string[])].sort())
    expect(a).not.toEqual(b)
    // Ordering a slice does not make its members less arbitrary.
    const ordered = await Promise.all([run('*[_type == "x"][0...5] | order(_id)._id'), run('*[_type == "x"][0...5] | order(_id)._id')])
    expect(ordered[0]).not.toEqual(ordered[1])
    expect(await run('*[_type == "x"][0...5]._id', false)).toEqual(ids.slice(0, 5))
  })
})

describe('over HTTP', () => {
  let shuffling: SpawnedLake
  let plain: SpawnedLake
  beforeAll(async () => {
    ;[shuffling, plain] = await Promise.all([spawnLake(), spawnLake({shuffleUnordered: false})])
    for (const lake of [shuffling, plain]) {
      const transaction = lake.client().transaction()
      for (const doc of docs()) transaction.create(doc)
      await transaction.commit()
    }
  })
  afterAll(async () => {
    await Promise.all([shuffling?.stop(), plain?.stop()])
  })

  it('spawnLake shuffles by default: two runs of *[_type == "x"] differ', async () => {
    const client = shuffling.client()
    const [first, second] = [await client.fetch<string[]>('*[_type == "x"]._id'), await client.fetch<string[]>('*[_type == "x"]._id')]
    expect([...first].sort()).toEqual(ids)
    expect(first).not.toEqual(second)
    expect(await client.fetch('*[_type == "x"] | order(_id)._id')).toEqual(ids)
    expect(await client.fetch('*[_type == "x"] | order(rank)[0...30]._id')).toEqual(byRankThenId.slice(0, 30))
  })

  it('the default mode (no --shuffle-unordered) keeps _id order', async () => {
    const client = plain.client()
    expect(await client.fetch('*[_type == "x"]._id')).toEqual(ids)
    expect(await client.fetch('*[_type == "x"]._id')).toEqual(ids)
    expect(await client.fetch('*[_type == "x"][0...5]._id')).toEqual(ids.slice(0, 5))
  })

  it('the config key shuffleUnordered turns it on without the flag', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lake-shuffle-'))
    try {
      const config = {
        projectId: 'spotter',
        datasets: ['production'],
        tokens: [{token: 'skwrite-shuffle-test', role: 'write'}],
        shuffleUnordered: true,
      }
      fs.writeFileSync(configPath(dataDir), JSON.stringify(config))
      const lake = await spawnLake({dataDir, shuffleUnordered: false})
      try {
        const client = lake.client()
        const transaction = client.transaction()
        for (const doc of docs()) transaction.create(doc)
        await transaction.commit()
        const first = await client.fetch<string[]>('*[_type == "x"]._id')
        expect(first).not.toEqual(await client.fetch('*[_type == "x"]._id'))
      } finally {
        await lake.stop()
      }
    } finally {
      fs.rmSync(dataDir, {recursive: true, force: true})
    }
  })
})

it('a config whose shuffleUnordered is not a boolean is refused, naming the key', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lake-shuffle-'))
  try {
    fs.writeFileSync(configPath(dataDir), JSON.stringify({shuffleUnordered: 'yes'}))
    expect(() => loadConfig(configPath(dataDir))).toThrow(/shuffleUnordered must be true or false/)
  } finally {
    fs.rmSync(dataDir, {recursive: true, force: true})
  }
})
