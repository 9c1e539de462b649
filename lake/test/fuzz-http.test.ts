// A bounded, seeded fuzz of the HTTP API against a spawned lake on 127.0.0.1: random and mutated
// mutations, actions, queries, parameters, headers, paths and methods, a few at a time. The lake
// must never answer 5xx, never stall a request, never crash, and change no document unless a
// request that changed it was acknowledged (checked with an export before and after and the
// history of every document that differs).
// The seed is printed; rerun one with LAKE_FUZZ_SEED=<seed> (LAKE_FUZZ_REQUESTS=<n> for more).
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

const SEED = Number(process.env.LAKE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const REQUESTS = Number(process.env.LAKE_FUZZ_REQUESTS ?? 400)
const TIME_BUDGET_MS = 45_000
const PARALLEL = 4
/** A request not answered in this long counts as a stall (queries have a 1.5 s limit here). */
const STALL_MS = 15_000

/** mulberry32: small, fast, and the same sequence for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  const chance = (p: number) => next() < p
  return {next, int, pick, chance}
}
type Random = ReturnType<typeof prng>

const IDS = [
  'ex-squat',
  'ex-lunge',
  'drafts.ex-squat',
  'muscle-quads',
  'versions.r1.ex-lunge',
  'fuzz-new',
  'a.b.c',
  'x'.repeat(300),
  '',
  ' ',
  'é',
  '*',
  '../etc',
]
const TYPES = ['exercise', 'muscle', 'test', '', 'sanity.imageAsset', '_x']
const ODD_STRINGS = [
  '',
  ' ',
  '%',
  '%zz',
  '%00',
  '\u0000',
  '\ud800',
  '𝄞',
  '"',
  "'",
  '\\',
  '$',
  '*',
  '->',
  '[',
  ']',
  '{',
  '}',
  '..',
  '/',
  '?',
  '#',
  'null',
  'true',
  '-1',
  '1e309',
]
const QUERIES = [
  '*',
  '*[_type == "exercise"]',
  '*[_type == $type]{_id, title}',
  'count(*)',
  '*[_id == $id][0]',
  '*[references($id)]',
  '*[_type == "exercise"] | order(title asc)[0...3]{..., "m": muscle->}',
  '*[_id in $ids]._id',
  'array::unique(*[]._type)',
  'string::split("a,b", ",")',
  '*[title match $q]',
  'coalesce($x, 1) + 1',
  '*[_type == "exercise" && defined(muscle)]{"n": count(*[references(^._id)])}',
  'sanity::projectId()',
  'dateTime(now()) > dateTime("2020-01-01T00:00:00Z")',
  'geo::distance(null, null)',
  '*[',
  '*[_type ==]',
  '$',
  '{"a": 1}.a',
  '1 / 0',
]

function randomJson(r: Random, depth = 0): unknown {
  const kind = r.int(depth > 4 ? 5 : 8)
  switch (kind) {
    case 0:
      return null
    case 1:
      return r.chance(0.5)
    case 2:
      return r.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, 42])
    case 3:
      return r.pick(ODD_STRINGS)
    case 4:
      return r.chance(0.1) ? 'y'.repeat(r.int(50_000)) : r.pick([...IDS, ...TYPES])
    case 5:
      return Array.from({length: r.int(4)}, () => randomJson(r, depth + 1))
    case 6: {
      const out: Record<string, unknown> = {}
      for (let i = r.int(4); i > 0; i--)
        out[r.pick(['_id', '_type', '_ref', '_key', '_rev', 'title', 'set', 'patch', 'create', r.pick(ODD_STRINGS)])] = randomJson(
          r,
          depth + 1,
        )
      return out
    }
    default: {
      // Deep nesting, sometimes past what a thread can copy.
      let value: unknown = 'leaf'
      for (let i = r.pick([10, 50, 300, 2_000, 5_000]); i > 0; i--) value = r.chance(0.5) ? [value] : {a: value}
      return value
    }
  }
}

/** JSON text; where JSON.stringify runs out of stack on a generated depth, deep arrays written directly. */
function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null'
  } catch {
    return `${'['.repeat(5_000)}${']'.repeat(5_000)}`
  }
}

