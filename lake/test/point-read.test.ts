// Point reads (a document picked by `_id` or slug, then read with what it references) are answered
// on the calling thread: the proof is that they are answered while the pool's only query thread
// runs a query that takes minutes, and that everything else waits for it. Their answers are plain
// groq-js's over the perspective's documents, before and after writes that change, move and delete
// slugs; a read that is not bounded (too many bytes, a scan, a drafts overlay) goes to the pool.
import {evaluate, parse} from 'groq-js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createQueryEngine, QueryPool} from '../src/query/index.ts'
import {SlugIds} from '../src/query/slug-ids.ts'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import type {DocumentChange, Perspective, QueryResponse, ReadScope, SanityDocument} from '../src/types.ts'
import {slowQuery} from './limits-helpers.ts'

let seed = 11
const rand = () => {
  seed = (seed * 1664525 + 1013904223) % 2 ** 32
  return seed / 2 ** 32
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!
const ref = (id: string) => ({_type: 'reference', _ref: id, _key: id})

function doc(_id: string, _type: string, fields: Record<string, unknown>): SanityDocument {
  return {_id, _type, _rev: 'r', _createdAt: '2025-01-01T00:00:00Z', _updatedAt: '2025-01-01T00:00:00Z', ...fields}
}

/** Exercises whose slugs repeat (`ex-0` ... `ex-99`), in odd shapes too, with drafts, versions and sub-path copies. */
function exercise(id: string, n: number): SanityDocument {
  const fields: Record<string, unknown> = {
    name: pick(['Squat', 'Lunge', 'Row', null, 3]),
    primaryMuscles: Array.from({length: Math.floor(rand() * 3)}, () =>
      ref(pick([`muscle-${Math.floor(rand() * 12)}`, 'drafts.muscle-1', 'team.muscle-2', 'missing'])),
    ),
  }
  const shape = rand()
  if (shape < 0.85) fields['slug'] = {_type: 'slug', current: `ex-${n % 100}`}
  else if (shape < 0.9) fields['slug'] = {current: n}
  else if (shape < 0.95) fields['slug'] = [{current: `ex-${n % 100}`}]
  return doc(id, 'exercise', fields)
}

function generate(): SanityDocument[] {
  const docs: SanityDocument[] = []
  for (let i = 0; i < 12; i++) docs.push(doc(`muscle-${i}`, 'muscle', {name: `Muscle ${i}`, slug: {current: `m-${i}`}}))
  docs.push(doc('drafts.muscle-1', 'muscle', {name: 'Draft muscle'}))
  docs.push(doc('team.muscle-2', 'muscle', {name: 'Team muscle', slug: {current: 'm-2'}}))
  for (let i = 0; i < 200; i++) {
    docs.push(exercise(`exercise-${i}`, i))
    if (rand() < 0.2) docs.push(exercise(`drafts.exercise-${i}`, i))
    if (rand() < 0.05) docs.push(exercise(`versions.spring.exercise-${i}`, i))
    if (rand() < 0.05) docs.push(exercise(`team.exercise-${i}`, i))
  }
  // Six documents of type "test" for the slow query.
  for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) docs.push(doc(id, 'test', {}))
  return docs
}

interface ViewSpec {
  perspective: Perspective
  scope?: ReadScope
}
const views: ViewSpec[] = [{perspective: 'raw'}, {perspective: 'published'}, {perspective: 'published', scope: 'rootPaths'}]

/** The documents a view shows, the obvious way, in `_id` order: what plain groq-js scans. */
function documentsOf(docs: SanityDocument[], {perspective, scope = 'all'}: ViewSpec): SanityDocument[] {
  const sorted = [...docs].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  if (scope === 'rootPaths') return sorted.filter((d) => !d._id.includes('.'))
  if (perspective === 'raw') return sorted
  return sorted.filter((d) => !d._id.startsWith('drafts.') && !d._id.startsWith('versions.'))
}

async function plainGroq(docs: SanityDocument[], view: ViewSpec, query: string, params: Record<string, unknown>) {
  const value = await evaluate(parse(query, {params}), {dataset: documentsOf(docs, view), params})
  return JSON.parse(JSON.stringify((await value.get()) ?? null)) as unknown
}

