// Documents nested deeper than a thread can copy (an old data dir may hold them): the lake starts,
// serves every other document, and replacing a timed-out query worker neither crashes the process
// nor leaves the pool without workers.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {TransactionLog} from '../src/store/txlog.ts'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import type {SanityDocument} from '../src/types.ts'
import {nested, slowQuery} from './limits-helpers.ts'

const doc = (_id: string, _type: string, fields: Record<string, unknown> = {}): SanityDocument => ({
  _id,
  _type,
  _rev: `rev-${_id}`,
  _createdAt: '2026-01-01T00:00:00Z',
  _updatedAt: '2026-01-01T00:00:00Z',
  ...fields,
})

describe('documents nested too deeply for a query thread', () => {
  let lake: SpawnedLake
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-lake-deep-'))

  beforeAll(async () => {
    // Written with the lake's own log, as an older lake (without a nesting limit) left it.
    const dir = path.join(dataDir, 'datasets', 'production')
    fs.mkdirSync(dir, {recursive: true})
    const log = TransactionLog.open(path.join(dir, 'txlog.ndjson'))
    const docs = [
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => doc(id, 'test')),
      // Around and past where V8's structured clone runs out of stack (about 3,300 levels).
      doc('deep-3300', 'deep', {value: nested(3_300)}),
      doc('deep-4000', 'deep', {value: nested(4_000)}),
    ]
    await log.append({
      seq: 1,
      id: 'old-tx',
      timestamp: '2026-01-01T00:00:00Z',
      identity: 'old',
      mutations: [],
      changes: docs.map((d) => ({id: d._id, doc: d})),
    }).durable
    await log.close()
    lake = await spawnLake({dataDir, queryTimeoutMs: 1_000})
  })
  afterAll(async () => {
    await lake?.stop()
    fs.rmSync(dataDir, {recursive: true, force: true})
  })

  it('starts and answers queries over the other documents', async () => {
    const client = lake.client()
    expect(await client.fetch('*[_type == "test"] | order(_id)._id', {}, {perspective: 'raw'})).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    // The document store still has them: /data/doc reads from it, not from the query threads.
    const deep = await client.getDocument('deep-4000')
    expect(deep?._id).toBe('deep-4000')
  })

  it('survives query timeouts, each replacing a worker, and keeps answering', async () => {
    const client = lake.client()
    for (let round = 0; round < 3; round++) {
      const errors = await Promise.all(
        [0, 1].map(() =>
          client.fetch(slowQuery(), {}, {perspective: 'raw'}).then(
            () => null,
            (error: {message: string}) => error,
          ),
        ),
      )
      for (const error of errors) expect(error?.message).toContain('Query exceeded the time limit of 1000 ms')
      const ping = await fetch(`${lake.url}/v1/ping`)
      expect(ping.status).toBe(200)
      expect(await client.fetch('count(*[_type == "test"])', {}, {perspective: 'raw'})).toBe(6)
    }
  })

  it('accepts a change to the other documents after the replacements', async () => {
    const client = lake.client()
    await client.patch('a').set({title: 'still here'}).commit()
    expect(await client.fetch('*[_id == "a"][0].title', {}, {perspective: 'raw'})).toBe('still here')
  })
})
