// Lake query and memory benchmark, at 10k, 100k and 300k documents (BENCH_SIZES=10000,100000 to
// change). Per size, a fresh lake process loads the dataset (import over HTTP, then a restart, so
// it serves from its data dir as it would after any start), and the bench prints:
// - latency (100k and below): a slug lookup with two dereferences and an ordered page of 20, p50/p99
//   through the real @sanity/client, through a plain node:http keep-alive GET, and the same client
//   against a bare-server floor: a minimal node:http server (its own process) that answers every
//   request with the lake's own response body for that query, byte for byte (a canned JSON of the
//   same size). Plain groq-js evaluating the same query in this process is the slow reference.
// - memory: the lake process's resident set (VmRSS, whole process: main thread and every query
//   thread) against one in-process copy of the dataset: how much a fresh node process's RSS and
//   V8 heap grow when it JSON-parses the same NDJSON into an array of documents.
// - isolation (100k): the slug lookup's p50 while another client keeps a slow query running.
// Latencies are a server's steady state: each side answers WARMUP_RUNS requests first, then lake,
// plain GET and floor are measured in alternated rounds.
// Run with `npm run bench` from the root (after `npm run build -w lake`: it measures the built
// package, as users run it); not part of `npm test`. Numbers are from one run.
// LAKE_TESTING=/path/to/lake/src/testing.ts runs it against another checkout of the lake (for
// "before" numbers; that checkout's TestLake needs its `pid`).

import {execFileSync, spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import * as http from 'node:http'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {evaluate, parse} from 'groq-js'
import type {SpawnedLake} from '@spotter/lake/testing'

const testing = process.env['LAKE_TESTING'] ?? '@spotter/lake/testing'
const {spawnLake} = (await import(testing)) as typeof import('@spotter/lake/testing')

const SIZES = (process.env['BENCH_SIZES'] ?? '10000,100000,300000').split(',').map(Number)
const LATENCY_MAX = 100_000
/** Two dereferences: each exercise references two muscles. */
const SLUG_QUERY = '*[_type == "exercise" && slug.current == $slug][0]{..., "muscles": primaryMuscles[]->{name}}'
const PAGE_QUERY = '*[_type == "exercise"] | order(name asc) [0...20]{_id, name, "slug": slug.current}'
/** Dereferences both muscles of every exercise: about 1.5 s at 100k on an idle core. */
const SLOW_QUERY = 'count(*[_type == "exercise" && count(primaryMuscles[@->name == "Muscle 1"]) > 0])'
/** How long the lake idles while its memory is read each second (the lowest counts): V8 gives back what queries left behind after about 10-15 s idle. */
const SETTLE_MS = 30_000
const CONSTANT_QUERY = '{"n": $n}'
/** Samples per side, taken in ROUNDS alternated rounds (lake, then floor) so that drift in the machine's load hits both alike. */
const LAKE_RUNS = 1000
const ROUNDS = 5
/**
 * Requests each side answers before it is measured: a server's steady state. V8 optimises the lake's
 * query path (groq-js's evaluator, the planner, node's HTTP handling) only after a few thousand
 * requests; after 200 the lookup still ran about a third slower than after 10,000 (bench/README.md).
 */
const WARMUP_RUNS = 3000
const GROQ_RUNS: Record<number, number> = {10000: 20, 100000: 6}

/** A deterministic dataset: exercises referencing muscles, plus articles referencing exercises. */
function generate(size: number): Record<string, unknown>[] {
  let seed = 7
  const rand = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32), seed / 2 ** 32)
  const words = ['squat', 'lunge', 'press', 'row', 'curl', 'plank', 'bridge', 'raise', 'pull', 'push', 'hinge', 'carry']
  const muscles = 60
  const articles = Math.floor(size / 10)
  const exercises = size - muscles - articles
  const docs: Record<string, unknown>[] = []
  const system = {_rev: 'bench', _createdAt: '2025-01-01T00:00:00Z', _updatedAt: '2025-01-01T00:00:00Z'}
  for (let i = 0; i < muscles; i++) docs.push({_id: `muscle-${i}`, _type: 'muscle', ...system, name: `Muscle ${i}`})
  for (let i = 0; i < exercises; i++) {
    const name = `${words[Math.floor(rand() * words.length)]} ${words[Math.floor(rand() * words.length)]} ${i}`
    docs.push({
      _id: `exercise-${i}`,
      _type: 'exercise',
      ...system,
      name,
      slug: {_type: 'slug', current: `exercise-${i}`},
      difficulty: ['beginner', 'intermediate', 'advanced'][i % 3],
      primaryMuscles: [0, 1].map((k) => ({
        _type: 'reference',
        _key: `m${k}`,
        _ref: `muscle-${Math.floor(rand() * muscles)}`,
      })),
      summary: `How to do ${name} with good form.`,
    })
  }
  for (let i = 0; i < articles; i++) {
    docs.push({
      _id: `article-${i}`,
      _type: 'article',
      ...system,
      title: `Article ${i}`,
      exercises: [{_type: 'reference', _key: 'e', _ref: `exercise-${Math.floor(rand() * exercises)}`}],
    })
  }
  return docs
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn(i)
    samples.push(performance.now() - start)
  }
  return samples
}

