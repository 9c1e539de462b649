// A large transaction is applied to every query thread at once: what a client sees right after
// the acknowledgement is every document of it, in every query, whichever thread answers.
import {afterAll, beforeAll, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'

const COUNT = 3000
let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake({rateLimits: 'off', shuffleUnordered: false})
})
afterAll(() => lake.stop())

it('a 3,000-document import is visible in full to the first query after it is acknowledged', async () => {
  const lines = Array.from({length: COUNT}, (_, i) => JSON.stringify({_id: `bulk-${i}`, _type: 'bulk', n: i, tags: ['a', `t${i % 7}`]}))
  const response = await fetch(`${lake.url}/v1/data/import/${lake.dataset}`, {
    method: 'POST',
    headers: {authorization: `Bearer ${lake.writeToken}`, 'content-type': 'application/x-ndjson'},
    body: lines.join('\n'),
  })
  expect(response.status).toBe(200)
  const client = lake.client()
  // Several queries at once, so both query threads answer some of them.
  const answers = await Promise.all(
    Array.from({length: 6}, () =>
      client.fetch<{count: number; sum: number; last: unknown}>(
        '{"count": count(*[_type == "bulk"]), "sum": math::sum(*[_type == "bulk"].n), "last": *[_id == "bulk-2999"][0]{n, tags}}',
      ),
    ),
  )
  for (const answer of answers) expect(answer).toEqual({count: COUNT, sum: (COUNT * (COUNT - 1)) / 2, last: {n: 2999, tags: ['a', 't3']}})
  // And a delete of all of them, one transaction again, leaves nothing behind in any thread.
  await client.delete({query: '*[_type == "bulk"]'})
  const after = await Promise.all(Array.from({length: 6}, () => client.fetch<number>('count(*[_type == "bulk"])')))
  expect(after).toEqual([0, 0, 0, 0, 0, 0])
})
