// Lake query benchmark: a slug lookup with a dereference and an ordered first page of 20, at 10k
// and 100k documents, answered by a lake process over HTTP (the real @sanity/client) and by plain
// groq-js evaluating the same query over the same documents in this process. Prints p50/p99 and
// the speed-up. Run with `npm run bench` from the root; not part of `npm test`.
//
// Targets: point lookups >= 100x faster than plain groq-js at 100k and p50 < 2 ms over
// HTTP; ordered pages >= 20x faster.

import * as http from 'node:http'
import {evaluate, parse} from 'groq-js'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'

const SIZES = [10_000, 100_000]
const SLUG_QUERY = '*[_type == "exercise" && slug.current == $slug][0]{..., "muscles": primaryMuscles[]->{name}}'
const PAGE_QUERY = '*[_type == "exercise"] | order(name asc) [0...20]{_id, name, "slug": slug.current}'
const LAKE_RUNS = 300
const GROQ_RUNS = {10_000: 20, 100_000: 6} as Record<number, number>

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

/** The same request as @sanity/client's GET, over a plain keep-alive connection: the lake's own latency. */
function plainHttp(lake: SpawnedLake, dataset: string) {
  const agent = new http.Agent({keepAlive: true, maxSockets: 1})
  const headers = {authorization: `Bearer ${lake.readToken}`}
  return (query: string, params: Record<string, unknown>) => {
    const search = new URLSearchParams({query, perspective: 'published', returnQuery: 'false'})
    for (const [key, value] of Object.entries(params)) search.set(`$${key}`, JSON.stringify(value))
    return new Promise<unknown>((resolve, reject) => {
      http
        .get(`${lake.url}/v2025-02-19/data/query/${dataset}?${search}`, {agent, headers}, (response) => {
          let body = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => (body += chunk))
          response.on('end', () => resolve((JSON.parse(body) as {result: unknown}).result))
        })
        .on('error', reject)
    })
  }
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0))

async function main() {
  // Measured as the lake runs by default (`_id` order, no test-mode shuffling), without rate limits.
  const lake = await spawnLake({shuffleUnordered: false, rateLimits: 'off'})
  const rows: Record<string, unknown>[] = []
  try {
    for (const size of SIZES) {
      const docs = generate(size)
      const dataset = `bench${size / 1000}k`
      const headers = {authorization: `Bearer ${lake.writeToken}`}
      const created = await fetch(`${lake.url}/v2025-02-19/projects/${lake.projectId}/datasets/${dataset}`, {
        method: 'PUT',
        headers,
      })
      if (!created.ok) throw new Error(`creating ${dataset}: ${created.status} ${await created.text()}`)
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
      const client = lake.client({dataset, perspective: 'published'})
      const plainFetch = plainHttp(lake, dataset)
      const exercises = docs.filter((d) => d['_type'] === 'exercise').length
      const slugAt = (i: number) => `exercise-${(i * 7919) % exercises}`

      for (const [name, query, params] of [
        ['slug lookup + deref', SLUG_QUERY, (i: number) => ({slug: slugAt(i)})],
        ['ordered page of 20', PAGE_QUERY, () => ({})],
      ] as const) {
        // The lake's answer must be plain groq-js's answer.
        const tree = parse(query)
        const plain = async (i: number) => (await evaluate(tree, {dataset: docs, params: params(i)})).get()
        const expected = JSON.stringify(await plain(1))
        const firstStart = performance.now()
        const got = JSON.stringify(await client.fetch(query, params(1)))
        const firstMs = performance.now() - firstStart
        if (got !== expected) throw new Error(`${name} at ${size}: the lake answered differently from groq-js\n${got}\n${expected}`)
        if (JSON.stringify(await plainFetch(query, params(1))) !== expected) throw new Error(`${name} at ${size}: plain HTTP differs`)
        await time(200, (i) => client.fetch(query, params(i))) // warm up (JIT, connections)
        await time(50, (i) => plainFetch(query, params(i)))
        const lakeSamples = await time(LAKE_RUNS, (i) => client.fetch(query, params(i)))
        const plainSamples = await time(LAKE_RUNS, (i) => plainFetch(query, params(i)))
        const groqSamples = await time(GROQ_RUNS[size]!, plain)
        const lakeP50 = percentile(lakeSamples, 50)
        const groqP50 = percentile(groqSamples, 50)
        rows.push({
          query: name,
          documents: size,
          'lake first ms': fmt(firstMs),
          'lake p50 ms': fmt(lakeP50),
          'lake p99 ms': fmt(percentile(lakeSamples, 99)),
          'plain HTTP p50 ms': fmt(percentile(plainSamples, 50)),
          'plain HTTP p99 ms': fmt(percentile(plainSamples, 99)),
          'groq-js p50 ms': fmt(groqP50),
          'groq-js p99 ms': fmt(percentile(groqSamples, 99)),
          'speed-up (p50)': `${Math.round(groqP50 / lakeP50)}x`,
        })
        console.log(`${name} at ${size}: lake p50 ${fmt(lakeP50)} ms, groq-js p50 ${fmt(groqP50)} ms`)
      }
    }
  } finally {
    await lake.stop()
  }
  console.log('\nLake over HTTP (lake = @sanity/client; plain HTTP = node:http keep-alive GET; published perspective)')
  console.log('vs plain groq-js evaluating the same query in process. Speed-up = groq-js p50 / lake (@sanity/client) p50.')
  console.table(rows)
  const groqRuns = SIZES.map((size) => `${GROQ_RUNS[size]} at ${size}`).join(', ')
  console.log(`Samples: lake ${LAKE_RUNS} per row after a warm-up; groq-js ${groqRuns}.`)
  console.log('"lake first ms": the first query after import (builds the sorted index an ordered page uses).')
  console.log('Targets: point lookups >= 100x at 100k and p50 < 2 ms over HTTP; ordered pages >= 20x.')
}

await main()
