// Commit benchmark: how many transactions a lake process acknowledges per second (one writer
// awaiting each commit, and 8 concurrent writers), and how long readers wait while a 50,000-document
// import commits, over HTTP against a real lake (spawnLake, plain keep-alive requests). The same
// commit rates are also measured on the store alone (Dataset.transact in this process, no HTTP).
// Run with `npm run bench` from the root; not part of `npm test`.
//
// LAKE_TESTING=/path/to/lake/src/testing.ts runs the same bench against another checkout of the
// lake (e.g. main, for "before" numbers).

import * as fs from 'node:fs'
import * as http from 'node:http'
import * as os from 'node:os'
import * as path from 'node:path'
import type {SpawnedLake} from '@spotter/lake/testing'
import type {SanityDocument} from '@spotter/lake'

const testing = process.env.LAKE_TESTING ?? path.join(import.meta.dirname, '../lake/src/testing.ts')
const {spawnLake} = (await import(testing)) as typeof import('../lake/src/testing.ts')
const {Lake} = (await import(path.join(path.dirname(testing), 'lake.ts'))) as typeof import('../lake/src/lake.ts')

const SEQUENTIAL_COMMITS = 400
const CONCURRENT_WRITERS = 8
const CONCURRENT_COMMITS = 1600
const IMPORT_DOCUMENTS = 50_000
const READ_INTERVAL_MS = 2

const agent = new http.Agent({keepAlive: true, maxSockets: 64})

function request(lake: SpawnedLake, method: string, url: string, body?: string, contentType = 'application/json'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${lake.url}${url}`,
      {method, agent, headers: {authorization: `Bearer ${lake.writeToken}`, ...(body === undefined ? {} : {'content-type': contentType})}},
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${method} ${url}: ${res.statusCode} ${text}`))))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const create = (lake: SpawnedLake, id: string) =>
  request(
    lake,
    'POST',
    '/v2025-02-19/data/mutate/production',
    JSON.stringify({mutations: [{create: {_id: id, _type: 'bench', title: id}}]}),
  )

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

async function sequentialRate(lake: SpawnedLake): Promise<number> {
  for (let i = 0; i < 20; i++) await create(lake, `warm-${i}`)
  const start = performance.now()
  for (let i = 0; i < SEQUENTIAL_COMMITS; i++) await create(lake, `seq-${i}`)
  return SEQUENTIAL_COMMITS / ((performance.now() - start) / 1000)
}

async function concurrentRate(lake: SpawnedLake): Promise<number> {
  const each = CONCURRENT_COMMITS / CONCURRENT_WRITERS
  const start = performance.now()
  await Promise.all(
    Array.from({length: CONCURRENT_WRITERS}, async (_, w) => {
      for (let i = 0; i < each; i++) await create(lake, `conc-${w}-${i}`)
    }),
  )
  return CONCURRENT_COMMITS / ((performance.now() - start) / 1000)
}

/** Reads one document by id every READ_INTERVAL_MS while `during` runs; latencies in ms. */
async function readLatencies(lake: SpawnedLake, during: () => Promise<unknown>): Promise<{samples: number[]; durationMs: number}> {
  const samples: number[] = []
  let done = false
  const reader = (async () => {
    while (!done) {
      const start = performance.now()
      await request(lake, 'GET', '/v2025-02-19/data/doc/production/seq-1')
      samples.push(performance.now() - start)
      await new Promise((r) => setTimeout(r, READ_INTERVAL_MS))
    }
  })()
  const start = performance.now()
  await during()
  const durationMs = performance.now() - start
  done = true
  await reader
  return {samples, durationMs}
}

function importBody(): string {
  const lines: string[] = []
  for (let i = 0; i < IMPORT_DOCUMENTS; i++) {
    lines.push(
      JSON.stringify({
        _id: `import-${i}`,
        _type: 'exercise',
        name: `Exercise ${i}`,
        slug: {_type: 'slug', current: `exercise-${i}`},
        summary: `How to do exercise ${i} with good form.`,
        reps: i % 20,
      }),
    )
  }
  return lines.join('\n')
}

