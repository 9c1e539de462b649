// The presence socket the Studio opens (`/v2022-06-30/socket/:dataset`), spoken as the Studio's
// bifur client does: JSON-RPC over a WebSocket, over plain HTTP (Node's WebSocket) and over TLS
// (the `ws` client trusting the lake's own certificate), against a spawned lake.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {WebSocket as WsClient} from 'ws'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

const WAIT_MS = 10_000
const HEARTBEAT_MS = 1000

interface RpcMessage {
  jsonrpc: '2.0'
  id?: string | number | null
  result?: unknown
  error?: {code: number; message: string}
  method?: string
  params?: {subscription: string; result: PresenceEvent}
}

interface PresenceEvent {
  type: 'state' | 'rollCall' | 'disconnect'
  i: string
  session?: string
  m?: {sessionId?: string; session?: string; locations?: unknown[]}
}

type AnySocket = WebSocket | WsClient

/** A test client with the bifur client's message shapes; keeps every message for assertions. */
class PresenceClient {
  readonly messages: RpcMessage[] = []
  heartbeats = 0
  closed = false
  private nextId = 0
  private readonly waiters = new Set<() => void>()
  readonly socket: AnySocket

  constructor(socket: AnySocket) {
    this.socket = socket
    socket.addEventListener('message', (event: {data: unknown}) => {
      const text = String(event.data)
      if (text === '♥') this.heartbeats++
      else this.messages.push(JSON.parse(text) as RpcMessage)
      this.notify()
    })
    socket.addEventListener('close', () => {
      this.closed = true
      this.notify()
    })
  }

  private notify(): void {
    for (const waiter of this.waiters) waiter()
  }

  /** Resolves with the value once `check` returns one (checked now and on every message). */
  until<T>(check: () => T | undefined, what: string, timeoutMs = WAIT_MS): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check()
        if (value === undefined) return
        done()
        resolve(value)
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`Timed out waiting for ${what}; got ${JSON.stringify(this.messages)}`))
      }, timeoutMs)
      const done = () => {
        clearTimeout(timer)
        this.waiters.delete(attempt)
      }
      this.waiters.add(attempt)
      attempt()
    })
  }

  send(text: string | Buffer): void {
    this.socket.send(text)
  }

  async call(method: string, params: Record<string, unknown> = {}): Promise<RpcMessage> {
    const id = `r${this.nextId++}`
    this.send(JSON.stringify({jsonrpc: '2.0', method, params: {...params, apiVersion: 'v1'}, id}))
    return this.until(() => this.messages.find((m) => m.id === id), `the answer to ${method}`)
  }

  async authorize(token: string): Promise<void> {
    expect((await this.call('authorization', {authorization: `Bearer ${token}`})).result).toBe(true)
  }

  async subscribe(): Promise<string> {
    const answer = await this.call('presence_subscribe')
    expect(answer.result).toEqual(expect.any(String))
    return answer.result as string
  }

  events(): PresenceEvent[] {
    return this.messages.filter((m) => m.method === 'presence_subscription').map((m) => m.params!.result)
  }

  event(what: string, match: (event: PresenceEvent) => boolean): Promise<PresenceEvent> {
    return this.until(() => this.events().find(match), what)
  }

  close(): Promise<void> {
    this.socket.close()
    return this.until(() => (this.closed ? true : undefined), 'the socket to close').then(() => undefined)
  }
}

let lake: SpawnedLake
let ca: string
const open: PresenceClient[] = []

beforeAll(async () => {
  lake = await spawnLake({datasets: ['production', 'other'], args: ['--keepalive-ms', String(HEARTBEAT_MS)]})
  // The TLS sockets come from this origin, as the Studio's would: it must be allowed with credentials.
  lake.allowOrigin('https://localhost:3333')
  ca = fs.readFileSync(path.join(lake.dataDir, 'tls/cert.pem'), 'utf8')
}, 60_000)

afterAll(async () => {
  for (const client of open) client.socket.close()
  await lake?.stop()
})

function socketPath(dataset = 'production', version = 'v2022-06-30'): string {
  return `/${version}/socket/${dataset}?tag=sanity.studio`
}

