// Hosted's rate limits, on by default: over a limit the lake answers 429 with Retry-After and
// hosted's body, writes nothing for the refused request, and accepts it again after the wait.
// @sanity/client retries reads (GET, and queries) on 429, never mutations.
import {spawnSync} from 'node:child_process'
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as os from 'node:os'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ClientError} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {newToken} from '../src/config.ts'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Waits for the start of the next clock second: a short burst then falls in one rate window. */
const nextSecond = () => sleep(1000 - (Date.now() % 1000) + 10)

function headersOf(lake: SpawnedLake): Record<string, string> {
  return {authorization: `Bearer ${lake.writeToken}`, 'x-sanity-project-id': lake.projectId, 'content-type': 'application/json'}
}

describe('hosted defaults', () => {
  let lake: SpawnedLake
  beforeAll(async () => {
    lake = await spawnLake()
  })
  afterAll(async () => {
    await lake?.stop()
  })

  it('answers a burst of mutations past 25/s with 429 + Retry-After, writes none of those, and accepts them after the wait', async () => {
    const client = lake.client()
    const ids = Array.from({length: 80}, (_, i) => `burst-${i}`)
    await nextSecond()
    const outcomes = await Promise.all(
      ids.map((id) =>
        client.create({_id: id, _type: 't'}).then(
          () => null,
          (err: unknown) => err,
        ),
      ),
    )
    const refused = ids.filter((_, i) => outcomes[i] !== null)
    // The burst starts a clock second and takes well under one: 25 accepted (50 if it ran over).
    expect(refused.length).toBeGreaterThanOrEqual(30)
    expect(refused.length).toBeLessThanOrEqual(55)
    for (const error of outcomes.filter((o) => o !== null)) {
      expect(error).toBeInstanceOf(ClientError)
      expect((error as ClientError).statusCode).toBe(429)
      expect((error as ClientError).message).toBe('API rate limit exceeded')
      expect((error as ClientError).response.headers['retry-after']).toBe('1')
    }
    const written = await client.fetch<string[]>('*[_type == "t"]._id', {}, {perspective: 'raw'})
    expect(written.sort()).toEqual(ids.filter((id) => !refused.includes(id)).sort())
    // Waiting as told, the refused ones go through (paced by Retry-After when refused again).
    for (const id of refused) {
      for (;;) {
        const error = await client.create({_id: id, _type: 't'}).then(
          () => null,
          (err: unknown) => err as ClientError,
        )
        if (error === null) break
        expect(error.statusCode).toBe(429)
        await sleep(Number(error.response.headers['retry-after']) * 1000)
      }
    }
    expect(await client.fetch('count(*[_type == "t"])', {}, {perspective: 'raw'})).toBe(80)
  })

  it('answers with the hosted body and rate-limit headers, naming the limit in a header', async () => {
    const send = () =>
      fetch(`${lake.url}/v2025-02-19/data/mutate/${lake.dataset}`, {
        method: 'POST',
        headers: headersOf(lake),
        body: JSON.stringify({mutations: [{createOrReplace: {_id: 'h', _type: 'h'}}]}),
      })
    await nextSecond()
    const responses = await Promise.all(Array.from({length: 26}, send))
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(25)
    const limited = responses.find((r) => r.status === 429)!
    expect(await limited.json()).toEqual({message: 'API rate limit exceeded'})
    expect(limited.headers.get('retry-after')).toBe('1')
    expect(limited.headers.get('x-ratelimit-limit-second')).toBe('25')
    expect(limited.headers.get('x-ratelimit-remaining-second')).toBe('0')
    expect(limited.headers.get('x-spotter-rate-limit')).toContain('25 mutation requests per second per client IP')
    expect(limited.headers.get('x-spotter-rate-limit')).toContain('--rate-limits')
    const accepted = responses.find((r) => r.status === 200)!
    expect(accepted.headers.get('x-ratelimit-limit-second')).toBe('25')
  })
})

