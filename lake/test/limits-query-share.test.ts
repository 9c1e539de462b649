// Slow queries without a token cannot stall the lake: they run on their share of the workers,
// one client on at most half of it, their time limit counts from arrival (a query that waited it
// out is answered without running), a full anonymous queue is refused at once, and queries with a
// token, other anonymous clients, commits and /ping go on.
import * as http from 'node:http'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import {slowQuery} from './limits-helpers.ts'

const TIMEOUT_MS = 4_000

/** A GET from another loopback address: a second anonymous client, as a public site would be. */
function getFrom(localAddress: string, url: string): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    http
      .get(url, {localAddress}, (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({status: response.statusCode ?? 0, body}))
      })
      .on('error', reject)
  })
}

describe('query capacity for requests without a token', () => {
  let lake: SpawnedLake

  beforeAll(async () => {
    lake = await spawnLake({
      queryTimeoutMs: TIMEOUT_MS,
      // Three workers whatever the machine, two of them for anonymous queries, four may wait.
      args: ['--query-workers', '3', '--anonymous-query-workers', '2', '--anonymous-query-queue', '4'],
    })
    const transaction = lake.client().transaction()
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) transaction.create({_id: id, _type: 'test'})
    await transaction.commit()
  })
  afterAll(async () => {
    await lake?.stop()
  })

  it('keeps queries with a token, other anonymous clients, commits and /ping answering while one client sends four slow queries', async () => {
    const url = `${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent(slowQuery())}`
    const sent = performance.now()
    // From one client: one runs (half the anonymous workers), two wait (half the queue), one is refused.
    const slow = [0, 1, 2, 3].map(() =>
      fetch(url).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as {error: {type: string; description: string}},
        at: performance.now() - sent,
      })),
    )
    await new Promise((resolve) => setTimeout(resolve, 300))

    let started = performance.now()
    expect((await fetch(`${lake.url}/v1/ping`)).status).toBe(200)
    expect(performance.now() - started).toBeLessThan(1_000)

    const client = lake.client()
    started = performance.now()
    expect(await client.fetch('count(*[_type == "test"])', {}, {perspective: 'raw'})).toBe(6)
    await client.create({_type: 'test', title: 'written meanwhile'})
    // Not stalled: a stalled lake answers only after a slow query's 4 s limit.
    expect(performance.now() - started).toBeLessThan(2_000)

    started = performance.now()
    const other = await getFrom(
      '127.0.0.2',
      `${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent('count(*[_type == "test"])')}`,
    )
    expect(other.status).toBe(200)
    expect((JSON.parse(other.body) as {result: number}).result).toBe(7)
    expect(performance.now() - started).toBeLessThan(2_000)

    const answers = await Promise.all(slow)
    const refused = answers.filter((answer) => answer.status === 429)
    const timedOut = answers.filter((answer) => answer.status === 400)
    expect(refused).toHaveLength(1)
    expect(refused[0]!.body.error.description).toContain('Too many queries without a token are waiting (2 from one client may wait)')
    expect(timedOut).toHaveLength(3)
    for (const answer of timedOut) {
      expect(answer.body.error.type).toBe('queryTimeout')
      // From arrival: the two that waited are answered with the one that ran, not one limit later.
      expect(answer.at).toBeLessThan(TIMEOUT_MS * 1.75)
    }
  })
})
