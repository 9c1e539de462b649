// The query engine in process: perspectives, errors, incremental changes, the time limit.
import {afterAll, describe, expect, it} from 'vitest'
import {createQueryEngine, QueryExecutionError, QueryParseError, QueryTimeoutError} from '../src/query/index.ts'
import type {Perspective, SanityDocument} from '../src/types.ts'

const doc = (_id: string, fields: Record<string, unknown> = {}): SanityDocument => ({
  _id,
  _type: 'exercise',
  _rev: 'r1',
  _createdAt: '2025-01-01T00:00:00Z',
  _updatedAt: '2025-01-01T00:00:00Z',
  ...fields,
})

const engines: {close(): Promise<void>}[] = []
function engine(timeoutMs = 5_000) {
  const created = createQueryEngine({timeoutMs})
  engines.push(created)
  return created
}
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()))
})

describe('perspectives', () => {
  const e = engine()
  e.load([
    doc('squat', {name: 'Squat', muscle: {_type: 'reference', _ref: 'quads'}}),
    doc('drafts.squat', {name: 'Squat (edited)', muscle: {_type: 'reference', _ref: 'quads'}}),
    doc('drafts.lunge', {name: 'Lunge'}),
    doc('versions.spring.squat', {name: 'Spring squat'}),
    doc('quads', {_type: 'muscle', name: 'Quadriceps'}),
    doc('drafts.quads', {_type: 'muscle', name: 'Quads (draft)'}),
  ])
  const run = (perspective: Perspective) =>
    e.query({query: '*[_type == "exercise"]{_id, _originalId, name, "muscle": muscle->name}', params: {}, perspective})

  it('raw shows every stored document, in _id order', async () => {
    const {result} = await run('raw')
    expect((result as {_id: string}[]).map((d) => d._id)).toEqual(['drafts.lunge', 'drafts.squat', 'squat', 'versions.spring.squat'])
  })

  it('published hides drafts and versions, and dereferences published documents', async () => {
    expect((await run('published')).result).toEqual([{_id: 'squat', _originalId: null, name: 'Squat', muscle: 'Quadriceps'}])
  })

  it('drafts overlays drafts on published documents, with _originalId, and dereferences to drafts', async () => {
    for (const perspective of ['drafts', 'previewDrafts'] as const) {
      expect((await run(perspective)).result).toEqual([
        {_id: 'lunge', _originalId: 'drafts.lunge', name: 'Lunge', muscle: null},
        {_id: 'squat', _originalId: 'drafts.squat', name: 'Squat (edited)', muscle: 'Quads (draft)'},
      ])
    }
  })

  it('keeps datasets apart in the shared worker pool', async () => {
    const other = engine()
    other.load([doc('only-here', {_type: 'muscle'})])
    expect((await other.query({query: '*._id', params: {}, perspective: 'raw'})).result).toEqual(['only-here'])
    expect((await e.query({query: 'count(*[_id == "only-here"])', params: {}, perspective: 'raw'})).result).toBe(0)
    await other.close()
    await expect(other.query({query: '1', params: {}, perspective: 'raw'})).rejects.toThrow(/closed/)
    expect((await e.query({query: 'count(*)', params: {}, perspective: 'raw'})).result).toBe(6)
  })

  it('answers sanity::projectId() and sanity::dataset() when told them', async () => {
    const named = createQueryEngine({timeoutMs: 5_000, sanity: {projectId: 'spotter', dataset: 'staging'}})
    engines.push(named)
    const {result} = await named.query({
      query: '[sanity::projectId(), sanity::dataset()]',
      params: {},
      perspective: 'raw',
    })
    expect(result).toEqual(['spotter', 'staging'])
  })

  it('sees changes applied after load, in order', async () => {
    const e2 = engine()
    e2.load([doc('a', {n: 1})])
    e2.apply([{id: 'b', document: doc('b', {n: 2})}])
    e2.apply([
      {id: 'a', document: null},
      {id: 'b', document: doc('b', {n: 3})},
    ])
    expect((await e2.query({query: '*{_id, n}', params: {}, perspective: 'raw'})).result).toEqual([{_id: 'b', n: 3}])
  })
})

