// A listener without a token whose filter takes seconds per document: commits do not wait for it,
// listeners with a token keep getting their events, and the expensive listener is closed with
// `channelError` once its filter overruns the limit. Listeners without a token are limited in number.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import {collect} from './listen-helpers.ts'

// About 1 s of groq-js work per document on an idle core (n^2 comparisons over a 2,800-character
// string), in a 3 KB URL like the one measured.
const letters = 'ab'.repeat(700)
const EXPENSIVE = `*[_type == "test" && count(string::split("${letters}", "")[count(string::split("${letters}", "")[@ > "a"]) > 0]) > 0]`

describe('listen filters with a time limit', () => {
  let lake: SpawnedLake

  beforeAll(async () => {
    lake = await spawnLake({args: ['--listen-filter-timeout-ms', '300', '--anonymous-max-listeners', '2']})
    await lake.client().createOrReplace({_id: 'target', _type: 'test', n: 0})
  })
  afterAll(async () => {
    await lake?.stop()
  })

  it('commits at once, keeps other listeners going, and closes the overrunning one with channelError', async () => {
    const expensive = lake.client({token: undefined}).listen(EXPENSIVE, {}, {events: ['welcome', 'mutation']} as never)
    const closed = new Promise<{name?: string; message: string}>((resolve) => {
      expensive.subscribe({error: (error: {name?: string; message: string}) => resolve(error)})
    })
    const editor = collect(lake.client(), '*[_type == "test"]')
    await editor.welcome
    // Give the anonymous listener time to connect (its welcome is not observable once errored).
    await new Promise((resolve) => setTimeout(resolve, 300))

    const client = lake.client()
    const started = performance.now()
    // A patch checks the filter twice (before and after): several seconds of work on the main thread.
    await client.patch('target').inc({n: 1}).commit()
    await client.patch('target').inc({n: 1}).commit()
    // Not stalled: the commits do not wait for any filter.
    expect(performance.now() - started).toBeLessThan(1_500)
    const events = await editor.waitFor(2, 5_000)
    expect(events.map((event) => event.transition)).toEqual(['update', 'update'])

    const error = await closed
    expect(error.name).toBe('ChannelError')
    expect(error.message).toContain('Listener closed: its filter took longer than 300 ms')
    editor.close()
  })

  it('refuses listeners without a token past the limit, and only those', async () => {
    const listenUrl = `${lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent('*[_type == "test"]')}`
    // The overrunning listener of the test before is gone: two fit again.
    const open = await Promise.all([fetch(listenUrl), fetch(listenUrl)])
    for (const response of open) expect(response.status).toBe(200)
    const third = await fetch(listenUrl)
    expect(third.status).toBe(429)
    expect(((await third.json()) as {error: {description: string}}).error.description).toContain('Max listener limit exceeded at 2')
    const withToken = await fetch(listenUrl, {headers: {authorization: `Bearer ${lake.readToken}`}})
    expect(withToken.status).toBe(200)
    await withToken.body?.cancel()
    // Closing one makes room (the lake sees the close a moment later).
    await open[0]!.body?.cancel()
    let again = await fetch(listenUrl)
    for (let attempt = 0; again.status === 429 && attempt < 50; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      again = await fetch(listenUrl)
    }
    expect(again.status).toBe(200)
    await again.body?.cancel()
    await open[1]!.body?.cancel()
  })
})