function queryUrl(base: string, dataset: string, query: string, params: Record<string, unknown>): string {
  const search = new URLSearchParams({query, perspective: 'published', returnQuery: 'false'})
  for (const [key, value] of Object.entries(params)) search.set(`$${key}`, JSON.stringify(value))
  return `${base}/v2025-02-19/data/query/${dataset}?${search}`
}

/** The same request as @sanity/client's GET, over a plain keep-alive connection: the lake's own latency. */
function plainHttp(lake: SpawnedLake, dataset: string) {
  const agent = new http.Agent({keepAlive: true, maxSockets: 1})
  const headers = {authorization: `Bearer ${lake.readToken}`}
  return (query: string, params: Record<string, unknown>) =>
    new Promise<{body: string; result: unknown}>((resolve, reject) => {
      http
        .get(queryUrl(lake.url, dataset, query, params), {agent, headers}, (response) => {
          let body = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => (body += chunk))
          response.on('end', () => resolve({body, result: (JSON.parse(body) as {result: unknown}).result}))
        })
        .on('error', reject)
    })
}

/** The bare-server floor: its own node process, a node:http server answering every request with `body`. */
async function startFloor(body: string): Promise<{url: string; stop: () => void}> {
  const source = `
    const body = Buffer.from(process.env.FLOOR_BODY)
    require('node:http').createServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(200, {'content-type': 'application/json; charset=utf-8', 'content-length': body.length}).end(body))
    }).listen(0, '127.0.0.1', function () { console.log(this.address().port) })`
  const child = spawn(process.execPath, ['-e', source], {env: {...process.env, FLOOR_BODY: body}, stdio: ['ignore', 'pipe', 'inherit']})
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())))
  return {url: `http://127.0.0.1:${port}`, stop: () => child.kill()}
}

/** Resident memory of a process, MB: now (VmRSS) and its peak (VmHWM). */
function residentMb(pid: number): {rss: number; peak: number} {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN)
  return {rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024}
}

/** The lowest resident memory over SETTLE_MS of idling, read every second. */
async function idleResidentMb(pid: number): Promise<{rss: number; peak: number}> {
  let lowest = residentMb(pid)
  for (let waited = 0; waited < SETTLE_MS; waited += 1_000) {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const now = residentMb(pid)
    if (now.rss < lowest.rss) lowest = now
  }
  return lowest
}

/** One in-process copy: a fresh node process JSON-parses the NDJSON into an array; RSS and heap growth, MB. */
function oneCopyMb(file: string): {base: number; rss: number; heap: number} {
  const source = `
    gc(); const before = process.memoryUsage()
    const docs = require('node:fs').readFileSync(process.argv[1], 'utf8').split('\\n').map((line) => JSON.parse(line))
    gc(); const after = process.memoryUsage()
    console.log(JSON.stringify({base: before.rss / 2 ** 20, rss: (after.rss - before.rss) / 2 ** 20, heap: (after.heapUsed - before.heapUsed) / 2 ** 20, n: docs.length}))`
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', source, file], {encoding: 'utf8'})) as {
    base: number
    rss: number
    heap: number
  }
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0))
const mb = (value: number) => value.toFixed(0)