describe('lowered limits', () => {
  let lake: SpawnedLake
  beforeAll(async () => {
    lake = await spawnLake({rateLimits: {requestsPerSecond: 10, concurrentMutations: 1, concurrentQueries: 1}, queryTimeoutMs: 1_500})
    const transaction = lake.client().transaction()
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) transaction.create({_id: id, _type: 'test', n: id})
    await transaction.commit()
  })
  afterAll(async () => {
    await lake?.stop()
  })

  it("reads past the limit succeed through the client's retries; a write past it is refused, not retried", async () => {
    await sleep(1100)
    const client = lake.client()
    const reads = await Promise.all(
      Array.from({length: 24}, (_, i) =>
        i % 2 === 0 ? client.fetch('*[_id == $id][0].n', {id: 'a'}) : client.getDocument('b').then((d) => d?.n),
      ),
    )
    expect(reads).toEqual(Array.from({length: 24}, (_, i) => (i % 2 === 0 ? 'a' : 'b')))
    await nextSecond()
    const burst = await Promise.all(
      Array.from({length: 11}, (_, i) =>
        client.create({_id: `w${i}`, _type: 'w'}).then(
          () => 200,
          (err: ClientError) => err.statusCode,
        ),
      ),
    )
    expect(burst.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1)
    await sleep(1100)
    expect(await client.fetch('count(*[_type == "w"])')).toBe(burst.filter((s) => s === 200).length)
  })

  it('limits mutation requests in flight per dataset', async () => {
    await sleep(1100)
    // A mutation whose body is still arriving holds the dataset's only mutation slot.
    const body = JSON.stringify({mutations: [{create: {_id: 'slow', _type: 'slow'}}]})
    const slow = http.request(`${lake.url}/v2025-02-19/data/mutate/${lake.dataset}`, {
      method: 'POST',
      headers: {...headersOf(lake), 'content-length': String(body.length)},
    })
    const slowStatus = new Promise<number>((resolve, reject) => {
      slow.on('response', (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      slow.on('error', reject)
    })
    slow.write(body.slice(0, 10))
    await sleep(300)
    const second = await fetch(`${lake.url}/v2025-02-19/data/mutate/${lake.dataset}`, {
      method: 'POST',
      headers: headersOf(lake),
      body: JSON.stringify({mutations: [{create: {_id: 'second', _type: 'slow'}}]}),
    })
    expect(second.status).toBe(429)
    expect(second.headers.get('x-spotter-rate-limit')).toContain(`mutation requests running at once on dataset "${lake.dataset}"`)
    slow.end(body.slice(10))
    expect(await slowStatus).toBe(200)
    // The slot is free again.
    const third = await fetch(`${lake.url}/v2025-02-19/data/mutate/${lake.dataset}`, {
      method: 'POST',
      headers: headersOf(lake),
      body: JSON.stringify({mutations: [{create: {_id: 'second', _type: 'slow'}}]}),
    })
    expect(third.status).toBe(200)
  })

  it('limits queries running at once per dataset', async () => {
    await sleep(1100)
    let query = '*[_id >= "c" && _type == "test" && ^._id != "none"][]._id'
    for (let i = 0; i < 10; i++) query = `*[_id in ${query} && ^._id != "none"][]._id`
    const slow = fetch(`${lake.url}/v2025-02-19/data/query/${lake.dataset}?query=${encodeURIComponent(query)}`, {headers: headersOf(lake)})
    await sleep(300)
    const second = await fetch(`${lake.url}/v2025-02-19/data/query/${lake.dataset}?query=${encodeURIComponent('count(*)')}`, {
      headers: headersOf(lake),
    })
    expect(second.status).toBe(429)
    expect(second.headers.get('retry-after')).toBe('1')
    expect((await slow).status).toBe(400) // the time limit
    expect(await lake.client().fetch('count(*[_type == "test"])')).toBe(6)
  })
})

describe('turning them off or changing them', () => {
  it('--rate-limits off accepts a burst of 200 mutations', async () => {
    const lake = await spawnLake({rateLimits: 'off'})
    try {
      const client = lake.client()
      await Promise.all(Array.from({length: 200}, (_, i) => client.create({_id: `b${i}`, _type: 'b'})))
      expect(await client.fetch('count(*[_type == "b"])')).toBe(200)
    } finally {
      await lake.stop()
    }
  })

  it('the config\'s "rateLimits" sets them, and the flag overrides it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-rate-config-'))
    const config = {
      projectId: 'spotter',
      datasets: ['production'],
      tokens: [
        {token: newToken('read'), role: 'read'},
        {token: newToken('write'), role: 'write'},
      ],
      rateLimits: {mutationsPerSecond: 2},
    }
    fs.writeFileSync(path.join(dataDir, 'lake.config.json'), JSON.stringify(config))
    const lake = await spawnLake({dataDir})
    try {
      await nextSecond()
      const client = lake.client()
      const statuses = await Promise.all(
        Array.from({length: 3}, (_, i) =>
          client.create({_id: `c${i}`, _type: 'c'}).then(
            () => 200,
            (err: ClientError) => err.statusCode,
          ),
        ),
      )
      expect(statuses.sort()).toEqual([200, 200, 429])
      await lake.kill()
    } finally {
      await lake.stop()
    }
    const off = await spawnLake({dataDir, rateLimits: 'off'})
    try {
      const client = off.client()
      await Promise.all(Array.from({length: 20}, (_, i) => client.createOrReplace({_id: `c${i}`, _type: 'c'})))
      expect(await client.fetch('count(*[_type == "c"])')).toBe(20)
    } finally {
      await off.stop()
      fs.rmSync(dataDir, {recursive: true, force: true})
    }
  })

  it('refuses an unknown limit name with a clear message', () => {
    const result = spawnSync(
      path.join(ROOT, 'node_modules/.bin/node'),
      [
        path.join(ROOT, 'lake/src/cli.ts'),
        'serve',
        '--rate-limits',
        'mutations=5',
        '--data-dir',
        fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-rate-bad-')),
      ],
      {encoding: 'utf8'},
    )
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('--rate-limits: unknown rate limit "mutations"; known: requestsPerSecond, mutationsPerSecond')
  })
})