/** Plain HTTP, with Node's own WebSocket (the same API a browser has). */
async function connectPlain(dataset?: string): Promise<PresenceClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${lake.port}${socketPath(dataset)}`)
  const client = new PresenceClient(socket)
  open.push(client)
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve())
    socket.addEventListener('error', () => reject(new Error('WebSocket over HTTP did not open')))
  })
  return client
}

/** TLS (an HTTP/1.1 upgrade on the port's TLS side, as browsers do), trusting the lake's certificate. */
async function connectTls(dataset?: string, origin = 'https://localhost:3333'): Promise<PresenceClient> {
  const socket = new WsClient(`wss://localhost:${lake.port}${socketPath(dataset)}`, {ca, origin})
  const client = new PresenceClient(socket)
  open.push(client)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return client
}

/** The status a refused upgrade answers (the ws client exposes the HTTP response). */
function refusedStatus(url: string, headers: Record<string, string> = {}): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const socket = new WsClient(url, {headers})
    socket.once('open', () => reject(new Error(`${url} opened`)))
    socket.once('unexpected-response', (_req, res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({status: res.statusCode ?? 0, body}))
    })
    socket.once('error', () => undefined)
  })
}

const location = (documentId: string) => ({type: 'document', documentId, path: ['title'], lastActiveAt: new Date().toISOString()})

