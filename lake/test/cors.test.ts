// CORS as hosted, against a spawned lake: only origins on the config's allow-list get a grant
// (credentials only where allowed), preflights from others are refused, and the list is managed
// with `npm run lake -- cors add|list|remove`, also while the lake runs. The presence socket and
// the sign-in page follow the same list. Requests carry an Origin header, as a browser's do;
// they go through fetch, since CORS lives in response headers @sanity/client does not show.
import {execFile} from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {WebSocket as WsClient} from 'ws'
import {configPath} from '../src/config.ts'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const run = promisify(execFile)

let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake()
})
afterAll(async () => {
  await lake?.stop()
})

/**
 * The CORS headers the lake answers a browser's request from `origin` with. Plain fetch: the
 * client does not show response headers. The lake answers either way; only a browser withholds
 * an ungranted response from the page.
 */
async function grant(origin: string): Promise<{origin: string | null; credentials: string | null; vary: string | null}> {
  const res = await fetch(`${lake.url}/v2025-02-19/data/query/production?query=1`, {headers: {origin}})
  expect((await res.json()).result).toBe(1)
  return {
    origin: res.headers.get('access-control-allow-origin'),
    credentials: res.headers.get('access-control-allow-credentials'),
    vary: res.headers.get('vary'),
  }
}

function preflight(origin: string, pathname = '/data/mutate/production'): Promise<Response> {
  return fetch(`${lake.url}/v2025-02-19${pathname}`, {
    method: 'OPTIONS',
    headers: {origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type'},
  })
}

function cli(...args: string[]): Promise<{stdout: string; stderr: string; code: number}> {
  return run(path.join(ROOT, 'node_modules/.bin/node'), [path.join(ROOT, 'lake/src/cli.ts'), ...args], {cwd: ROOT}).then(
    ({stdout, stderr}) => ({stdout, stderr, code: 0}),
    (err: {stdout: string; stderr: string; code: number}) => ({stdout: err.stdout, stderr: err.stderr, code: err.code}),
  )
}

describe('the allow-list', () => {
  it('a new config allows what a new hosted project does: http://localhost:3333 with credentials', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-lake-cors-'))
    try {
      const listed = await cli('cors', 'list', '--data-dir', dataDir)
      expect(listed.stdout.trim().split('\n')).toEqual(['http://localhost:3333  (credentials allowed)'])
      expect(JSON.parse(fs.readFileSync(configPath(dataDir), 'utf8')).cors).toEqual([
        {origin: 'http://localhost:3333', allowCredentials: true},
      ])
    } finally {
      fs.rmSync(dataDir, {recursive: true, force: true})
    }
    expect(await grant('http://localhost:3333')).toEqual({origin: 'http://localhost:3333', credentials: 'true', vary: 'Origin'})
  })

  it('an allowed origin gets its preflight answered; any other gets no CORS grant and its preflight refused', async () => {
    const pre = await preflight('http://localhost:3333')
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:3333')
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true')
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization,content-type')
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST')
    for (const origin of ['https://evil.example', 'http://localhost:3334', 'https://localhost:3333', 'null']) {
      expect(await grant(origin)).toEqual({origin: null, credentials: null, vary: 'Origin'})
      const refused = await preflight(origin)
      expect(refused.status).toBe(403)
      expect(refused.headers.get('access-control-allow-origin')).toBeNull()
      expect(refused.headers.get('access-control-allow-methods')).toBeNull()
      expect((await refused.json()).error.description).toContain('cors add')
    }
  })

  it('cors add/list/remove change a running lake: with credentials, without, wildcards', async () => {
    const dir = ['--data-dir', lake.dataDir]
    expect(await grant('http://localhost:4000')).toMatchObject({origin: null})

    const added = await cli('cors', 'add', 'http://localhost:4000/', '--credentials', ...dir)
    expect(added.code).toBe(0)
    expect(added.stdout).toContain('Normalized origin to http://localhost:4000')
    expect(await grant('http://localhost:4000')).toMatchObject({origin: 'http://localhost:4000', credentials: 'true'})

    expect((await cli('cors', 'add', 'https://site.example', ...dir)).code).toBe(0)
    expect(await grant('https://site.example')).toMatchObject({origin: 'https://site.example', credentials: null})
    expect((await preflight('https://site.example')).headers.get('access-control-allow-credentials')).toBeNull()

    expect((await cli('cors', 'add', 'https://*.club.example', ...dir)).code).toBe(0)
    expect(await grant('https://north.club.example')).toMatchObject({origin: 'https://north.club.example'})
    expect(await grant('https://club.example')).toMatchObject({origin: null})

    const listed = await cli('cors', 'list', ...dir)
    expect(listed.stdout.trim().split('\n')).toEqual([
      'http://localhost:3333  (credentials allowed)',
      'http://localhost:4000  (credentials allowed)',
      'https://site.example',
      'https://*.club.example',
    ])

    // Adding an origin again replaces its credentials setting.
    expect((await cli('cors', 'add', 'http://localhost:4000', ...dir)).stdout).toContain(
      'Updated http://localhost:4000 (credentials not allowed)',
    )
    expect(await grant('http://localhost:4000')).toMatchObject({origin: 'http://localhost:4000', credentials: null})

    for (const origin of ['http://localhost:4000', 'https://site.example', 'https://*.club.example'])
      expect((await cli('cors', 'remove', origin, ...dir)).code).toBe(0)
    expect(await grant('http://localhost:4000')).toMatchObject({origin: null})
    expect(await grant('https://north.club.example')).toMatchObject({origin: null})
    // The config keeps its tokens: the lake still knows its write token.
    expect(await lake.client().fetch('count(*[_type == "none"])')).toBe(0)
  })

  it('cors commands refuse what is no origin and origins not on the list, naming them', async () => {
    const dir = ['--data-dir', lake.dataDir]
    const bad = await cli('cors', 'add', 'http://localhost:4000/studio', ...dir)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('"http://localhost:4000/studio" has more than an origin')
    const ftp = await cli('cors', 'add', 'ftp://files.example', ...dir)
    expect(ftp.stderr).toContain('protocol must be http or https')
    const missing = await cli('cors', 'remove', 'https://never.example', ...dir)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('https://never.example is not an allowed CORS origin')
    expect((await cli('cors', 'add', ...dir)).stderr).toContain('needs an origin')
  })

  it('/check/cors tells any origin whether it is allowed, as the Studio asks after a failed request', async () => {
    const check = async (origin: string) => {
      const res = await fetch(`${lake.url}/v2025-02-19/check/cors`, {headers: {origin}})
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      return (await res.json()).result
    }
    expect(await check('http://localhost:3333')).toEqual({allowed: true, withCredentials: true})
    expect(await check('https://evil.example')).toEqual({allowed: false, withCredentials: false})
    lake.allowOrigin('https://plain.example', false)
    expect(await check('https://plain.example')).toEqual({allowed: true, withCredentials: false})
  })
})

