// Club site benchmark: p50 latency and throughput of an article page and an exercise page at 8
// concurrent readers, for the Next.js site (its production build; published pages served from its
// cache) and, in the same run against the same seeded lake, for the node:http site it replaced
// (every request rendered and read from the lake); and the CPU time each request costs the site
// and the lake, which a busy machine does not skew the way it skews throughput; and a bare node:http server answering
// the same bytes, the least any server can cost here. Each is measured after a warm-up (a server's steady state).
// Then the browser JavaScript each public route
// loads, from the build's own records, and how much of it is SDK code.
// Run with `npm run bench` from the root; not part of `npm test`.
//
// OLD_CLUB_SITE=/path/to/a/checkout adds the old site from that checkout (see bench/README.md), twice:
// on the same lake as the Next.js site, and on the lake of its own checkout (the old system as it was):
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
/**
 * Before each measurement the readers run against the page this long (or this many requests): a
 * server's steady state. V8 optimises next-server's request path only after thousands of requests;
 * after 40 a cached page cost about 1.1 ms of CPU, after 8,000 about 0.65 ms (bench/README.md).
 */
const WARMUP_REQUESTS = 6000
const WARMUP_SECONDS = 6

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
  /** CPU time of the serving processes (the site, and the lake it reads) per request, ms. */
  cpuPerRequest: number | undefined
}

/** The process listening on a local TCP port (Linux /proc): its socket's inode, then whose fd it is. */
function listeningPid(port: number): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0')
  const inodes = new Set<string>()
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/)
      if (cols[1]?.endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]!)
    }
  }
  for (const pid of fs.existsSync('/proc') ? fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)) : []) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`)
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? '')) return Number(pid)
      }
    } catch {
      // a process that exited or is not ours to read
    }
  }
  return undefined
}

/** User + system CPU seconds of a process, all its threads (clock ticks of 1/100 s, Linux's USER_HZ). */
function cpuSeconds(pid: number): number {
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** CONCURRENCY readers requesting `url` back to back until MAX_REQUESTS or MAX_SECONDS; `servers`: the pids whose CPU it costs. */
async function load(url: string, servers: Array<number | undefined>): Promise<Result> {
  await readers(url, WARMUP_REQUESTS, WARMUP_SECONDS)
  const pids = servers.every((pid) => pid !== undefined) ? (servers as number[]) : undefined
  const cpuBefore = pids?.map(cpuSeconds)
  const start = performance.now()
  const latencies = await readers(url, MAX_REQUESTS, MAX_SECONDS)
  const seconds = (performance.now() - start) / 1000
  const cpu = pids ? pids.reduce((sum, pid, i) => sum + cpuSeconds(pid) - cpuBefore![i]!, 0) : undefined
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    cpuPerRequest: cpu === undefined ? undefined : (cpu * 1000) / latencies.length,
  }
}

/** CONCURRENCY readers requesting `url` back to back until `requests` or `seconds`; each request's latency, ms. */
async function readers(url: string, requests: number, seconds: number): Promise<number[]> {
  const latencies: number[] = []
  const start = performance.now()
  const deadline = start + seconds * 1000
  let issued = 0
  await Promise.all(
    Array.from({length: CONCURRENCY}, async () => {
      while (issued < requests && performance.now() < deadline) {
        issued++
        const t = performance.now()
        const {status} = await get(url)
        if (status !== 200) throw new Error(`${url}: ${status}`)
        latencies.push(performance.now() - t)
      }
    }),
  )
  return latencies
}

/** The page's bytes and content type, as a reader gets them. */
function page(url: string): Promise<{body: Buffer; type: string}> {
  return new Promise((resolve, reject) => {
    http
      .get(url, {agent}, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({body: Buffer.concat(chunks), type: String(res.headers['content-type'])}))
      })
      .on('error', reject)
  })
}

/**
 * A bare node:http server in its own process answering every request with the same bytes: what
 * serving that page costs at the least on this machine, with these readers.
 */
async function startBareServer(body: Buffer, type: string): Promise<{url: string; child: ChildProcess}> {
  const source = `
    const body = require('node:fs').readFileSync(0)
    require('node:http').createServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(200, {'content-type': process.env.TYPE, 'content-length': body.length}).end(body))
    }).listen(0, '127.0.0.1', function () { console.log(this.address().port) })`
  const child = spawn(process.execPath, ['-e', source], {env: {...process.env, TYPE: type}, stdio: ['pipe', 'pipe', 'inherit']})
  child.stdin.end(body)
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())))
  return {url: `http://127.0.0.1:${port}`, child}
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
  `${r.perSecond.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ` +
  `CPU ${r.cpuPerRequest?.toFixed(2) ?? 'n/a'} ms/request (${r.requests} requests)`

