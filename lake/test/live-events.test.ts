// The Live Content API over real HTTP with the real @sanity/client: query responses carry
// syncTags, and GET /data/live/events sends a `message` after each transaction whose tags meet
// those of every result it may have changed (dereferences included); nothing for another
// dataset; drafts only to a stream with a token and includeDrafts; anonymous streams only hear
// of public documents, through opaque tags; Last-Event-ID resumes or answers `restart`.
import {spawnSync} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {LiveEvent, SanityClient} from '@sanity/client'
import {startLake, type TestLake} from '../src/testing.ts'

let lake: TestLake
let writer: SanityClient
let anonymous: SanityClient

beforeAll(async () => {
  lake = await startLake({
    datasets: ['production', 'other'],
    rateLimits: 'off',
    documents: [
      {_id: 'muscle-glutes', _type: 'muscle', name: 'Glutes'},
      {_id: 'exercise-squat', _type: 'exercise', title: 'Squat', muscle: {_type: 'reference', _ref: 'muscle-glutes'}},
      {_id: 'drafts.exercise-squat', _type: 'exercise', title: 'Squat (draft)', muscle: {_type: 'reference', _ref: 'muscle-glutes'}},
      {_id: 'settings.site', _type: 'settings', title: 'Site'},
    ],
  })
  writer = lake.client()
  anonymous = lake.client({token: undefined})
})
afterAll(async () => {
  await lake?.stop()
})

/** Subscribes to client.live.events(); `next()` is the next message (or restart) after welcome. */
function live(client: SanityClient, options: {includeDrafts?: boolean} = {}) {
  const queue: LiveEvent[] = []
  const waiting: Array<() => void> = []
  let welcomed!: () => void
  const welcome = new Promise<void>((resolve) => {
    welcomed = resolve
  })
  let failure: unknown = null
  const subscription = client.live.events(options).subscribe({
    next: (event) => {
      if (event.type === 'welcome') welcomed()
      else if (event.type !== 'reconnect') queue.push(event)
      for (const w of waiting.splice(0)) w()
    },
    error: (err) => {
      failure = err
      for (const w of waiting.splice(0)) w()
    },
  })
  return {
    welcome,
    next(timeoutMs = 10_000): Promise<LiveEvent> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('Timed out waiting for a live event')), timeoutMs)
        const check = () => {
          if (failure) return reject(failure)
          const event = queue.shift()
          if (event) {
            clearTimeout(timer)
            resolve(event)
          } else waiting.push(check)
        }
        check()
      })
    },
    close: () => subscription.unsubscribe(),
  }
}

/** The first server-sent event of a stream, as sent. */
async function firstEvent(url: string): Promise<string> {
  const controller = new AbortController()
  const response = await fetch(url, {headers: {accept: 'text/event-stream'}, signal: controller.signal})
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  let text = ''
  while (!text.includes('\n\n')) {
    const {value, done} = await reader.read()
    if (done) break
    text += new TextDecoder().decode(value)
  }
  controller.abort()
  return text.slice(0, text.indexOf('\n\n'))
}

type Raw = {result: unknown; syncTags?: string[]}
const REFERENCING = '*[_type == "exercise"]{title, "muscle": muscle->name}'

/** A write no stream may miss, to prove by order that an earlier write produced no message. */
async function sentinel(): Promise<string> {
  const {transactionId} = await writer.patch('muscle-glutes').set({sentinel: Math.random()}).commit({returnDocuments: false})
  return transactionId
}

describe('syncTags on query responses', () => {
  it('come with GET and POST queries, opaque, and differ by dataset', async () => {
    const get = (await anonymous.fetch(REFERENCING, {}, {filterResponse: false})) as Raw
    expect(get.syncTags?.length).toBeGreaterThan(0)
    for (const tag of get.syncTags ?? []) expect(tag).toMatch(/^s1:[A-Za-z0-9_-]+$/)
    const post = await fetch(`${lake.url}/v2025-02-19/data/query/${lake.dataset}`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({query: REFERENCING}),
    })
    expect(((await post.json()) as Raw).syncTags).toEqual(get.syncTags)
    const other = (await lake.client({dataset: 'other', token: undefined}).fetch(REFERENCING, {}, {filterResponse: false})) as Raw
    expect(other.syncTags?.some((tag) => get.syncTags?.includes(tag))).toBe(false)
  })
})