async function loadLake(docs: Record<string, unknown>[], dataset: string): Promise<SpawnedLake> {
  // Measured as the lake runs by default (`_id` order, no test-mode shuffling), without rate limits.
  // The first query after a start waits for the threads to index every document: a generous limit.
  const lake = await spawnLake({shuffleUnordered: false, rateLimits: 'off', datasets: [dataset], queryTimeoutMs: 120_000})
  const headers = {authorization: `Bearer ${lake.writeToken}`}
  for (let from = 0; from < docs.length; from += 20_000) {
    const body = docs
      .slice(from, from + 20_000)
      .map((d) => JSON.stringify(d))
      .join('\n')
    const response = await fetch(`${lake.url}/v2025-02-19/data/import/${dataset}?verbatim=true`, {
      method: 'POST',
      headers: {...headers, 'content-type': 'application/x-ndjson'},
      body,
    })
    if (!response.ok) throw new Error(`importing into ${dataset}: ${response.status} ${await response.text()}`)
  }
  // Served from the data dir, as after any start: what the import itself left behind is gone.
  await lake.restart()
  return lake
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lake-bench-'))
  const latencyRows: Record<string, unknown>[] = []
  const memoryRows: Record<string, unknown>[] = []
  const isolationRows: Record<string, unknown>[] = []
  try {
    const empty = await emptyLakeMb()
    memoryRows.push({documents: 0, 'lake RSS idle MB': mb(empty.rss), 'lake peak RSS MB': mb(empty.peak)})
    for (const size of SIZES) {
      const docs = generate(size)
      const file = path.join(dir, `${size}.ndjson`)
      writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n'))
      const copy = oneCopyMb(file)
      const dataset = `bench${size / 1000}k`
      const lake = await loadLake(docs, dataset)
      try {
        const client = lake.client({dataset, perspective: 'published'})
        const plainFetch = plainHttp(lake, dataset)
        const exercises = docs.filter((d) => d['_type'] === 'exercise').length
        const slugAt = (i: number) => `exercise-${(i * 7919) % exercises}`
        const queries = [
          ['slug lookup, 2 derefs', SLUG_QUERY, (i: number) => ({slug: slugAt(i)})],
          ['ordered page of 20', PAGE_QUERY, () => ({})],
          // Reads no document: what every query costs in the lake besides evaluating it.
          ['constant (reads nothing)', CONSTANT_QUERY, (i: number) => ({n: i})],
        ] as const
        for (const [name, query, params] of queries) {
          const firstStart = performance.now()
          const got = JSON.stringify(await client.fetch(query, params(1)))
          const firstMs = performance.now() - firstStart
          if (size > LATENCY_MAX) continue
          // The lake's answer must be plain groq-js's answer.
          const tree = parse(query)
          const plain = async (i: number) => (await evaluate(tree, {dataset: docs, params: params(i)})).get()
          const expected = JSON.stringify(await plain(1))
          if (got !== expected) throw new Error(`${name} at ${size}: the lake answered differently from groq-js\n${got}\n${expected}`)
          const canned = await plainFetch(query, params(1))
          if (JSON.stringify(canned.result) !== expected) throw new Error(`${name} at ${size}: plain HTTP differs`)
          const floor = await startFloor(canned.body)
          try {
            const floorClient = lake.client({dataset, perspective: 'published', apiHost: floor.url})
            if (JSON.stringify(await floorClient.fetch(query, params(1))) !== expected) throw new Error('the floor answers differently')
            await time(WARMUP_RUNS, (i) => client.fetch(query, params(i)))
            await time(WARMUP_RUNS, (i) => floorClient.fetch(query, params(i)))
            await time(200, (i) => plainFetch(query, params(i)))
            const lakeSamples: number[] = []
            const plainSamples: number[] = []
            const floorSamples: number[] = []
            const perRound = LAKE_RUNS / ROUNDS
            for (let round = 0; round < ROUNDS; round++) {
              // Each round asks for other documents than the warm-up and the rounds before it.
              const at = (i: number) => params(WARMUP_RUNS + round * perRound + i)
              lakeSamples.push(...(await time(perRound, (i) => client.fetch(query, at(i)))))
              plainSamples.push(...(await time(perRound, (i) => plainFetch(query, at(i)))))
              floorSamples.push(...(await time(perRound, (i) => floorClient.fetch(query, at(i)))))
            }
            const groqSamples = await time(GROQ_RUNS[size] ?? 3, plain)
            const lakeP50 = percentile(lakeSamples, 50)
            const floorP50 = percentile(floorSamples, 50)
            const groqP50 = percentile(groqSamples, 50)
            console.log(`${name} at ${size}: lake p50 ${fmt(lakeP50)} ms, floor p50 ${fmt(floorP50)} ms, groq-js p50 ${fmt(groqP50)} ms`)
            latencyRows.push({
              query: name,
              documents: size,
              'first ms': fmt(firstMs),
              'lake p50': fmt(lakeP50),
              'lake p99': fmt(percentile(lakeSamples, 99)),
              'plain GET p50': fmt(percentile(plainSamples, 50)),
              'floor p50': fmt(floorP50),
              'groq-js p50': fmt(groqP50),
              'lake/floor': `${(lakeP50 / floorP50).toFixed(2)}x`,
              'groq-js/lake': `${Math.round(groqP50 / lakeP50)}x`,
            })
          } finally {
            floor.stop()
          }
        }
        const afterLookups = residentMb(lake.pid!)
        if (size === LATENCY_MAX) isolationRows.push(await isolation(lake, dataset, slugAt))
        const busy = residentMb(lake.pid!)
        const memory = await idleResidentMb(lake.pid!)
        const growth = memory.rss - empty.rss
        memoryRows.push({
          documents: size,
          'NDJSON MB': mb(Buffer.byteLength(readFileSync(file)) / 2 ** 20),
          'node + copy RSS MB': mb(copy.base + copy.rss),
          'one copy: RSS growth MB': mb(copy.rss),
          'one copy: heap growth MB': mb(copy.heap),
          'lake RSS after lookups': mb(afterLookups.rss),
          'lake RSS after slow queries': size === LATENCY_MAX ? mb(busy.rss) : '',
          'lake RSS idle MB': mb(memory.rss),
          'lake peak RSS MB': mb(memory.peak),
          'lake RSS - empty lake': mb(growth),
          'lake RSS / (node + copy)': `${(memory.rss / (copy.base + copy.rss)).toFixed(2)}x`,
          '(lake - empty) / copy': `${(growth / copy.rss).toFixed(2)}x`,
        })
        console.log(`memory at ${size}: lake ${mb(memory.rss)} MB, one copy ${mb(copy.rss)} MB`)
      } finally {
        await lake.stop()
      }
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
  console.log(`\nLoad: ${readFileSync('/proc/loadavg', 'utf8').trim()} (1, 5, 15 min)`)
  // The built package (dist/) is what users run; from source each thread also loads Node's type stripper.
  console.log(`Lake under test: ${import.meta.resolve(testing)}`)
  console.log('\nLatency, ms. lake = @sanity/client against the lake; plain GET = node:http keep-alive GET of the same URL;')
  console.log("floor = the same @sanity/client against a bare node:http server (own process) answering the lake's own response")
  console.log('body for that query, byte for byte; groq-js = plain groq-js evaluating the same query over an in-process array.')
  console.log('lake/floor = lake p50 / floor p50; groq-js/lake = groq-js p50 / lake p50. "first": the first query after a start.')
  console.table(latencyRows)
  console.log('Memory, MB: after a start from the data dir and the lookups and pages above; at 100k again after the slow queries')
  console.log('of the isolation run (each decodes every exercise); then the lowest over 30 s idle (the ratios use that).')
  console.log('lake RSS = VmRSS of the whole lake process (every thread); empty lake = a lake process holding no documents (row 0):')
  console.log('node, its query threads, the modules. one copy = how much a fresh node process grows (RSS; V8 heap) when it')
  console.log("JSON-parses the same NDJSON into an array (after gc); node + copy = that process's whole RSS.")
  console.table(memoryRows)
  if (isolationRows.length > 0) {
    console.log('Isolation: slug lookup p50 over @sanity/client, idle and while another client keeps a slow query running.')
    console.table(isolationRows)
  }
  console.log('Targets: lake/floor <= 1.5x for the point lookup at 100k; groq-js/lake >= 100x; lake RSS <= 2x one copy, linear.')
  console.log(`Slow query beside the lookups: ${SLOW_QUERY}`)
}

/** Resident memory of a lake with no documents that has answered a query: what any lake process costs. */
async function emptyLakeMb(): Promise<{rss: number; peak: number}> {
  const lake = await spawnLake({shuffleUnordered: false, rateLimits: 'off'})
  try {
    await lake.client({perspective: 'published'}).fetch(PAGE_QUERY)
    return await idleResidentMb(lake.pid!)
  } finally {
    await lake.stop()
  }
}

/** The slug lookup's p50 alone, then while a second client runs SLOW_QUERY back to back. */
async function isolation(lake: SpawnedLake, dataset: string, slugAt: (i: number) => string): Promise<Record<string, unknown>> {
  const client = lake.client({dataset, perspective: 'published'})
  const slow = lake.client({dataset, perspective: 'published'})
  const idle = await time(100, (i) => client.fetch(SLUG_QUERY, {slug: slugAt(i)}))
  let running = true
  let slowRuns = 0
  let slowMs = 0
  const slowLoop = (async () => {
    while (running) {
      const start = performance.now()
      await slow.fetch(SLOW_QUERY).catch((error: Error) => console.error(`the slow query failed: ${error.message}`))
      slowMs += performance.now() - start
      slowRuns++
    }
  })()
  await new Promise((resolve) => setTimeout(resolve, 200))
  const busy = await time(600, (i) => client.fetch(SLUG_QUERY, {slug: slugAt(i)}))
  running = false
  await slowLoop
  return {
    'idle p50': fmt(percentile(idle, 50)),
    'beside slow query p50': fmt(percentile(busy, 50)),
    'beside slow query p99': fmt(percentile(busy, 99)),
    'slow query ms (mean)': fmt(slowMs / slowRuns),
    'slow queries run': slowRuns,
  }
}

await main()