const LOOKUP = '*[_type == "exercise" && slug.current == $slug][0]{..., "muscles": primaryMuscles[]->{_id, name}}'
/** Bounded reads: answered on the calling thread. */
const pointReads: [string, Record<string, unknown>][] = [
  ...['ex-0', 'ex-7', 'ex-99', 'm-2', 'nope'].map((slug): [string, Record<string, unknown>] => [LOOKUP, {slug}]),
  ['*[slug.current == $slug]{_id, "n": count(primaryMuscles), "first": primaryMuscles[0]->name}', {slug: 'ex-3'}],
  ['*[slug.current == "m-2"]._id', {}],
  ['*[_id == $id][0]', {id: 'exercise-10'}],
  ['*[_id == $id][0]{_id, name}', {id: 'drafts.exercise-12'}],
  ['*[_id == $id][0]{_id, name}', {id: 'team.exercise-30'}],
  ['*[_id == $id][0]{"muscles": primaryMuscles[]->name, "names": primaryMuscles[defined(_ref)]._ref}', {id: 'exercise-4'}],
  ['*[_id == "muscle-3" && name == $name]{name, "upper": upper(name)}', {name: 'Muscle 3'}],
  ['*[_type == "muscle" && _id == $id][0].name', {id: 'exercise-1'}],
  ['*[_id == $id][0]{"has": defined(slug), "slug": coalesce(slug.current, "none"), "refs": references("muscle-1")}', {id: 'exercise-8'}],
]
/** Not bounded, or not a stored document as it is: these wait for a query thread. */
const poolReads: [string, Record<string, unknown>, ViewSpec][] = [
  [LOOKUP, {slug: 'ex-1'}, {perspective: 'drafts'}],
  ['*[_id in $ids]', {ids: ['exercise-1']}, {perspective: 'raw'}],
  ['*[_id == $id][0]{"others": *[_type == "muscle"][0]._id}', {id: 'exercise-1'}, {perspective: 'raw'}],
  ['*[_id == $id][0]{"text": pt::text(body)}', {id: 'exercise-1'}, {perspective: 'raw'}],
  ['*[_id == $id][0]{"a": primaryMuscles[]{"parent": ^._id}}', {id: 'exercise-1'}, {perspective: 'raw'}],
  ['*[_id == $id][0]{"p": $object}', {id: 'exercise-1', object: {a: 1}}, {perspective: 'raw'}],
  ['*[_id == "big"][0]{"n": count(items)}', {}, {perspective: 'raw'}],
  ['*[_type == "muscle"][0]._id', {}, {perspective: 'raw'}],
]
const big = doc('big', 'test', {items: Array.from({length: 20_000}, (_, i) => ({_key: `k${i}`, n: i}))})
/** Just within a point read's budget for a filter of three nodes over its numbers: a few ms to read. */
const heavy = doc('heavy', 'test', {numbers: Array.from({length: 2400}, (_, i) => i % 10)})