describe('two editors on one dataset', () => {
  it("each hears the other's state, over HTTP and over TLS, with the token's identity", async () => {
    const alice = await connectPlain()
    const bob = await connectTls()
    await alice.authorize(lake.writeToken)
    await bob.authorize(lake.readToken)
    await alice.subscribe()
    await bob.subscribe()

    expect((await alice.call('presence_announce', {data: {sessionId: 'alice-1', locations: [location('exercise-squat')]}})).result).toBe(
      true,
    )
    const seenByBob = await bob.event("alice's state", (e) => e.type === 'state' && e.m?.sessionId === 'alice-1')
    expect(seenByBob).toEqual({
      type: 'state',
      i: 'test-write',
      m: {sessionId: 'alice-1', locations: [location('exercise-squat')].map((l) => ({...l, lastActiveAt: expect.any(String)}))},
    })

    await bob.call('presence_announce', {data: {sessionId: 'bob-1', locations: [location('exercise-squat')]}})
    const seenByAlice = await alice.event("bob's state", (e) => e.type === 'state' && e.m?.sessionId === 'bob-1')
    expect(seenByAlice.i).toBe('test-read')
    expect(seenByAlice.m?.locations).toEqual([expect.objectContaining({documentId: 'exercise-squat', path: ['title']})])
    // Nobody hears their own announcements back.
    expect(alice.events().some((e) => e.m?.sessionId === 'alice-1')).toBe(false)
    expect(bob.events().some((e) => e.m?.sessionId === 'bob-1')).toBe(false)

    // A rollcall goes to the others (not back), who answer by announcing again, as the Studio does.
    await bob.call('presence_rollcall', {session: 'bob-1'})
    const rollCall = await alice.event("bob's rollcall", (e) => e.type === 'rollCall')
    expect(rollCall).toEqual({type: 'rollCall', i: 'test-read', session: 'bob-1'})
    expect(bob.events().some((e) => e.type === 'rollCall')).toBe(false)
    const before = bob.events().length
    await alice.call('presence_announce', {data: {sessionId: 'alice-1', locations: [location('exercise-lunge')]}})
    await bob.until(
      () =>
        bob
          .events()
          .slice(before)
          .find((e) => e.m?.sessionId === 'alice-1' && JSON.stringify(e.m.locations).includes('exercise-lunge')),
      "alice's answer to the rollcall",
    )

    // Someone arriving later is told at once who is here (the last state of each live session).
    const carol = await connectPlain()
    await carol.authorize(lake.writeToken)
    await carol.subscribe()
    const present = await carol.until(() => {
      const events = carol.events()
      return events.length >= 2 ? events : undefined
    }, 'the states of alice and bob')
    expect(present.map((e) => [e.i, e.m?.sessionId]).sort()).toEqual([
      ['test-read', 'bob-1'],
      ['test-write', 'alice-1'],
    ])
    expect(present.find((e) => e.m?.sessionId === 'alice-1')?.m?.locations).toEqual([
      expect.objectContaining({documentId: 'exercise-lunge'}),
    ])

    // An explicit disconnect ends one session for everyone else.
    expect((await alice.call('presence_disconnect', {session: 'alice-1'})).result).toBe(true)
    expect(await bob.event("alice's disconnect", (e) => e.type === 'disconnect')).toEqual({
      type: 'disconnect',
      i: 'test-write',
      m: {session: 'alice-1'},
    })
    await carol.event("alice's disconnect", (e) => e.type === 'disconnect' && e.m?.session === 'alice-1')

    // A socket that closes without a word: the others are told each of its sessions is gone.
    await bob.call('presence_announce', {data: {sessionId: 'bob-2', locations: []}})
    await carol.event("bob's second session", (e) => e.m?.sessionId === 'bob-2')
    ;(bob.socket as WsClient).terminate()
    await carol.event('bob-1 gone', (e) => e.type === 'disconnect' && e.m?.session === 'bob-1')
    await carol.event('bob-2 gone', (e) => e.type === 'disconnect' && e.m?.session === 'bob-2')
    expect(carol.events().filter((e) => e.type === 'disconnect' && e.i === 'test-read')).toHaveLength(2)
    await alice.close()
    await carol.close()
  })

  it('keeps datasets apart and stops events after unsubscribe', async () => {
    const here = await connectPlain('production')
    const elsewhere = await connectPlain('other')
    const speaker = await connectTls('production')
    for (const c of [here, elsewhere, speaker]) await c.authorize(lake.writeToken)
    const subscription = await here.subscribe()
    await elsewhere.subscribe()
    await speaker.call('presence_announce', {data: {sessionId: 'speaker-1', locations: []}})
    await here.event('the speaker', (e) => e.m?.sessionId === 'speaker-1')

    expect((await here.call('presence_unsubscribe', {subscriptionId: subscription})).result).toBe(true)
    expect((await here.call('presence_unsubscribe', {subscriptionId: subscription})).error?.code).toBe(-32602)
    await speaker.call('presence_announce', {data: {sessionId: 'speaker-2', locations: []}})
    // A fresh subscriber on the same dataset proves speaker-2 went out before checking the others.
    const witness = await connectPlain('production')
    await witness.authorize(lake.readToken)
    await witness.subscribe()
    await witness.event('speaker-2', (e) => e.m?.sessionId === 'speaker-2')
    expect(here.events().some((e) => e.m?.sessionId === 'speaker-2')).toBe(false)
    expect(elsewhere.events()).toEqual([])
    for (const c of [here, elsewhere, speaker, witness]) await c.close()
  })

  it('sends heartbeats on an interval', async () => {
    const client = await connectTls()
    const start = client.heartbeats
    await client.until(() => (client.heartbeats >= start + 2 ? true : undefined), 'two heartbeats', HEARTBEAT_MS * 10)
    await client.close()
  })
})