/** The disk's own cost per commit: p50 of a 200-byte append plus fdatasync, in ms (context for the rates). */
function fdatasyncMs(): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sync-'))
  const fd = fs.openSync(path.join(dir, 'f'), 'a')
  const samples: number[] = []
  try {
    for (let i = 0; i < 200; i++) {
      const start = performance.now()
      fs.writeSync(fd, Buffer.alloc(200, 97))
      fs.fdatasyncSync(fd)
      samples.push(performance.now() - start)
    }
  } finally {
    fs.closeSync(fd)
    fs.rmSync(dir, {recursive: true, force: true})
  }
  return percentile(samples, 50)
}

/** Commits per second on the store alone: sequential, then 8 concurrent writers. */
async function storeRates(): Promise<{sequential: number; concurrent: number}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-'))
  const lake = new Lake({
    dataDir,
    config: {projectId: 'bench', datasets: ['production'], tokens: [], anonymousRole: 'none'} as never,
    queryTimeoutMs: 10_000,
  })
  try {
    const dataset = lake.dataset('production')
    const create = (id: string) =>
      dataset.transact((draft) => draft.put(id, {_id: id, _type: 'bench'} as SanityDocument, {create: {_id: id}}), {
        identity: 'bench',
        request: [],
      })
    for (let i = 0; i < 20; i++) await create(`warm-${i}`)
    let start = performance.now()
    for (let i = 0; i < SEQUENTIAL_COMMITS; i++) await create(`seq-${i}`)
    const sequential = SEQUENTIAL_COMMITS / ((performance.now() - start) / 1000)
    start = performance.now()
    const each = CONCURRENT_COMMITS / CONCURRENT_WRITERS
    await Promise.all(
      Array.from({length: CONCURRENT_WRITERS}, async (_, w) => {
        for (let i = 0; i < each; i++) await create(`conc-${w}-${i}`)
      }),
    )
    return {sequential, concurrent: CONCURRENT_COMMITS / ((performance.now() - start) / 1000)}
  } finally {
    await lake.close()
    fs.rmSync(dataDir, {recursive: true, force: true})
  }
}

async function main() {
  const syncMs = fdatasyncMs()
  const store = await storeRates()
  console.log(`store alone: ${store.sequential.toFixed(0)} sequential, ${store.concurrent.toFixed(0)} concurrent commits/s`)
  const lake = await spawnLake({rateLimits: 'off'}) // bulk writes by design: measure the store, not hosted's rate limits
  try {
    const sequential = await sequentialRate(lake)
    console.log(`sequential commits: ${sequential.toFixed(0)}/s`)
    const concurrent = await concurrentRate(lake)
    console.log(`${CONCURRENT_WRITERS} concurrent writers: ${concurrent.toFixed(0)} commits/s`)
    const idle = await readLatencies(lake, () => new Promise((r) => setTimeout(r, 2000)))
    const body = importBody()
    const during = await readLatencies(lake, () =>
      request(lake, 'POST', '/v2025-02-19/data/import/production', body, 'application/x-ndjson'),
    )
    console.table([
      {measure: 'disk: append + fdatasync p50 ms', value: syncMs.toFixed(2)},
      {measure: 'store alone: sequential commits/s (1 writer)', value: store.sequential.toFixed(0)},
      {measure: `store alone: concurrent commits/s (${CONCURRENT_WRITERS} writers)`, value: store.concurrent.toFixed(0)},
      {measure: 'HTTP: sequential commits/s (1 writer)', value: sequential.toFixed(0)},
      {measure: `HTTP: concurrent commits/s (${CONCURRENT_WRITERS} writers)`, value: concurrent.toFixed(0)},
      {measure: 'reader p50 ms, idle', value: percentile(idle.samples, 50).toFixed(1)},
      {measure: 'reader p99 ms, idle', value: percentile(idle.samples, 99).toFixed(1)},
      {measure: `reader p50 ms, during ${IMPORT_DOCUMENTS} import`, value: percentile(during.samples, 50).toFixed(1)},
      {measure: `reader p99 ms, during ${IMPORT_DOCUMENTS} import`, value: percentile(during.samples, 99).toFixed(1)},
      {measure: `reader max ms, during ${IMPORT_DOCUMENTS} import`, value: Math.max(...during.samples).toFixed(0)},
      {measure: 'import ms (request to acknowledgement)', value: during.durationMs.toFixed(0)},
      {measure: 'reads answered during import', value: String(during.samples.length)},
    ])
  } finally {
    agent.destroy()
    await lake.stop()
  }
}

await main()