describe('errors', () => {
  const e = engine()
  e.load([doc('a')])

  it('rejects a syntax error with its position', async () => {
    const error = await e.query({query: '*[_type == "a"', params: {}, perspective: 'raw'}).catch((err: unknown) => err)
    expect(error).toBeInstanceOf(QueryParseError)
    expect((error as QueryParseError).start).toBe(13)
    expect((error as QueryParseError).end).toBe(14)
    expect((error as QueryParseError).description).toMatch(/position 13/)
  })

  it('rejects an unknown function as a parse error', async () => {
    await expect(e.query({query: 'nope::fn()', params: {}, perspective: 'raw'})).rejects.toBeInstanceOf(QueryParseError)
  })

  it('passes parameters, and rejects a query using one it was not given', async () => {
    expect((await e.query({query: '*[_id == $id][0]._id', params: {id: 'a'}, perspective: 'raw'})).result).toBe('a')
    const error = await e.query({query: '*[_id == $other]', params: {id: 'a'}, perspective: 'raw'}).catch((err: unknown) => err)
    expect(error).toBeInstanceOf(QueryParseError)
    expect((error as QueryParseError).description).toBe('param $other referenced, but not provided')
    expect([(error as QueryParseError).start, (error as QueryParseError).end]).toEqual([9, 15])
  })

  it("answers the same query text with each request's parameter values, parsed once", async () => {
    const ask = (query: string, params: Record<string, unknown>) => e.query({query, params, perspective: 'raw'}).then((r) => r.result)
    const query = '{"v": $v, "id": *[_id == $id][0]._id, "both": [$v, $v]}'
    expect(await ask(query, {v: 1, id: 'a'})).toEqual({v: 1, id: 'a', both: [1, 1]})
    expect(await ask(query, {v: {deep: [true]}, id: 'zz'})).toEqual({v: {deep: [true]}, id: null, both: [{deep: [true]}, {deep: [true]}]})
    expect(await ask(query, {id: 'a', v: 'last'})).toEqual({v: 'last', id: 'a', both: ['last', 'last']})
    expect(await ask('$v', {v: 1})).toBe(1)
    expect(await ask('$v', {v: [2]})).toEqual([2])
    expect(await ask('*[_id in $ids]._id', {ids: ['a']})).toEqual(['a'])
    expect(await ask('*[_id in $ids]._id', {ids: ['b']})).toEqual([])
    // Another set of names is another parse: the one it lacks is missing.
    await expect(ask(query, {v: 1})).rejects.toThrow('param $id referenced, but not provided')
    // A parse error stays the one the query's text gives, each time it is sent.
    for (let i = 0; i < 2; i++) await expect(ask('*[_id == $v', {v: 1})).rejects.toBeInstanceOf(QueryParseError)
  })

  it('hands over the result as JSON text too, for the server to send as is', async () => {
    const response = await e.query({query: '*[_id == "a"]{_id, "n": 1.5}', params: {}, perspective: 'raw'})
    expect(response.json).toBe('[{"_id":"a","n":1.5}]')
    expect(response.result).toEqual([{_id: 'a', n: 1.5}])
  })

  it('answers datetime and path values in their JSON form', async () => {
    const {result} = await e.query({
      query: '[dateTime("2002-10-02T12:34:56Z") + 1, path("a.**")]',
      params: {},
      perspective: 'raw',
    })
    expect(result).toEqual(['2002-10-02T12:34:57Z', 'a.**'])
  })

  it('rejects an execution error', async () => {
    // groq-js parses the embeddings search function but does not implement it.
    const error = await e.query({query: 'text::semanticSimilarity("rows")', params: {}, perspective: 'raw'}).catch((err: unknown) => err)
    expect(error).toBeInstanceOf(QueryExecutionError)
    expect((error as QueryExecutionError).description).toBe('not implemented')
  })
})

describe('time limit', () => {
  // From the conformance suite (legacy/filters.yml, "Filters / documents, nested 3"): eleven
  // nested uncorrelated subqueries that plain groq-js never finishes (it re-evaluates each one per
  // row). The engine evaluates an uncorrelated subquery once, so it answers at once.
  const levels = 10
  const nested = (correlated: boolean) => {
    let query = `*[_id >= "c" && _type == "test"${correlated ? ' && ^._id != "none"' : ''}][]._id`
    for (let i = 0; i < levels; i++) query = `*[_id in ${query}${correlated ? ' && ^._id != "none"' : ''}][]._id`
    return `*[_id in ${query}] | order(_id)[]._id`
  }
  const docs = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => doc(id, {_type: 'test'}))

  it('answers the suite query that never finishes under plain groq-js', async () => {
    const e = engine(5_000)
    e.load(docs)
    expect((await e.query({query: nested(false), params: {}, perspective: 'raw'})).result).toEqual(['c', 'd', 'e', 'f'].slice(0, 4))
  })

  it('aborts a query over the limit while other queries keep being answered', async () => {
    // The same nesting made correlated (every level reads its parent row): no shortcut applies.
    const e = engine(1_500)
    e.load(docs)
    const neighbour = engine()
    neighbour.load([doc('n1'), doc('n2')])
    const started = performance.now()
    const slow = e.query({query: nested(true), params: {}, perspective: 'raw'}).catch((err: unknown) => err)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const quickStart = performance.now()
    const quick = await e.query({query: 'count(*[_type == "test"])', params: {}, perspective: 'raw'})
    const quickMs = performance.now() - quickStart
    expect(quick.result).toBe(6)
    expect(quickMs).toBeLessThan(1_000)
    const error = await slow
    expect(error).toBeInstanceOf(QueryTimeoutError)
    expect((error as Error).message).toBe('Query exceeded the time limit of 1500 ms')
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_400)
    // The worker that overran was replaced by one holding the same documents, for every dataset.
    for (let i = 0; i < 4; i++) {
      expect((await e.query({query: 'count(*)', params: {}, perspective: 'raw'})).result).toBe(6)
      expect((await neighbour.query({query: '*._id', params: {}, perspective: 'raw'})).result).toEqual(['n1', 'n2'])
    }
  })
})