/** What the promise settles to, or 'waiting' if it has not within `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'waiting'> {
  let timer: NodeJS.Timeout | undefined
  const waiting = new Promise<'waiting'>((resolve) => (timer = setTimeout(() => resolve('waiting'), ms)))
  try {
    return await Promise.race([promise, waiting])
  } finally {
    clearTimeout(timer)
  }
}

describe('point reads', () => {
  let docs = [...generate(), big, heavy]
  const pool = new QueryPool({workers: 1})
  const engine = createQueryEngine({timeoutMs: 600_000, pool})
  engine.load(docs)
  afterAll(() => engine.close())

  const compare = async (list: [string, Record<string, unknown>][]) => {
    for (const [query, params] of list) {
      for (const view of views) {
        const {result} = await engine.query({query, params, ...view})
        expect(result, `${query} ${JSON.stringify(params)} (${JSON.stringify(view)})`).toEqual(await plainGroq(docs, view, query, params))
      }
    }
  }

  it('give plain groq-js results, and so do the reads the pool answers', {timeout: 60_000}, async () => {
    await compare(pointReads)
    // The drafts perspective's answers are checked in query-differential.test.ts.
    for (const [query, params, view] of poolReads.filter(([, , view]) => view.perspective !== 'drafts')) {
      const {result} = await engine.query({query, params, ...view})
      expect(result, query).toEqual(await plainGroq(docs, view, query, params))
    }
  })

  it('are answered while the only query thread is busy, before and after writes; other reads wait', {timeout: 60_000}, async () => {
    let slowDone = false
    const slow = engine.query({query: slowQuery(), params: {}, perspective: 'raw'}).finally(() => (slowDone = true))
    const waiting = poolReads.map(([query, params, view]) => {
      const state: {answer?: QueryResponse; error?: unknown} = {}
      engine.query({query, params, ...view}).then(
        (answer) => (state.answer = answer),
        (error: unknown) => (state.error = error),
      )
      return state
    })

    await compare(pointReads)

    // Slugs change, move between documents, appear on drafts and sub-paths, and go away.
    const changes: DocumentChange[] = []
    for (let i = 0; i < 60; i++) {
      const id = `${pick(['exercise', 'drafts.exercise', 'team.exercise'])}-${Math.floor(rand() * 220)}`
      changes.push({id, document: exercise(id, Math.floor(rand() * 80))})
    }
    for (let i = 0; i < 20; i++) changes.push({id: `exercise-${Math.floor(rand() * 200)}`, document: null})
    // The same document twice in one batch: the slug it had in between is no candidate after it.
    changes.push({id: 'exercise-5', document: {...exercise('exercise-5', 5), slug: {current: 'between'}}})
    changes.push({id: 'exercise-5', document: {...exercise('exercise-5', 5), slug: {current: 'after'}}})
    engine.apply(changes.slice(0, 50))
    for (const change of changes.slice(50)) engine.apply([change])
    for (const {id, document} of changes) docs = [...docs.filter((d) => d._id !== id), ...(document ? [document] : [])]

    await compare([...pointReads, [LOOKUP, {slug: 'between'}], [LOOKUP, {slug: 'after'}], ['*[slug.current == $s]._id', {s: 'ex-12'}]])
    expect(slowDone).toBe(false)
    for (const state of waiting) expect(state).toEqual({})
    slow.catch(() => {})
  })

  it('take at most their share of the main thread; past it, the pool answers them', {timeout: 60_000}, async () => {
    // The only query thread is busy (behind the slow query of the test before, if it ran).
    engine.query({query: slowQuery(), params: {}, perspective: 'raw'}).catch(() => {})
    const read = (query: string) => engine.query({query, params: {}, perspective: 'raw'}).then(({result}) => result)
    let answered = 0
    while (answered < 2000 && (await within(read('*[_id == "heavy"][0]{"n": count(numbers[@ > 3])}'), 2000)) !== 'waiting') answered++
    expect(answered).toBeGreaterThan(0)
    expect(answered).toBeLessThan(2000)
    // The two seconds that read waited paid the main thread's share back: a lookup is answered
    // there again although the thread is still busy.
    expect(await within(read('*[_id == "muscle-1"][0]._id'), 2000)).toBe('muscle-1')
  })
})

describe('the slug index', () => {
  it('finds a document by a slug whose hash another slug shares, and only that document, on either thread', async () => {
    // Slugs `s0`, `s1`, ... until two share a hash (the index is keyed by a 30-bit hash: a few in 300k do).
    const index = new SlugIds()
    let shared: readonly string[] = []
    for (let i = 0; shared.length < 2 && i < 1_000_000; i++) {
      index.add(`s${i}`, {slug: {current: `s${i}`}})
      shared = [...index.candidates(`s${i}`)]
    }
    expect(shared).toHaveLength(2)
    const [a, b] = shared as [string, string]
    const engine = createQueryEngine({timeoutMs: 10_000})
    try {
      engine.load([doc(a, 'exercise', {slug: {current: a}}), doc(b, 'exercise', {slug: {current: b}})])
      for (const slug of [a, b]) {
        const {result} = await engine.query({query: '*[slug.current == $slug]._id', params: {slug}, perspective: 'raw'})
        expect(result).toEqual([slug])
        // The query threads' slug index is keyed by the same hash: a count is answered there.
        expect((await engine.query({query: 'count(*[slug.current == $slug])', params: {slug}, perspective: 'raw'})).result).toBe(1)
      }
    } finally {
      await engine.close()
    }
  })
})

describe('point reads over HTTP', () => {
  let lake: SpawnedLake
  beforeAll(async () => {
    lake = await spawnLake({queryTimeoutMs: 120_000, args: ['--query-workers', '1']})
    const transaction = lake.client().transaction()
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) transaction.create({_id: id, _type: 'test'})
    transaction.create({_id: 'quads', _type: 'muscle', name: 'Quadriceps'})
    transaction.create({
      _id: 'squat',
      _type: 'exercise',
      name: 'Squat',
      slug: {_type: 'slug', current: 'squat'},
      primaryMuscles: [{_type: 'reference', _key: 'q', _ref: 'quads'}],
    })
    await transaction.commit()
  })
  afterAll(async () => {
    await lake?.stop()
  })

  it('a slug lookup with a dereference is answered while the only query thread runs a slow query', {timeout: 60_000}, async () => {
    // No retries: the requests still open when the lake stops fail at once.
    const client = lake.client({maxRetries: 0})
    let slowDone = false
    const slow = client.fetch(slowQuery()).then(
      () => 'answered',
      () => 'failed',
    )
    void slow.finally(() => (slowDone = true))
    const scan = client.fetch('*[_type == "muscle"][0]._id').then(
      () => 'answered',
      () => 'failed',
    )
    const found = await client.fetch('*[_type == "exercise" && slug.current == $slug][0]{name, "muscles": primaryMuscles[]->name}', {
      slug: 'squat',
    })
    expect(found).toEqual({name: 'Squat', muscles: ['Quadriceps']})
    expect(slowDone).toBe(false)
    // Stopping the lake ends the slow query; the scan waited behind it.
    await lake.stop()
    expect(await slow).toBe('failed')
    expect(await scan).toBe('failed')
  })
})