describe('the presence socket and the sign-in page follow the list', () => {
  const open = (origin: string) =>
    new Promise<number | 'open'>((resolve) => {
      const socket = new WsClient(`ws://127.0.0.1:${lake.port}/v2022-06-30/socket/production`, {origin})
      socket.once('open', () => {
        socket.close()
        resolve('open')
      })
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      socket.once('error', () => {})
    })

  it('a socket opens only from an origin allowed with credentials', async () => {
    expect(await open('http://localhost:3333')).toBe('open')
    expect(await open('https://evil.example')).toBe(403)
    lake.allowOrigin('https://nocreds.example', false)
    expect(await open('https://nocreds.example')).toBe(403)
    lake.allowOrigin('https://studio.example', true)
    expect(await open('https://studio.example')).toBe('open')
  })

  it('the sign-in page hands a token only to an origin allowed with credentials', async () => {
    const login = (origin: string) =>
      fetch(`${lake.url}/auth/login`, {
        method: 'POST',
        headers: {'content-type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({origin, token: lake.writeToken}).toString(),
        redirect: 'manual',
      })
    lake.allowOrigin('https://studio.example', true)
    const ok = await login('https://studio.example/desk')
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe(`https://studio.example/desk#token=${lake.writeToken}`)
    lake.allowOrigin('https://nocreds.example', false)
    for (const origin of ['https://nocreds.example/', 'http://localhost:5555/']) {
      const refused = await login(origin)
      expect(refused.status).toBe(400)
      expect(refused.headers.get('location')).toBeNull()
      expect((await refused.json()).error.description).toContain('cors add')
    }
  })
})
