// The documents' shared text (query/document-text.ts): documents rewritten and deleted many times
// leave the workers answering from the latest text, while segments nothing uses any more are
// released and mostly dead ones compacted (the workers reloaded from fresh segments), so the text
// held stays near what is live.
import {afterAll, expect, it} from 'vitest'
import {createQueryEngine, QueryPool} from '../src/query/index.ts'
import {SEGMENT_BYTES} from '../src/query/document-text.ts'
import type {SanityDocument} from '../src/types.ts'

const pool = new QueryPool({workers: 2})
const engine = createQueryEngine({timeoutMs: 60_000, pool})
afterAll(() => engine.close())

const DOCUMENTS = 60
const BODY = 100_000
const doc = (i: number, round: number): SanityDocument => ({
  _id: `exercise-${i}`,
  _type: 'exercise',
  _rev: `r${round}`,
  _createdAt: '2025-01-01T00:00:00Z',
  _updatedAt: '2025-01-01T00:00:00Z',
  slug: {_type: 'slug', current: `exercise-${i}`},
  round,
  // A different text each round: nothing can be reused.
  body: String(round % 10).repeat(BODY),
})
const query = async (text: string, params: Record<string, unknown> = {}) =>
  (await engine.query({query: text, params, perspective: 'published'})).result

/** Several at once, so both workers answer. */
async function expectEverywhere(text: string, params: Record<string, unknown>, expected: unknown) {
  const results = await Promise.all([0, 1, 2, 3].map(() => query(text, params)))
  for (const result of results) expect(result).toEqual(expected)
}

/** The document as the main thread reads it: decoded from the text in its current slot. */
const mainThreadRead = (id: string) => JSON.parse(engine.bytes(engine.slots.get(id)!).toString('utf8')) as SanityDocument

it('answers from the latest text after many rewrites; dead segments are released or compacted', {timeout: 120_000}, async () => {
  engine.load(Array.from({length: DOCUMENTS}, (_, i) => doc(i, 0)))
  const live = pool.textBytes.live
  // Taken before the rewrites: still reads the first texts after their segments are released.
  const first = engine.view()
  const firstSlot = engine.slots.get('exercise-7')!
  expect(live).toBeGreaterThan(DOCUMENTS * BODY)
  for (let round = 1; round <= 12; round++) {
    engine.apply(Array.from({length: DOCUMENTS}, (_, i) => ({id: `exercise-${i}`, document: doc(i, round)})))
    await expectEverywhere('count(*[_type == "exercise" && round == $round])', {round}, DOCUMENTS)
    await expectEverywhere('*[slug.current == "exercise-7"][0]{round, "size": length(body)}', {}, {round, size: BODY})
    await expectEverywhere('*[_type == "exercise"] | order(round desc, _id asc) [0]._id', {}, 'exercise-0')
    // Dead text beyond twice what is live (and a few segments) is compacted away.
    expect(pool.textBytes.allocated).toBeLessThanOrEqual(2 * pool.textBytes.live + 5 * SEGMENT_BYTES)
    // The main thread reads the same slots, moved by compaction: it sees what the workers see.
    expect(mainThreadRead('exercise-7')).toEqual(doc(7, round))
  }
  expect(JSON.parse(first(firstSlot).toString('utf8'))).toEqual(doc(7, 0))
  // The same documents (a few characters longer: `round` and `_rev` count to 12).
  expect(pool.textBytes.live).toBeGreaterThanOrEqual(live)
  expect(pool.textBytes.live).toBeLessThan(live + DOCUMENTS * 10)
  expect(await query('*[_id == "exercise-3"][0].body')).toBe('2'.repeat(BODY))

  // Deleting everything releases every segment but the one being written.
  engine.apply(Array.from({length: DOCUMENTS}, (_, i) => ({id: `exercise-${i}`, document: null})))
  await expectEverywhere('count(*)', {}, 0)
  expect(pool.textBytes.live).toBe(0)
  expect(pool.textBytes.allocated).toBeLessThanOrEqual(SEGMENT_BYTES)
})

it('compacts segments that keep a few live documents among dead ones', {timeout: 120_000}, async () => {
  // Each round writes 60 documents and deletes all but one: every segment keeps a survivor, so
  // none is ever wholly dead; without compaction 12 rounds would hold about 12 segments.
  const survivors: string[] = []
  for (let round = 1; round <= 12; round++) {
    const ids = Array.from({length: DOCUMENTS}, (_, i) => `batch-${round}-${i}`)
    engine.apply(ids.map((id, i) => ({id, document: {...doc(i, round), _id: id, slug: {_type: 'slug', current: id}}})))
    engine.apply(ids.slice(1).map((id) => ({id, document: null})))
    survivors.push(ids[0]!)
    await expectEverywhere('*[_type == "exercise"] | order(_id asc)._id', {}, [...survivors].sort())
    await expectEverywhere('*[slug.current == $id][0].round', {id: ids[0]}, round)
    expect(pool.textBytes.allocated).toBeLessThanOrEqual(2 * pool.textBytes.live + 5 * SEGMENT_BYTES)
  }
  expect(pool.textBytes.live).toBeLessThan(12 * (BODY + 1_000))
  expect(await query('*[_id == "batch-5-0"][0].body')).toBe('5'.repeat(BODY))
})