/** Replaces, drops or retypes one random spot in a JSON value (without recursion limits on depth). */
function mutate(r: Random, value: unknown, budget = 3): unknown {
  if (budget === 0 || value === null || typeof value !== 'object') return r.chance(0.3) ? randomJson(r) : value
  if (Array.isArray(value)) {
    const copy = [...value]
    if (copy.length > 0 && r.chance(0.2)) copy.splice(r.int(copy.length), 1)
    else if (copy.length > 0) copy[r.int(copy.length)] = mutate(r, copy[r.int(copy.length)], budget - 1)
    else copy.push(randomJson(r))
    return copy
  }
  const copy: Record<string, unknown> = {...(value as Record<string, unknown>)}
  const keys = Object.keys(copy)
  if (keys.length > 0 && r.chance(0.2)) delete copy[r.pick(keys)]
  else if (keys.length > 0) {
    const key = r.pick(keys)
    copy[key] = mutate(r, copy[key], budget - 1)
  } else copy[r.pick(['_id', '_type', 'x'])] = randomJson(r)
  return copy
}

function mutationSample(r: Random): unknown {
  const id = r.pick(IDS)
  return r.pick([
    {create: {_id: id, _type: r.pick(TYPES), title: randomJson(r)}},
    {createOrReplace: {_id: id, _type: 'exercise', title: 'replaced', muscle: {_type: 'reference', _ref: r.pick(IDS)}}},
    {createIfNotExists: {_id: id, _type: 'test'}},
    {delete: {id}},
    {delete: {query: r.pick(QUERIES), params: {type: 'test', id}}},
    {patch: {id, set: {title: randomJson(r)}, ifRevisionID: r.chance(0.3) ? 'nope' : undefined}},
    {patch: {id, inc: {n: randomJson(r)}, unset: [r.pick(['title', 'n', '_id', '_type', 'a[0]', '['])]}},
    {patch: {id, insert: {after: r.pick(['items[-1]', 'items[0]', 'x', '']), items: [randomJson(r)]}}},
    {patch: {id, diffMatchPatch: {title: r.pick(['@@ -1 +1 @@\n-a\n+b\n', 'garbage', ''])}}},
    {patch: {query: r.pick(QUERIES), set: {touched: true}}},
  ])
}

function actionSample(r: Random): unknown {
  const id = r.pick(IDS)
  return r.pick([
    {
      actionType: 'sanity.action.document.create',
      publishedId: id,
      attributes: {_id: `drafts.${id}`, _type: r.pick(TYPES)},
      ifExists: r.pick(['fail', 'ignore']),
    },
    {actionType: 'sanity.action.document.edit', draftId: `drafts.${id}`, publishedId: id, patch: {set: {title: randomJson(r)}}},
    {actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id},
    {actionType: 'sanity.action.document.unpublish', draftId: `drafts.${id}`, publishedId: id},
    {actionType: 'sanity.action.document.delete', publishedId: id, includeDrafts: [`drafts.${id}`]},
    {actionType: 'sanity.action.document.discard', draftId: `drafts.${id}`},
    {actionType: r.pick(['sanity.action.document.nope', '', 'create'])},
  ])
}

interface FuzzRequest {
  method: string
  url: string
  headers: Record<string, string>
  body?: string | Uint8Array<ArrayBuffer>
}

const DATASETS = [...Array<string>(8).fill('production'), 'fuzz', 'fuzz', 'missing', '%zz', 'UPPER', '']
const VERSIONS = [...Array<string>(6).fill('/v2025-02-19'), '/v1', '/vX', '/v2021-06-07', '', '/v9999-99-99', '/vfoo']

