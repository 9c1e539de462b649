// A plain HTTP endpoint for tests that records what it receives (raw body and headers) and
// answers with a status the test chooses. It stands in for a third-party receiver, not for any
// part of Spotter.
import * as http from 'node:http'
import type {AddressInfo} from 'node:net'

export interface Received {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: string
  /** Date.now() when it arrived. */
  at: number
}

export interface Receiver {
  url: string
  port: number
  received: Received[]
  /** Status to answer with (default 200). */
  status: number
  /** Extra headers to answer with (e.g. Retry-After). */
  headers: Record<string, string>
  close(): Promise<void>
  waitFor(predicate: (all: Received[]) => boolean, timeoutMs?: number): Promise<void>
}

export async function startReceiver(port = 0): Promise<Receiver> {
  const received: Received[] = []
  const state = {status: 200, headers: {} as Record<string, string>}
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      })
      res.writeHead(state.status, {'content-type': 'application/json', ...state.headers}).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    received,
    get status() {
      return state.status
    },
    set status(value: number) {
      state.status = value
    },
    get headers() {
      return state.headers
    },
    set headers(value: Record<string, string>) {
      state.headers = value
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
    waitFor: (predicate, timeoutMs = 20_000) => waitUntil(() => predicate(received), timeoutMs),
  }
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
