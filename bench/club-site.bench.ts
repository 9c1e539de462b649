// Club site benchmark: p50 latency and throughput of an article page and an exercise page at 8
// concurrent readers, for the Next.js site (its production build; published pages served from its
// cache) and, in the same run against the same seeded lake, for the node:http site it replaced
// (every request rendered and read from the lake). Then the browser JavaScript each public route
// loads, from the build's own records, and how much of it is SDK code.
// Run with `npm run bench` from the root; not part of `npm test`.
//
// OLD_CLUB_SITE=/path/to/a/checkout adds the old site from that checkout (see bench/README.md):
//   git worktree add --detach /tmp/old-site 9d59b5a && ln -s "$PWD/node_modules" /tmp/old-site/node_modules
//   OLD_CLUB_SITE=/tmp/old-site node_modules/.bin/node bench/club-site.bench.ts

import {spawn, type ChildProcess} from 'node:child_process'
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as path from 'node:path'
import * as zlib from 'node:zlib'
import {spawnLake} from '@spotter/lake/testing'
import {ensureSiteBuild, serveSite} from '../examples/club-site/build.ts'
import {freePort} from '../examples/club-site/test/support/site.ts'

const root = path.join(import.meta.dirname, '..')
const CONCURRENCY = 8
const PAGES = {article: '/articles/back-hyperextensions', exercise: '/exercises/reverse-hyperextension'}
/** Requests per measurement: bounded by time for the slow site, by count for the fast one. */
const MAX_REQUESTS = 4000
const MAX_SECONDS = 8
const WARMUP = 40

const agent = new http.Agent({keepAlive: true, maxSockets: CONCURRENCY})

function get(url: string): Promise<{status: number; cache: string | undefined}> {
  return new Promise((resolve, reject) => {
    http
      .get(url, {agent}, (res) => {
        res.resume()
        res.on('end', () => resolve({status: res.statusCode ?? 0, cache: res.headers['x-nextjs-cache'] as string | undefined}))
      })
      .on('error', reject)
  })
}

interface Result {
  requests: number
  perSecond: number
  p50: number
  p99: number
}

/** CONCURRENCY readers requesting `url` back to back until MAX_REQUESTS or MAX_SECONDS. */
async function load(url: string): Promise<Result> {
  for (let i = 0; i < WARMUP; i++) {
    const {status} = await get(url)
    if (status !== 200) throw new Error(`${url}: ${status}`)
  }
  const latencies: number[] = []
  const start = performance.now()
  const deadline = start + MAX_SECONDS * 1000
  let issued = 0
  await Promise.all(
    Array.from({length: CONCURRENCY}, async () => {
      while (issued < MAX_REQUESTS && performance.now() < deadline) {
        issued++
        const t = performance.now()
        const {status} = await get(url)
        if (status !== 200) throw new Error(`${url}: ${status}`)
        latencies.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!
  return {requests: latencies.length, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99)}
}

/** Starts the old node:http site from a checkout; resolves with its URL. */
function startOldSite(checkout: string, lakeUrl: string): Promise<{url: string; child: ChildProcess}> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, 'node_modules', '.bin', 'node'),
      ['--conditions=spotter-source', path.join(checkout, 'examples/club-site/src/cli.ts'), '--lake-url', lakeUrl, '--port', '0'],
      {cwd: checkout, stdio: ['ignore', 'pipe', 'pipe']},
    )
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = /listening on (\S+)/.exec(output)
      if (match) resolve({url: match[1]!, child})
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`the old site exited (${code}):\n${output}`)))
  })
}

const fmt = (r: Result) =>
  `${r.perSecond.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${r.requests} requests)`

const lake = await spawnLake({seed: path.join(root, 'seed', 'spotter.ndjson'), rateLimits: 'off'})
const build = await ensureSiteBuild({log: (line) => console.log(line)})
const port = await freePort()
const site = await serveSite(build, {port, env: {SPOTTER_LAKE_URL: lake.url, SPOTTER_SITE_URL: `http://localhost:${port}`}})
const oldCheckout = process.env.OLD_CLUB_SITE
const old = oldCheckout ? await startOldSite(oldCheckout, lake.url) : undefined

try {
  console.log(`Club site pages, ${CONCURRENCY} concurrent readers, at most ${MAX_REQUESTS} requests or ${MAX_SECONDS} s each`)
  for (const [name, pagePath] of Object.entries(PAGES)) {
    const next = await load(site.url + pagePath)
    const cache = (await get(site.url + pagePath)).cache
    console.log(`  ${name} (${pagePath})`)
    console.log(`    Next.js site, published page from its cache (x-nextjs-cache: ${cache}): ${fmt(next)}`)
    if (old) {
      const before = await load(old.url + pagePath)
      console.log(`    old node:http site, rendered per request:                 ${fmt(before)}`)
      console.log(
        `    ratio: ${(next.perSecond / before.perSecond).toFixed(1)}x the throughput (Next.js/old req/s), p50 ${(before.p50 / next.p50).toFixed(1)}x lower (old/Next.js p50)`,
      )
    }
  }
  if (!old) console.log('  (set OLD_CLUB_SITE to a checkout of the old site to compare: see bench/README.md)')

  // What a browser downloads: each route's first-load chunks (the build's route-bundle stats), and
  // the client modules it references (its client reference manifest): SDK code ships only as one of those.
  const stats = JSON.parse(fs.readFileSync(path.join(build.dir, 'diagnostics', 'route-bundle-stats.json'), 'utf8')) as Array<{
    route: string
    firstLoadChunkPaths: string[]
  }>
  console.log('Browser JavaScript per public route (first load: raw / gzip; SDK modules among its client modules)')
  for (const {route, firstLoadChunkPaths} of stats) {
    if (route.startsWith('/_') || route.startsWith('/api/') || /\.(xml|txt)$/.test(route) || route.includes('images')) continue
    let raw = 0
    let gzip = 0
    for (const chunk of firstLoadChunkPaths) {
      const bytes = fs.readFileSync(path.join(build.dir, 'static', 'chunks', path.basename(chunk)))
      raw += bytes.length
      gzip += zlib.gzipSync(bytes).length
    }
    const manifestFile = path.join(build.dir, 'server', 'app', route === '/' ? '' : route, 'page_client-reference-manifest.js')
    // `globalThis.__RSC_MANIFEST["/route/page"] = {...JSON...};`
    const manifest = /= (\{[\s\S]*\});?\s*$/.exec(fs.readFileSync(manifestFile, 'utf8'))?.[1]
    if (!manifest) throw new Error(`no client reference manifest for ${route} in ${manifestFile}`)
    const modules = Object.keys((JSON.parse(manifest) as {clientModules: Record<string, unknown>}).clientModules)
    const sdk = modules.filter((m) => m.includes('/sdk/') || m.includes('@spotter/sdk'))
    console.log(
      `  ${route.padEnd(18)} ${(raw / 1024).toFixed(1)} kB / ${(gzip / 1024).toFixed(1)} kB in ${firstLoadChunkPaths.length} chunks; ` +
        `client modules: ${modules.length} (${[...new Set(modules.map((m) => m.replace(/^\[project\]\/(node_modules\/)?/, '').split('/')[0]))].join(', ')}), SDK: ${sdk.length} (${sdk.length ? sdk.join(', ') : '0 kB'})`,
    )
  }
} finally {
  old?.child.kill('SIGTERM')
  await site.close()
  await lake.stop()
  agent.destroy()
}