describe('bad input', () => {
  it('gives an unauthenticated socket no presence, with a clear error', async () => {
    const anonymous = await connectPlain()
    const subscribe = await anonymous.call('presence_subscribe')
    expect(subscribe.error).toEqual({code: 4001, message: expect.stringContaining('presence_subscribe requires a token')})
    expect((await anonymous.call('presence_announce', {data: {sessionId: 'x', locations: []}})).error?.code).toBe(4001)
    const wrong = await anonymous.call('authorization', {authorization: 'Bearer sknot-a-token'})
    expect(wrong.error).toEqual({code: 4001, message: expect.stringContaining('token is not valid')})
    expect((await anonymous.call('presence_rollcall', {session: 'x'})).error?.code).toBe(4001)
    await anonymous.close()
  })

  it('answers malformed JSON, unknown methods and bad params with JSON-RPC errors, and keeps serving', async () => {
    const client = await connectPlain()
    const other = await connectTls()
    await client.authorize(lake.writeToken)
    await other.authorize(lake.writeToken)
    await other.subscribe()

    client.send('{"jsonrpc": "2.0", "method": ')
    const parse = await client.until(() => client.messages.find((m) => m.error?.code === -32700), 'a parse error')
    expect(parse).toMatchObject({id: null, error: {message: expect.stringContaining('not valid JSON')}})
    expect((await client.call('presence_fly')).error).toEqual({code: -32601, message: expect.stringContaining('"presence_fly"')})
    client.send(JSON.stringify({jsonrpc: '1.0', method: 'presence_subscribe', id: 'old'}))
    expect(await client.until(() => client.messages.find((m) => m.id === 'old'), 'the answer to jsonrpc 1.0')).toMatchObject({
      error: {code: -32600},
    })
    client.send(Buffer.from([1, 2, 3]))
    await client.until(() => client.messages.find((m) => m.error?.message.includes('binary')), 'the binary frame error')

    const noData = await client.call('presence_announce', {})
    expect(noData.error).toEqual({code: -32602, message: expect.stringContaining('"data" must be an object')})
    const badLocations = await client.call('presence_announce', {data: {sessionId: 's', locations: 'doc'}})
    expect(badLocations.error?.message).toContain('"data.locations" must be an array')
    expect((await client.call('presence_rollcall', {})).error?.message).toContain('"session"')
    expect((await client.call('authorization', {})).error?.code).toBe(-32602)

    // One user cannot speak for another's session.
    await other.call('presence_announce', {data: {sessionId: 'owned', locations: []}})
    await client.authorize(lake.readToken)
    const hijack = await client.call('presence_announce', {data: {sessionId: 'owned', locations: []}})
    expect(hijack.error).toEqual({code: -32602, message: expect.stringContaining('belongs to another user')})

    // The socket and the lake still work.
    await client.subscribe()
    await other.call('presence_announce', {data: {sessionId: 'owned', locations: [location('still-here')]}})
    await client.event('the state after the errors', (e) => JSON.stringify(e.m?.locations).includes('still-here'))
    expect(await lake.client().fetch('count(*[_id == "nothing"])')).toBe(0)
    await client.close()
    await other.close()
  })

  it("refuses upgrades to unknown datasets, other paths and bad tokens with the API's JSON errors", async () => {
    const base = `ws://127.0.0.1:${lake.port}`
    const dataset = await refusedStatus(`${base}${socketPath('nope')}`)
    expect(dataset.status).toBe(404)
    expect(JSON.parse(dataset.body).error.description).toContain('nope')
    expect((await refusedStatus(`${base}/v2022-06-30/data/listen/production`)).status).toBe(404)
    const token = await refusedStatus(`${base}${socketPath()}`, {authorization: 'Bearer sknot-a-token'})
    expect(token.status).toBe(401)
    expect(JSON.parse(token.body).error.description).toContain('token is not valid')
    const project = await refusedStatus(`${base}${socketPath()}`, {host: `elsewhere.localhost:${lake.port}`})
    expect(project.status).toBe(404)
    expect(JSON.parse(project.body).error.type).toBe('projectNotFoundError')
    // Any version prefix reaches the socket.
    for (const version of ['v1', 'vX', 'v2025-02-19']) {
      const socket = new WebSocket(`${base}${socketPath('production', version)}`)
      const client = new PresenceClient(socket)
      await client.until(() => (client.heartbeats > 0 ? true : undefined), `the first heartbeat on /${version}`)
      await client.close()
    }
    expect(await lake.client().fetch('count(*[_id == "nothing"])')).toBe(0)
  })
})

it('stops promptly with sockets still open, closing them', {timeout: 60_000}, async () => {
  const own = await spawnLake()
  const socket = new WebSocket(`ws://127.0.0.1:${own.port}${socketPath()}`)
  const client = new PresenceClient(socket)
  await client.until(() => (client.heartbeats > 0 ? true : undefined), 'the first heartbeat')
  const started = Date.now()
  await own.stop()
  // A hung close would hit spawnLake's 15 s SIGKILL fallback.
  expect(Date.now() - started).toBeLessThan(10_000)
  await client.until(() => (client.closed ? true : undefined), 'the socket to close')
})
