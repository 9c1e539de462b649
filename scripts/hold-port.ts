// A port to name before the server that will use it starts: 0 becomes a free port, listened on
// until `release` so nothing else takes it meanwhile.
import * as net from 'node:net'

export interface HeldPort {
  port: number
  /** Stops listening, for the server that is to use the port. */
  release(): Promise<void>
}

/** `requested` as it is, or for 0 a free port on 127.0.0.1, held until `release`. */
export function holdPort(requested: number): Promise<HeldPort> {
  if (requested !== 0) return Promise.resolve({port: requested, release: async () => {}})
  return new Promise((resolve, reject) => {
    // A caller before the server is up (a webhook, retried later) is turned away at once: an open
    // connection would keep `close` waiting.
    const server = net.createServer((socket) => socket.destroy())
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as net.AddressInfo
      resolve({port, release: () => new Promise((done) => server.close(() => done()))})
    })
  })
}
