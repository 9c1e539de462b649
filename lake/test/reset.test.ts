// The testing API's reset: after any writes, POST /lake/reset brings a dataset back to its saved
// state exactly (the export before and after is byte for byte the same), without a restart;
// listeners see one transaction with an event per document it touched; it survives a restart;
// only a write token may call it, and a dataset without a snapshot says so.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {MutationEvent} from '@sanity/client'
import {startLake, type TestLake} from '../src/testing.ts'

const notes = [
  {_id: 'note-a', _type: 'note', title: 'A', tags: ['x']},
  {_id: 'note-b', _type: 'note', title: 'B'},
  {_id: 'drafts.note-b', _type: 'note', title: 'B (draft)'},
]

let lake: TestLake

beforeAll(async () => {
  lake = await startLake({documents: notes, datasets: ['production', 'other'], rateLimits: 'off'})
})
afterAll(async () => {
  await lake?.stop()
})

async function exported(dataset = lake.dataset): Promise<string> {
  const response = await fetch(`${lake.url}/v1/data/export/${dataset}`, {headers: {authorization: `Bearer ${lake.readToken}`}})
  expect(response.status).toBe(200)
  return response.text()
}

describe('reset', () => {
  it('restores every document exactly after creates, patches and deletes, without a restart', async () => {
    const before = await exported()
    const client = lake.client()
    await client.create({_id: 'note-c', _type: 'note', title: 'C'})
    await client.patch('note-a').set({title: 'A changed'}).append('tags', ['y']).commit()
    await client.delete('note-b')
    await client.delete('drafts.note-b')
    expect(await exported()).not.toBe(before)
    const port = lake.port

    const result = await lake.reset()
    console.log(`reset of ${notes.length} documents after 4 writes: ${result.ms} ms in the lake`)

    expect(result).toMatchObject({restored: 3, deleted: 1})
    expect(await exported()).toBe(before)
    expect(lake.port).toBe(port)
    expect(await client.fetch('*[_id == "note-a"][0].title')).toBe('A')
  })

  it('is one transaction that listeners see as an event per document it touched', async () => {
    const client = lake.client()
    const events: MutationEvent[] = []
    const subscription = client
      .listen('*[_type == "note"]', {}, {includeResult: true, includePreviousRevision: true, visibility: 'query'})
      .subscribe((event) => {
        if (event.type === 'mutation') events.push(event)
      })
    try {
      await new Promise((resolve) => setTimeout(resolve, 300))
      await client.create({_id: 'note-d', _type: 'note', title: 'D'})
      await client.patch('note-b').set({title: 'B changed'}).commit()
      await expect.poll(() => events.length).toBe(2)

      const result = await lake.reset()
      expect(result).toMatchObject({restored: 1, deleted: 1})
      await expect.poll(() => events.length).toBe(4)
      const resetEvents = events.slice(2)
      expect(new Set(resetEvents.map((e) => e.transactionId)).size).toBe(1)
      expect(resetEvents.map((e) => e.transactionTotalEvents)).toEqual([2, 2])
      const byId = Object.fromEntries(resetEvents.map((e) => [e.documentId, e]))
      expect(byId['note-d']).toMatchObject({transition: 'disappear'})
      expect(byId['note-d']?.result).toBeUndefined()
      expect(byId['note-b']).toMatchObject({transition: 'update', result: {title: 'B'}, previous: {title: 'B changed'}})
    } finally {
      subscription.unsubscribe()
    }
  })

  it('takes milliseconds on thousands of documents', async () => {
    const client = lake.client({dataset: 'other'})
    const many = Array.from({length: 5000}, (_, i) => ({_id: `bulk-${i}`, _type: 'note', title: `Note ${i}`, body: 'x'.repeat(200)}))
    await fetch(`${lake.url}/v1/data/import/other`, {
      method: 'POST',
      headers: {authorization: `Bearer ${lake.writeToken}`},
      body: many.map((d) => JSON.stringify(d)).join('\n'),
    })
    await lake.snapshot('other')
    const saved = await exported('other')
    const transaction = client.transaction()
    for (let i = 0; i < 100; i++) transaction.patch(`bulk-${i * 50}`, (p) => p.set({title: 'changed'}))
    await transaction.create({_id: 'bulk-new', _type: 'note'}).commit()
    const started = performance.now()
    const result = await lake.reset('other')
    console.log(
      `reset of 5000 documents after 101 writes: ${result.ms} ms in the lake, ${(performance.now() - started).toFixed(1)} ms round trip`,
    )
    expect(result).toMatchObject({restored: 100, deleted: 1})
    expect(await exported('other')).toBe(saved)
    await lake.client({dataset: 'other'}).delete({query: '*[_type == "note"]'})
    await lake.snapshot('other')
  })

  it('with nothing changed, writes nothing', async () => {
    expect(await lake.reset()).toMatchObject({restored: 0, deleted: 0})
  })

  it('returns to the latest snapshot, per dataset', async () => {
    const client = lake.client()
    await client.create({_id: 'note-e', _type: 'note', title: 'E'})
    await lake.snapshot()
    const saved = await exported()
    await client.delete('note-e')
    await lake.client({dataset: 'other'}).create({_id: 'elsewhere', _type: 'note'})
    await lake.reset()
    expect(await exported()).toBe(saved)
    expect(await exported('other')).toContain('"elsewhere"')
    await lake.reset('other')
    expect(await exported('other')).toBe('')
    // Back to the start for the tests below.
    await client.delete('note-e')
    await lake.snapshot()
  })

  it('is durable: a restart keeps the reset state', async () => {
    const before = await exported()
    await lake.client().create({_id: 'note-f', _type: 'note'})
    await lake.reset()
    await lake.restart()
    expect(await exported()).toBe(before)
  })

  it('needs a write token and a snapshot, and says so', async () => {
    const call = (route: string, token?: string) =>
      fetch(`${lake.url}/v2025-02-19/lake/${route}`, {method: 'POST', headers: token ? {authorization: `Bearer ${token}`} : {}})
    expect((await call('reset/production')).status).toBe(401)
    expect((await call('snapshot/production', lake.readToken)).status).toBe(403)
    const reset = await call('reset/production', lake.readToken)
    expect(reset.status).toBe(403)
    expect(((await reset.json()) as {message: string}).message).toContain('requires a token with write access')
    // Snapshots live in memory: the restart above dropped them.
    const none = await call('reset/production', lake.writeToken)
    expect(none.status).toBe(409)
    expect(await none.json()).toMatchObject({
      error: {type: 'noSnapshotError'},
      message: expect.stringContaining('Dataset "production" has no snapshot'),
    })
    expect((await call('reset/missing', lake.writeToken)).status).toBe(404)
  })
})
