// The time limit seen over HTTP: a query that runs too long is answered with a clear error while
// the lake keeps answering other requests, and keeps answering after it.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

// Eleven nested subqueries, each reading its parent row (so none can be evaluated once): groq-js
// needs about 6^11 steps over six documents.
function correlatedNesting(levels = 10): string {
  let query = '*[_id >= "c" && _type == "test" && ^._id != "none"][]._id'
  for (let i = 0; i < levels; i++) query = `*[_id in ${query} && ^._id != "none"][]._id`
  return `*[_id in ${query}] | order(_id)[]._id`
}

describe('query time limit over HTTP', () => {
  let lake: SpawnedLake

  beforeAll(async () => {
    lake = await spawnLake({queryTimeoutMs: 1_500})
    const transaction = lake.client().transaction()
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) transaction.create({_id: id, _type: 'test'})
    await transaction.commit()
  })
  afterAll(async () => {
    await lake?.stop()
  })

  it('aborts the slow query with an error and answers others meanwhile', async () => {
    const client = lake.client()
    const slow = client.fetch(correlatedNesting(), {}, {perspective: 'raw'}).then(
      () => undefined,
      (error: unknown) => error as {statusCode?: number; message: string},
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    const started = performance.now()
    expect(await client.fetch('count(*[_type == "test"])', {}, {perspective: 'raw'})).toBe(6)
    expect(performance.now() - started).toBeLessThan(1_000)
    const error = await slow
    expect(error).toBeDefined()
    expect(error!.statusCode).toBeGreaterThanOrEqual(400)
    expect(error!.message).toContain('Query exceeded the time limit of 1500 ms')
    // And afterwards, with the overrunning worker replaced.
    expect(await client.fetch('*[_type == "test"] | order(_id desc)[0]._id', {}, {perspective: 'raw'})).toBe('f')
  })
})