const lake = await spawnLake({seed: path.join(root, 'seed', 'spotter.ndjson'), rateLimits: 'off'})
const build = await ensureSiteBuild({log: (line) => console.log(line)})
const port = await freePort()
const site = await serveSite(build, {port, env: {SPOTTER_LAKE_URL: lake.url, SPOTTER_SITE_URL: `http://localhost:${port}`}})
const oldCheckout = process.env.OLD_CLUB_SITE
const old = oldCheckout ? await startOldSite(oldCheckout, lake.url) : undefined
// The old system as it was: the old site on the lake of the same checkout (with that checkout's seed).
const oldLake = oldCheckout
  ? await ((await import(path.join(oldCheckout, 'lake', 'src', 'testing.ts'))) as typeof import('@spotter/lake/testing')).spawnLake({
      seed: path.join(oldCheckout, 'seed', 'spotter.ndjson'),
      rateLimits: 'off',
    })
  : undefined
const oldOnOldLake = oldCheckout && oldLake ? await startOldSite(oldCheckout, oldLake.url) : undefined
// CPU is counted for the site and the lake together: the old site reads the lake on every request.
const lakePid = listeningPid(lake.port)
const sitePid = listeningPid(site.port)
const oldPid = old ? listeningPid(Number(new URL(old.url).port)) : undefined
const oldLakePid = oldLake ? listeningPid(oldLake.port) : undefined
const oldOnOldLakePid = oldOnOldLake ? listeningPid(Number(new URL(oldOnOldLake.url).port)) : undefined

try {
  console.log(`Club site pages, ${CONCURRENCY} concurrent readers, at most ${MAX_REQUESTS} requests or ${MAX_SECONDS} s each`)
  for (const [name, pagePath] of Object.entries(PAGES)) {
    const next = await load(site.url + pagePath, [sitePid, lakePid])
    const cache = (await get(site.url + pagePath)).cache
    const {body, type} = await page(site.url + pagePath)
    const bare = await startBareServer(body, type)
    const floor = await load(bare.url, [bare.child.pid]).finally(() => bare.child.kill())
    console.log(`  ${name} (${pagePath}, ${(body.length / 1024).toFixed(0)} kB)`)
    console.log(`    Next.js site, published page from its cache (x-nextjs-cache: ${cache}): ${fmt(next)}`)
    console.log(`    bare node:http server answering the same bytes:           ${fmt(floor)}`)
    console.log(`    ratio: Next.js serves ${((100 * next.perSecond) / floor.perSecond).toFixed(0)}% of the bare server's throughput`)
    if (old) {
      const before = await load(old.url + pagePath, [oldPid, lakePid])
      console.log(`    old node:http site, rendered per request:                 ${fmt(before)}`)
      console.log(
        `    ratio: ${(next.perSecond / before.perSecond).toFixed(1)}x the throughput (Next.js/old req/s), p50 ${(before.p50 / next.p50).toFixed(1)}x lower (old/Next.js p50)`,
      )
      console.log(
        `    10x the old site would be ${(10 * before.perSecond).toFixed(0)} req/s: ${((1000 * before.perSecond) / floor.perSecond).toFixed(0)}% of what the bare server answers`,
      )
      if (next.cpuPerRequest && before.cpuPerRequest)
        console.log(
          `    ratio: ${(before.cpuPerRequest / next.cpuPerRequest).toFixed(1)}x less CPU per request (old/Next.js ms of site + lake CPU): the throughput ratio on a machine with the cores to spare`,
        )
    }
    if (oldOnOldLake) {
      const before = await load(oldOnOldLake.url + pagePath, [oldOnOldLakePid, oldLakePid])
      console.log(`    old node:http site on the lake of its own checkout:       ${fmt(before)}`)
      console.log(`    ratio: ${(next.perSecond / before.perSecond).toFixed(1)}x the throughput (Next.js/old system req/s)`)
      if (next.cpuPerRequest && before.cpuPerRequest)
        console.log(`    ratio: ${(before.cpuPerRequest / next.cpuPerRequest).toFixed(1)}x less CPU per request (old system/Next.js)`)
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
  oldOnOldLake?.child.kill('SIGTERM')
  await oldLake?.stop()
  await site.close()
  await lake.stop()
  agent.destroy()
}
