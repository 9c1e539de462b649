// A parameter nested too deeply to hand to a query thread: a 400 naming it, sent without a token,
// and the worker it was meant for is free again at once (not busy until the time limit).
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

/** `[[[...]]]`, `depth` arrays deep: 2 bytes a level, so it fits an anonymous body. */
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

describe('query parameters that cannot be posted to a worker', () => {
  let lake: SpawnedLake

  beforeAll(async () => {
    // One worker: a worker left busy would hold up the next query for the whole time limit.
    lake = await spawnLake({queryTimeoutMs: 8_000, args: ['--query-workers', '1']})
    await lake.client().create({_id: 'one', _type: 'test'})
  })
  afterAll(async () => {
    await lake?.stop()
  })

  it('answers 400 naming the parameter, and the worker answers the next query at once', async () => {
    const body = `{"query": "count(*[_type == $type]) + count($deep)", "params": {"type": "test", "deep": ${deepArray(20_000)}}}`
    const response = await fetch(`${lake.url}/v2025-02-19/data/query/production`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body,
    })
    expect(response.status).toBe(400)
    const error = (await response.json()) as {error: {type: string; description: string; parameter: string}}
    expect(error.error.type).toBe('invalidParameterError')
    expect(error.error.parameter).toBe('deep')
    expect(error.error.description).toContain('$deep')

    const anonymous = lake.client({token: undefined})
    const started = performance.now()
    expect(await anonymous.fetch('count(*[_type == "test"])')).toBe(1)
    // Not stalled: far below the 8 s time limit a busy worker would wait out.
    expect(performance.now() - started).toBeLessThan(4_000)
  })
})