/** Percent-encoded; a lone surrogate becomes the bytes of one (invalid UTF-8, as a fuzzer should send). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return '%ED%A0%80'
  }
}

function pathSample(r: Random, projectId: string): {path: string; route: string} {
  const ds = r.pick(DATASETS)
  const id = encode(r.pick(IDS))
  const route = r.pick([
    'query',
    'query',
    'query',
    'mutate',
    'mutate',
    'mutate',
    'actions',
    'actions',
    'doc',
    'listen',
    'history-doc',
    'history-tx',
    'history-events',
    'import',
    'export',
    'assets',
    'files',
    'datasets',
    'project',
    'users',
    'ping',
    'login',
    'references',
    'junk',
  ])
  const paths: Record<string, string> = {
    query: `/data/query/${ds}`,
    mutate: `/data/mutate/${ds}`,
    actions: `/data/actions/${ds}`,
    doc: `/data/doc/${ds}/${id},${encode(r.pick(IDS))}`,
    listen: `/data/listen/${ds}`,
    'history-doc': `/data/history/${ds}/documents/${id}`,
    'history-tx': `/data/history/${ds}/transactions/${id}`,
    'history-events': `/data/history/${ds}/events/documents/${id}`,
    import: `/data/import/${ds}`,
    export: `/data/export/${ds}`,
    assets: `/assets/${r.pick(['images', 'files', 'other'])}/${ds}`,
    files: `/${r.pick(['images', 'files'])}/${r.pick([projectId, 'other'])}/${ds}/${r.pick(['abc-1x1.png', 'x', '%zz', '..%2F..%2Fetc'])}`,
    datasets: r.chance(0.5) ? `/projects/${r.pick([projectId, 'other'])}/datasets/${r.pick(['fuzz', 'fuzz2', 'BAD', '-x'])}` : '/datasets',
    project: `/projects/${r.pick([projectId, 'other', '%zz'])}`,
    users: `/users/${r.pick(['me', 'test-write', 'a,b', '%zz'])}`,
    ping: '/ping',
    login: r.pick(['/auth/login', '/auth/logout']),
    references: `/data/references/${ds}/documents/${id}/to`,
    junk: `/${r.pick(ODD_STRINGS.map(encode))}/${r.pick(['data', '', '//', '%2e%2e'])}`,
  }
  const prefix = route === 'files' ? '' : r.pick(VERSIONS)
  return {path: `${prefix}${paths[route]}`, route}
}

function requestSample(r: Random, lake: SpawnedLake): FuzzRequest {
  const {path, route} = pathSample(r, lake.projectId)
  const search = new URLSearchParams()
  const headers: Record<string, string> = {}
  const auth = r.pick(['write', 'write', 'read', 'none', 'none', 'bad', 'param', 'malformed'])
  if (auth === 'write') headers.authorization = `Bearer ${lake.writeToken}`
  if (auth === 'read') headers.authorization = `Bearer ${lake.readToken}`
  if (auth === 'bad') headers.authorization = 'Bearer skwrong-token-value'
  if (auth === 'malformed') headers.authorization = r.pick(['Basic abc', 'Bearer', 'bearer  ', 'x'])
  if (auth === 'param') search.set('token', r.chance(0.8) ? lake.writeToken : '')
  if (r.chance(0.2)) headers['x-sanity-project-id'] = r.pick([lake.projectId, 'other', ''])
  if (r.chance(0.2)) headers.origin = r.pick(['http://localhost:3333', 'null', 'https://evil.example'])
  if (r.chance(0.2))
    headers['content-type'] = r.pick(['application/json', 'text/plain', 'application/x-ndjson', 'multipart/form-data', 'image/png'])

  if (route === 'query' || route === 'listen' || r.chance(0.2)) {
    const query = r.chance(0.8) ? r.pick(QUERIES) : String(mutate(r, r.pick(QUERIES)))
    if (r.chance(0.9)) search.set('query', r.chance(0.2) ? query.slice(0, r.int(query.length)) : query)
    for (let i = r.int(3); i > 0; i--) {
      const name = r.pick(['type', 'id', 'ids', 'q', 'x', '', '-'])
      search.set(`$${name}`, r.chance(0.8) ? toJson(randomJson(r)).slice(0, 2_000) : r.pick(ODD_STRINGS))
    }
  }
  if (r.chance(0.3))
    search.set('perspective', r.pick(['published', 'drafts', 'previewDrafts', 'raw', 'nope', 'r1', 'published,drafts', '']))
  for (const flag of [
    'returnQuery',
    'returnIds',
    'returnDocuments',
    'dryRun',
    'autoGenerateArrayKeys',
    'includeResult',
    'reverse',
    'excludeContent',
    'verbatim',
  ]) {
    if (r.chance(0.08)) search.set(flag, r.pick(['true', 'false', '0', '', 'x']))
  }
  if (r.chance(0.1))
    search.set(
      r.pick(['visibility', 'limit', 'revision', 'effectFormat', 'filename', 'tag']),
      r.pick(['sync', 'async', '-1', '0', 'x', 'mendoza', '10']),
    )

  const method = r.chance(0.85)
    ? ((
        {
          query: r.pick(['GET', 'POST']),
          mutate: 'POST',
          actions: 'POST',
          import: 'POST',
          assets: 'POST',
          login: r.pick(['GET', 'POST']),
          datasets: r.pick(['GET', 'PUT', 'DELETE']),
        } as Record<string, string>
      )[route] ?? 'GET')
    : r.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND'])

  let body: string | Uint8Array<ArrayBuffer> | undefined
  if (method !== 'GET' && method !== 'HEAD') {
    let value: unknown
    if (route === 'mutate')
      value = {
        mutations: Array.from({length: 1 + r.int(3)}, () => mutationSample(r)),
        transactionId: r.chance(0.1) ? r.pick(IDS) : undefined,
      }
    else if (route === 'actions')
      value = {actions: Array.from({length: 1 + r.int(2)}, () => actionSample(r)), transactionId: r.chance(0.1) ? r.pick(IDS) : undefined}
    else if (route === 'query')
      value = {
        query: r.pick(QUERIES),
        params: {type: 'exercise', id: r.pick(IDS), ids: [r.pick(IDS)], q: 'squat*', x: randomJson(r)},
        perspective: r.pick(['raw', 'published', 7]),
      }
    else value = randomJson(r)
    if (r.chance(0.5)) value = mutate(r, value)
    if (route === 'import') body = [mutationSample(r), randomJson(r)].map(toJson).join('\n')
    else if (route === 'assets' || r.chance(0.05)) body = new Uint8Array(r.int(4_000)).map(() => r.int(256))
    // biome-ignore lint/suspicious/noDuplicateElseIf: every r.chance() draws a new number
    else if (r.chance(0.05)) body = toJson(value).slice(0, r.int(200))
    else if (r.chance(0.03)) body = toJson({query: 'count(*)', params: {pad: 'z'.repeat(r.pick([290_000, 350_000, 1_200_000]))}})
    else body = toJson(value)
  }
  const qs = search.toString()
  return {method, url: `${lake.url}${path}${qs ? `?${qs}` : ''}`, headers, body}
}

/** Every transactionId and _rev in a JSON answer: what a 2xx write acknowledged. */
function acknowledged(value: unknown, into: Set<string>): void {
  const stack = [value]
  while (stack.length > 0) {
    const item = stack.pop()
    if (item === null || typeof item !== 'object') continue
    for (const [key, child] of Object.entries(item)) {
      if ((key === 'transactionId' || key === '_rev') && typeof child === 'string') into.add(child)
      else stack.push(child)
    }
  }
}

