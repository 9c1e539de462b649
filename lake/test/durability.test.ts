// Storage: concurrent writers with ifRevisionID retries, kill -9 during a write burst, restart
// replay, a torn last log line, snapshots, and revisions kept for history.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

let lake: SpawnedLake

beforeAll(async () => {
  // Bursts of writers well past hosted's 25 mutations/s: bulk work, so the limits are off.
  lake = await spawnLake({rateLimits: 'off'})
})
afterAll(async () => {
  await lake?.stop()
})

async function incrementWithRetry(client: SanityClient, id: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const doc = await client.getDocument(id)
    try {
      await client
        .patch(id)
        .ifRevisionId(doc!._rev)
        .set({count: (doc!.count as number) + 1})
        .commit()
      return attempt
    } catch (err) {
      if ((err as {statusCode?: number}).statusCode !== 409) throw err
    }
  }
}

describe('concurrency', () => {
  it('N writers x M read-modify-write increments with ifRevisionID retries give an exact count', async () => {
    const N = 6
    const M = 15
    const client = lake.client()
    await client.createOrReplace({_id: 'counter', _type: 'counter', count: 0})
    let retries = 0
    await Promise.all(
      Array.from({length: N}, async () => {
        const writer = lake.client()
        for (let i = 0; i < M; i++) retries += (await incrementWithRetry(writer, 'counter')) - 1
      }),
    )
    expect((await client.getDocument('counter'))?.count).toBe(N * M)
    // With N writers racing, some attempts must have lost and retried: the check is real.
    expect(retries).toBeGreaterThan(0)
  })
})

describe('durability', () => {
  it('kill -9 during a write burst loses no acknowledged transaction and applies none by halves', async () => {
    const client = lake.client()
    const acknowledged: string[] = []
    let stop = false
    const writers = Array.from({length: 4}, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const id = `burst-${w}-${i}`
        try {
          // Two documents per transaction: after the crash both exist or neither does.
          await client
            .transaction()
            .create({_id: id, _type: 'burst', w, i})
            .create({_id: `${id}-pair`, _type: 'burstPair'})
            .commit()
          acknowledged.push(id)
        } catch {
          return // the lake died under us
        }
      }
    })
    // Kill once the burst is well under way (not after a fixed time: CI disks vary).
    const started = Date.now()
    while (acknowledged.length < 20 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 10))
    await lake.kill('SIGKILL')
    stop = true
    await Promise.all(writers)
    expect(acknowledged.length).toBeGreaterThanOrEqual(20)
    await lake.restart()
    const ids = new Set<string>(await lake.client().fetch('*[_type == "burst"]._id'))
    const pairs = new Set<string>(await lake.client().fetch('*[_type == "burstPair"]._id'))
    for (const id of acknowledged) expect(ids.has(id)).toBe(true)
    for (const id of ids) expect(pairs.has(`${id}-pair`)).toBe(true)
    expect(pairs.size).toBe(ids.size)
  })

  it('ignores a torn last line in the log (a crash mid-append) and keeps appending after it', async () => {
    const client = lake.client()
    await client.createOrReplace({_id: 'torn-before', _type: 't'})
    await lake.kill('SIGKILL')
    const log = path.join(lake.dataDir, 'datasets/production/txlog.ndjson')
    fs.appendFileSync(log, '{"seq":999999,"id":"half","changes":[{"id":"torn-after","doc":{"_id":"torn-af')
    await lake.restart()
    const after = lake.client()
    expect(await after.getDocument('torn-before')).toBeDefined()
    expect(await after.getDocument('torn-after')).toBeUndefined()
    await after.create({_id: 'torn-next', _type: 't'})
    await lake.restart()
    expect(await lake.client().getDocument('torn-next')).toBeDefined()
  })

  it('a clean restart (snapshot) and a crash restart (log replay) reach the same state', async () => {
    const client = lake.client()
    await client.createOrReplace({_id: 'state-1', _type: 'state', n: 1})
    await client.patch('state-1').inc({n: 1}).commit()
    await client.delete('counter')
    const exportAll = async () =>
      (await fetch(`${lake.url}/v1/data/export/production`, {headers: {authorization: `Bearer ${lake.readToken}`}})).text()
    const before = await exportAll()
    await lake.restart() // SIGTERM: writes a snapshot
    expect(fs.existsSync(path.join(lake.dataDir, 'datasets/production/snapshot.ndjson'))).toBe(true)
    expect(await exportAll()).toBe(before)
    await lake.client().patch('state-1').inc({n: 1}).commit()
    const beforeCrash = await exportAll()
    await lake.kill('SIGKILL')
    await lake.restart() // snapshot + replay of the tail
    expect(await exportAll()).toBe(beforeCrash)
  })

  it('keeps past revisions: /data/history/:ds/documents/:id?revision=', async () => {
    const client = lake.client()
    const v1 = await client.createOrReplace({_id: 'hist', _type: 't', title: 'one'})
    const v2 = await client.patch('hist').set({title: 'two'}).commit()
    await lake.restart()
    await client.patch('hist').set({title: 'three'}).commit()
    const at = async (rev: string) => {
      const res = await fetch(`${lake.url}/v2025-02-19/data/history/production/documents/hist?revision=${rev}`, {
        headers: {authorization: `Bearer ${lake.readToken}`},
      })
      return (await res.json()).documents
    }
    expect(await at(v1._rev)).toEqual([v1])
    expect(await at(v2._rev)).toEqual([v2])
    expect(await at('no-such-rev')).toEqual([])
  })
})
