// Listen resume with the real @sanity/client (`enableResume`): a reconnect with Last-Event-ID
// gets `welcomeback` and exactly the mutation events it missed, replayed from the transaction
// log in order and filtered like live ones; a position the log does not hold gets `reset`.
import {spawnSync} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SanityClient} from '@sanity/client'
import {startLake, type TestLake} from '../src/testing.ts'

let lake: TestLake

beforeAll(async () => {
  lake = await startLake({rateLimits: 'off', documents: [{_id: 'note-a', _type: 'note', title: 'A'}]})
})
afterAll(async () => {
  await lake?.stop()
})

const EVENTS = ['welcome', 'welcomeback', 'reset', 'mutation']

/** A resumable listener: every event it gets, in order, and a wait for the first that matches. */
function resumable(client: SanityClient, query = '*[_type == "note"]') {
  const events: Array<Record<string, unknown>> = []
  const waiting: Array<() => void> = []
  let failure: unknown = null
  const subscription = client.listen(query, {}, {enableResume: true, events: EVENTS, includeResult: false} as never).subscribe({
    next: (event: Record<string, unknown>) => {
      events.push(event)
      for (const w of waiting.splice(0)) w()
    },
    error: (err: unknown) => {
      failure = err
      for (const w of waiting.splice(0)) w()
    },
  })
  const until = (done: (events: Array<Record<string, unknown>>) => boolean, timeoutMs = 20_000) =>
    new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out; events so far: ${JSON.stringify(events)}`)), timeoutMs)
      const check = () => {
        if (failure) return reject(failure)
        if (done(events)) {
          clearTimeout(timer)
          resolve(events)
        } else waiting.push(check)
      }
      check()
    })
  return {events, until, close: () => subscription.unsubscribe()}
}

const summary = (events: Array<Record<string, unknown>>) =>
  events.map((e) => (e.type === 'mutation' ? `mutation ${e.documentId} ${e.transition}` : String(e.type)))

describe('listen resume', () => {
  it('replays the events missed after Last-Event-ID, filtered, after welcomeback', async () => {
    const writer = lake.client()
    const first = await writer.create({_id: 'note-b', _type: 'note', title: 'B'}, {returnDocuments: false})
    await writer.create({_id: 'other-1', _type: 'other', title: 'not a note'})
    await writer.patch('note-a').set({title: 'A2'}).commit()
    await writer.delete('note-b')
    const listener = resumable(lake.client({headers: {'Last-Event-ID': `${first.transactionId}#note-b`}}))
    const events = await listener.until((list) => list.length >= 3)
    listener.close()
    expect(summary(events)).toEqual(['welcomeback', 'mutation note-a update', 'mutation note-b disappear'])
  })

  it('a position inside a transaction resumes with the rest of its events', async () => {
    const writer = lake.client()
    const {transactionId} = await writer
      .transaction()
      .create({_id: 'note-x', _type: 'note'})
      .create({_id: 'note-y', _type: 'note'})
      .create({_id: 'note-z', _type: 'note'})
      .commit({returnDocuments: false})
    const listener = resumable(lake.client({headers: {'Last-Event-ID': `${transactionId}#note-x`}}))
    const events = await listener.until((list) => list.length >= 3)
    listener.close()
    expect(summary(events)).toEqual(['welcomeback', 'mutation note-y appear', 'mutation note-z appear'])
    expect(events.slice(1).map((e) => [e.transactionCurrentEvent, e.transactionTotalEvents])).toEqual([
      [1, 3],
      [2, 3],
    ])
  })

  it('an unknown position gets reset, and live events follow', async () => {
    const listener = resumable(lake.client({headers: {'Last-Event-ID': 'no-such-transaction#note-a'}}))
    await listener.until((list) => list.length >= 1)
    await lake.client().patch('note-a').set({title: 'A3'}).commit()
    const events = await listener.until((list) => list.length >= 2)
    listener.close()
    expect(summary(events)).toEqual(['reset', 'mutation note-a update'])
  })

  it('after a restart, the client resumes with the writes made while the lake was down', async () => {
    const listener = resumable(lake.client())
    await listener.until((list) => list.length >= 1)
    await lake.client().patch('note-a').set({title: 'A4'}).commit()
    await listener.until((list) => list.length >= 2)
    await lake.kill()
    // A write while no lake serves the data dir: the CLI's import, one logged transaction.
    const file = path.join(lake.dataDir, 'missed.ndjson')
    fs.writeFileSync(file, `${JSON.stringify({_id: 'note-c', _type: 'note', title: 'C'})}\n`)
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
    const imported = spawnSync(process.execPath, [cli, 'import', file, '--data-dir', lake.dataDir], {encoding: 'utf8'})
    expect(imported.status, imported.stderr).toBe(0)
    await lake.restart()
    const events = await listener.until((list) => list.length >= 4)
    listener.close()
    expect(summary(events)).toEqual(['welcome', 'mutation note-a update', 'welcomeback', 'mutation note-c appear'])
  })
})