async function exportDocuments(lake: SpawnedLake): Promise<Map<string, string>> {
  const response = await fetch(`${lake.url}/v1/data/export/production`, {headers: {authorization: `Bearer ${lake.readToken}`}})
  expect(response.status).toBe(200)
  const docs = new Map<string, string>()
  for (const line of (await response.text()).split('\n')) {
    if (line) docs.set((JSON.parse(line) as {_id: string})._id, line)
  }
  return docs
}

describe(`HTTP API fuzz (seed ${SEED})`, () => {
  let lake: SpawnedLake

  beforeAll(async () => {
    console.log(`[fuzz] seed ${SEED}, ${REQUESTS} requests (rerun with LAKE_FUZZ_SEED=${SEED})`)
    lake = await spawnLake({queryTimeoutMs: 1_500, datasets: ['production', 'fuzz'], args: ['--listen-filter-timeout-ms', '500']})
    const client = lake.client()
    await client
      .transaction()
      .create({_id: 'muscle-quads', _type: 'muscle', title: 'Quads'})
      .create({_id: 'ex-squat', _type: 'exercise', title: 'Squat', muscle: {_type: 'reference', _ref: 'muscle-quads'}})
      .create({_id: 'drafts.ex-squat', _type: 'exercise', title: 'Squat (draft)'})
      .create({_id: 'ex-lunge', _type: 'exercise', title: 'Lunge', items: [{_key: 'k1', n: 1}]})
      .commit()
  })
  afterAll(async () => {
    await lake?.stop()
  })

  it('never answers 5xx, never stalls, never crashes, and changes only what it acknowledged', {timeout: 120_000}, async () => {
    const before = await exportDocuments(lake)
    const r = prng(SEED)
    // Generated up front, in seed order, so a seed replays the same requests.
    const requests = Array.from({length: REQUESTS}, () => requestSample(r, lake))
    const acked = new Set<string>()
    const failures: string[] = []
    const statuses = new Map<number, number>()
    const deadline = performance.now() + TIME_BUDGET_MS
    let next = 0
    let sent = 0

    const describeRequest = (request: FuzzRequest) =>
      `${request.method} ${request.url.replace(lake.url, '')} ${JSON.stringify(request.headers)} ${typeof request.body === 'string' ? request.body.slice(0, 300) : request.body ? `<${request.body.length} bytes>` : ''}`

    const run = async () => {
      while (next < requests.length && performance.now() < deadline) {
        const request = requests[next++]!
        // Never delete the dataset the export compares.
        if (request.method === 'DELETE' && /\/datasets\/production\/?(\?|$)/.test(request.url)) continue
        sent++
        try {
          const response = await fetch(request.url, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            signal: AbortSignal.timeout(STALL_MS),
          })
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          if ((response.headers.get('content-type') ?? '').includes('event-stream')) {
            await response.body?.cancel()
            continue
          }
          const text = await response.text()
          if (response.status >= 500) failures.push(`${response.status} for ${describeRequest(request)}: ${text.slice(0, 300)}`)
          if (response.status < 300 && (response.headers.get('content-type') ?? '').includes('json')) {
            try {
              acknowledged(JSON.parse(text), acked)
            } catch {
              // Not JSON after all: nothing acknowledged.
            }
          }
        } catch (error) {
          failures.push(`no answer (${(error as Error).message}) for ${describeRequest(request)}`)
        }
      }
    }
    await Promise.all(Array.from({length: PARALLEL}, run))
    console.log(`[fuzz] seed ${SEED}: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`)

    expect(failures).toEqual([])
    expect((await fetch(`${lake.url}/v1/ping`)).status).toBe(200)

    // Every document that differs was last touched by an acknowledged transaction.
    const after = await exportDocuments(lake)
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id))
    const unacknowledged: string[] = []
    for (const id of changed) {
      const history = await fetch(
        `${lake.url}/v1/data/history/production/transactions/${encodeURIComponent(id)}?reverse=true&limit=1&excludeContent=true`,
        {
          headers: {authorization: `Bearer ${lake.readToken}`},
        },
      )
      const last = (JSON.parse((await history.text()).split('\n')[0] || '{}') as {id?: string}).id
      if (!last || !acked.has(last)) unacknowledged.push(`${id} (last transaction ${last})`)
    }
    expect(unacknowledged).toEqual([])
  })
})
