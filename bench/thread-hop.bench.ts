// What the hop to a query thread costs by itself: the real @sanity/client against two bare node:http
// servers (each its own process) that answer every query with the same canned body: the floor of
// lake.bench.ts, and the same server handing each request to a worker thread and writing what the
// thread sends back (the lake's path without its routing, auth or evaluation). Alternated rounds;
// prints each round's p50s and hop/floor. Run: node_modules/.bin/node bench/thread-hop.bench.ts

import {spawn} from 'node:child_process'
import {createClient} from '@sanity/client'

const BODY = JSON.stringify({result: {n: 1}, syncTags: ['s1:aaaaaaaaaaaa', 's1:bbbbbbbbbbbb'], ms: 0})
const RUNS = 1_000
const ROUNDS = 3

/** Both servers share this source; with HOP set each request goes to a worker thread and back. */
const SERVER = `
  const http = require('node:http')
  const {Worker} = require('node:worker_threads')
  const body = process.env.BODY
  let answer = (url, done) => done(body)
  if (process.env.HOP) {
    const worker = new Worker("require('node:worker_threads').parentPort.on('message', ({id, request}) => require('node:worker_threads').parentPort.postMessage({id, outcome: {ok: true, json: process.env.BODY, ms: 0}}))", {eval: true})
    const waiting = new Map()
    let next = 0
    worker.on('message', ({id, outcome}) => { const done = waiting.get(id); waiting.delete(id); done(outcome.json) })
    answer = (url, done) => { const id = next++; waiting.set(id, done); worker.postMessage({type: 'query', id, store: 0, request: {query: url, params: {}, perspective: 'published', scope: 'all'}}) }
  }
  http.createServer((req, res) => {
    req.resume()
    req.on('end', () => answer(req.url, (text) => res.writeHead(200, {'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text)}).end(text)))
  }).listen(0, '127.0.0.1', function () { console.log(this.address().port) })`

async function start(hop: boolean): Promise<{url: string; stop: () => void}> {
  const env = {...process.env, BODY, HOP: hop ? '1' : ''}
  const child = spawn(process.execPath, ['-e', SERVER], {env, stdio: ['ignore', 'pipe', 'inherit']})
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())))
  return {url: `http://127.0.0.1:${port}`, stop: () => child.kill()}
}

async function p50(url: string): Promise<number> {
  const client = createClient({
    projectId: 'spotter',
    dataset: 'production',
    apiHost: url,
    useProjectHostname: false,
    apiVersion: '2025-02-19',
    useCdn: false,
  })
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await client.fetch('{"n": $n}', {n: i})
    samples.push(performance.now() - started)
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!
}

const floor = await start(false)
const hop = await start(true)
try {
  await p50(floor.url) // warm up both (JIT, connections)
  await p50(hop.url)
  console.log(
    `Load: ${(await import('node:os'))
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  )
  for (let round = 1; round <= ROUNDS; round++) {
    const f = await p50(floor.url)
    const h = await p50(hop.url)
    console.log(`round ${round}: floor p50 ${f.toFixed(3)} ms, floor + thread hop p50 ${h.toFixed(3)} ms, hop/floor ${(h / f).toFixed(2)}x`)
  }
} finally {
  floor.stop()
  hop.stop()
}