describe('live events', () => {
  it('a publish of a referenced document invalidates a query that dereferences it; another dataset does not', async () => {
    const {syncTags} = (await anonymous.fetch(REFERENCING, {}, {filterResponse: false})) as Raw
    const stream = live(anonymous)
    await stream.welcome
    // Another dataset's write first: the next message must be this dataset's.
    await lake.client({dataset: 'other'}).create({_id: 'muscle-glutes', _type: 'muscle', name: 'Other'})
    const {transactionId} = await writer.patch('muscle-glutes').set({name: 'Gluteus'}).commit({returnDocuments: false})
    const event = await stream.next()
    stream.close()
    expect(event.type).toBe('message')
    expect(event.type === 'message' && event.id).toBe(transactionId)
    const tags = event.type === 'message' ? event.tags : []
    expect(tags.some((tag) => syncTags?.includes(tag))).toBe(true)
    expect((await anonymous.fetch(REFERENCING)) as unknown).toEqual([{title: 'Squat', muscle: 'Gluteus'}])
  })

  it('anonymous streams hear nothing of drafts or dotted ids; a token stream with includeDrafts does', async () => {
    const draftsClient = lake.client({perspective: 'drafts'})
    const {syncTags: draftTags} = (await draftsClient.fetch('*[_type == "exercise"][0].title', {}, {filterResponse: false})) as Raw
    const publicStream = live(anonymous)
    const draftStream = live(lake.client({token: lake.readToken}), {includeDrafts: true})
    await Promise.all([publicStream.welcome, draftStream.welcome])

    const draft = await writer.patch('drafts.exercise-squat').set({title: 'Squat (edited)'}).commit({returnDocuments: false})
    const dotted = await writer.patch('settings.site').set({title: 'Site 2'}).commit({returnDocuments: false})
    const last = await sentinel()

    const publicEvent = await publicStream.next()
    expect(publicEvent.type === 'message' && publicEvent.id).toBe(last)

    const draftEvent = await draftStream.next()
    expect(draftEvent.type === 'message' && draftEvent.id).toBe(draft.transactionId)
    const tags = draftEvent.type === 'message' ? draftEvent.tags : []
    expect(tags.some((tag) => draftTags?.includes(tag))).toBe(true)
    // Tags name no document: the same tag for the draft as for any other change of its class.
    expect(JSON.stringify(tags)).not.toContain('exercise')
    const dottedEvent = await draftStream.next()
    expect(dottedEvent.type === 'message' && dottedEvent.id).toBe(dotted.transactionId)
    publicStream.close()
    draftStream.close()
  })

  it('an anonymous stream of a private dataset hears nothing; a token stream does', async () => {
    await writer.datasets.create('secret', {aclMode: 'private'})
    const secretWriter = lake.client({dataset: 'secret'})
    const publicStream = live(lake.client({dataset: 'secret', token: undefined}))
    const tokenStream = live(lake.client({dataset: 'secret', token: lake.readToken}), {includeDrafts: true})
    await Promise.all([publicStream.welcome, tokenStream.welcome])
    const write = await secretWriter.create({_id: 'plan', _type: 'plan'}, {returnDocuments: false})
    const tokenEvent = await tokenStream.next()
    expect(tokenEvent.type === 'message' && tokenEvent.id).toBe(write.transactionId)
    // Public now: the next root-path write reaches the anonymous stream, and it is the first.
    await writer.datasets.edit('secret', {aclMode: 'public'})
    const opened = await secretWriter.create({_id: 'plan-2', _type: 'plan'}, {returnDocuments: false})
    const publicEvent = await publicStream.next()
    expect(publicEvent.type === 'message' && publicEvent.id).toBe(opened.transactionId)
    publicStream.close()
    tokenStream.close()
  })

  it('a stream resumes across a restart with the transactions written while it was down', async () => {
    const stream = live(anonymous)
    await stream.welcome
    const before = await writer.patch('muscle-glutes').set({note: 'before'}).commit({returnDocuments: false})
    const seen = await stream.next()
    expect(seen.type === 'message' && seen.id).toBe(before.transactionId)
    await lake.kill()
    const file = path.join(lake.dataDir, 'missed.ndjson')
    fs.writeFileSync(file, `${JSON.stringify({_id: 'muscle-hamstrings', _type: 'muscle', name: 'Hamstrings'})}\n`)
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
    const imported = spawnSync(process.execPath, [cli, 'import', file, '--data-dir', lake.dataDir], {encoding: 'utf8'})
    expect(imported.status, imported.stderr).toBe(0)
    const transactionId = /transaction (\S+)\)/.exec(imported.stdout)?.[1]
    await lake.restart()
    const missed = await stream.next(30_000)
    stream.close()
    expect(missed.type === 'message' && missed.id).toBe(transactionId)
    // A new stream's welcome names the position, also when the lake started from a snapshot.
    expect(await firstEvent(`${lake.url}/v2025-02-19/data/live/events/${lake.dataset}`)).toEqual(
      `event: welcome\nid: ${transactionId}\ndata: {}`,
    )
  })

  it('includeDrafts needs a token', async () => {
    expect(() => anonymous.live.events({includeDrafts: true})).toThrow(/token/)
    const response = await fetch(`${lake.url}/v2025-02-19/data/live/events/${lake.dataset}?includeDrafts=true`, {
      headers: {accept: 'text/event-stream'},
    })
    expect(response.status).toBe(401)
  })

  it('Last-Event-ID resumes with the missed messages; an unknown one answers restart', async () => {
    const first = await writer.patch('muscle-glutes').set({note: 'one'}).commit({returnDocuments: false})
    const second = await writer.patch('muscle-glutes').set({note: 'two'}).commit({returnDocuments: false})
    const resumed = live(lake.client({token: undefined, headers: {'Last-Event-ID': first.transactionId}}))
    const event = await resumed.next()
    resumed.close()
    expect(event.type === 'message' && event.id).toBe(second.transactionId)

    const unknown = live(lake.client({token: undefined, headers: {'Last-Event-ID': 'no-such-transaction'}}))
    const restart = await unknown.next()
    unknown.close()
    expect(restart.type).toBe('restart')
  })
})

describe('live events without a token', () => {
  it('are limited in number like listeners (--anonymous-max-listeners); a token stream is not', async () => {
    const small = await startLake({args: ['--anonymous-max-listeners', '2']})
    try {
      const url = `${small.url}/v2025-02-19/data/live/events/${small.dataset}`
      const open = () => {
        const controller = new AbortController()
        return fetch(url, {headers: {accept: 'text/event-stream'}, signal: controller.signal}).then((response) => ({
          response,
          close: () => controller.abort(),
        }))
      }
      const first = await open()
      const second = await open()
      expect([first.response.status, second.response.status]).toEqual([200, 200])
      const third = await open()
      expect(third.response.status).toBe(429)
      const withToken = await fetch(url, {headers: {accept: 'text/event-stream', authorization: `Bearer ${small.readToken}`}})
      expect(withToken.status).toBe(200)
      await withToken.body?.cancel()
      first.close()
      // The lake counts the stream closed once it sees the connection end.
      let again = await open()
      for (let i = 0; i < 50 && again.response.status === 429; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        again = await open()
      }
      expect(again.response.status).toBe(200)
      again.close()
      second.close()
    } finally {
      await small.stop()
    }
  })
})
