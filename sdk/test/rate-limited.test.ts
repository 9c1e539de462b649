// The SDK only reads, and @sanity/client retries reads answered 429: against a lake whose rate
// limit a burst of page loads overruns, every SDK call still returns the same validated result.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {createExerciseClient, type ExerciseClient} from '../src/index.ts'
import {ARTICLE_SLUGS, SEED} from './support/lake.ts'

let lake: SpawnedLake
let spotter: ExerciseClient

beforeAll(async () => {
  lake = await spawnLake({seed: SEED, rateLimits: {requestsPerSecond: 10}})
  spotter = createExerciseClient({projectId: lake.projectId, dataset: lake.dataset, apiHost: lake.url})
})
afterAll(async () => lake?.stop())

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("SDK reads under the lake's rate limit", () => {
  it("a burst twice the per-second limit is answered in full, through the client's retries", async () => {
    // What each call returns with the limit to itself, one call at a time.
    const expected: unknown[] = []
    for (const slug of ARTICLE_SLUGS) {
      expected.push(await spotter.getArticle(slug))
      await sleep(150)
    }
    expected.push(await spotter.listExercises({pageSize: 50}))
    await sleep(1100)
    const calls = () => [...ARTICLE_SLUGS.map((slug) => spotter.getArticle(slug)), spotter.listExercises({pageSize: 50})]
    // 20 requests at once against 10 a second: half are answered 429 at first.
    const results = await Promise.all([...calls(), ...calls(), ...calls(), ...calls(), ...calls()])
    expect(results).toHaveLength(20)
    for (const [i, result] of results.entries()) expect(result).toEqual(expected[i % 4])
    expect(expected[0]).not.toBeNull()
  })

  it('the lake did refuse part of such a burst (the retries above were needed)', async () => {
    await sleep(1000 - (Date.now() % 1000) + 10) // one clock second: one rate window
    const statuses = await Promise.all(
      Array.from({length: 12}, () =>
        fetch(`${lake.url}/v2025-02-19/data/query/${lake.dataset}?query=${encodeURIComponent('count(*)')}`).then((r) => r.status),
      ),
    )
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2)
  })
})
