// One port for every client: plain HTTP/1.1 (node clients, curl) and TLS with HTTP/2 (browsers,
// which need HTTP/2 to hold the Studio's 7-8 listen streams on one connection). The first byte
// of a connection tells them apart: 0x16 opens a TLS handshake.
import * as http from 'node:http'
import * as http2 from 'node:http2'
import * as net from 'node:net'
import type {Duplex} from 'node:stream'

export type RequestHandler = (
  req: http.IncomingMessage | http2.Http2ServerRequest,
  res: http.ServerResponse | http2.Http2ServerResponse,
) => void

/** An HTTP/1.1 `Upgrade` request (WebSocket); browsers send these over TLS as HTTP/1.1 too. */
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void

export interface Transport {
  server: net.Server
  /** Open sockets, so close() can end idle keep-alive and SSE connections. */
  close(): Promise<void>
}

const TLS_HANDSHAKE = 0x16

export function createTransport(handler: RequestHandler, tls: {cert: string; key: string}, onUpgrade?: UpgradeHandler): Transport {
  const plain = http.createServer({keepAliveTimeout: 30_000}, handler)
  const secure = http2.createSecureServer({...tls, allowHTTP1: true}, handler)
  // Both emit 'upgrade' for HTTP/1.1 requests (the TLS one on its allowHTTP1 path); upgraded
  // sockets stay in `sockets`, so close() ends them too.
  if (onUpgrade) {
    plain.on('upgrade', onUpgrade)
    secure.on('upgrade', onUpgrade)
  }
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    socket.once('data', (chunk: Buffer) => {
      socket.pause()
      socket.unshift(chunk)
      ;(chunk[0] === TLS_HANDSHAKE ? secure : plain).emit('connection', socket)
      process.nextTick(() => socket.resume())
    })
    socket.on('error', () => socket.destroy())
  })
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        plain.closeAllConnections()
        for (const socket of sockets) socket.destroy()
      }),
  }
}
