// The same port speaks TLS with HTTP/2 (browsers, the Studio): many listen streams and queries
// share one connection. The certificate is made at first start in the data dir.
import * as fs from 'node:fs'
import * as http2 from 'node:http2'
import * as https from 'node:https'
import * as path from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

let lake: SpawnedLake
let ca: string

beforeAll(async () => {
  lake = await spawnLake()
  lake.allowOrigin('https://localhost:3333')
  ca = fs.readFileSync(path.join(lake.dataDir, 'tls/cert.pem'), 'utf8')
})
afterAll(async () => {
  await lake?.stop()
})

function request(session: http2.ClientHttp2Session, p: string, headers: Record<string, string> = {}) {
  return new Promise<{status: number; headers: http2.IncomingHttpHeaders; body: string}>((resolve, reject) => {
    const stream = session.request({':path': p, authorization: `Bearer ${lake.writeToken}`, ...headers})
    let status = 0
    let resHeaders: http2.IncomingHttpHeaders = {}
    let body = ''
    stream.on('response', (h) => {
      status = Number(h[':status'])
      resHeaders = h
    })
    stream.setEncoding('utf8')
    stream.on('data', (c: string) => (body += c))
    stream.on('end', () => resolve({status, headers: resHeaders, body}))
    stream.on('error', reject)
    stream.end()
  })
}

it('holds 10 listen streams and still answers queries on one HTTP/2 connection', async () => {
  const session = http2.connect(`https://localhost:${lake.port}`, {ca})
  const streams = Array.from({length: 10}, (_, i) => {
    const q = encodeURIComponent(`*[_type == "h2"]`)
    const stream = session.request({
      ':path': `/v2025-02-19/data/listen/production?query=${q}&tag=s${i}`,
      authorization: `Bearer ${lake.writeToken}`,
    })
    let text = ''
    let headers: http2.IncomingHttpHeaders = {}
    stream.setEncoding('utf8')
    stream.on('response', (h) => (headers = h))
    stream.on('data', (c: string) => (text += c))
    return {stream, text: () => text, headers: () => headers}
  })
  await waitUntil(() => streams.every((s) => s.text().includes('event: welcome')))
  for (const s of streams) {
    expect(s.headers()[':status']).toBe(200)
    expect(s.headers()['content-type']).toContain('text/event-stream')
    expect(s.headers()).not.toHaveProperty('connection')
  }
  const query = await request(session, `/v2025-02-19/data/query/production?query=${encodeURIComponent('count(*)')}`)
  expect(query.status).toBe(200)
  expect(JSON.parse(query.body).result).toEqual(expect.any(Number))
  await lake.client().create({_id: 'h2-doc', _type: 'h2'})
  await waitUntil(() => streams.every((s) => s.text().includes('"documentId":"h2-doc"')))
  for (const s of streams) s.stream.close()
  session.close()
})

it('resolves the project from the HTTP/2 authority and answers CORS preflights', async () => {
  const session = http2.connect(`https://localhost:${lake.port}`, {ca})
  const ok = await request(session, '/v2025-02-19/data/query/production?query=1', {
    ':authority': `${lake.projectId}.localhost:${lake.port}`,
  })
  expect(ok.status).toBe(200)
  const wrong = await request(session, '/v2025-02-19/data/query/production?query=1', {':authority': `other.localhost:${lake.port}`})
  expect(wrong.status).toBe(404)
  const preflight = await request(session, '/v2025-02-19/data/actions/production', {
    ':method': 'OPTIONS',
    origin: 'https://localhost:3333',
    'access-control-request-headers': 'content-type',
  })
  expect(preflight.status).toBe(204)
  expect(preflight.headers['access-control-allow-origin']).toBe('https://localhost:3333')
  expect(preflight.headers['access-control-allow-credentials']).toBe('true')
  session.close()
})

it('serves HTTP/1.1 over TLS too (clients without HTTP/2)', async () => {
  const body = await new Promise<string>((resolve, reject) => {
    https
      .get(`https://127.0.0.1:${lake.port}/v1/data/query/production?query=1`, {ca, servername: 'localhost'}, (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve(text))
      })
      .on('error', reject)
  })
  expect(JSON.parse(body).result).toBe(1)
})

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('Timed out waiting for the condition')
    await new Promise((r) => setTimeout(r, 20))
  }
}
