// The presence WebSocket (`GET /v{any}/socket/:dataset`): the Studio's "who else is editing"
// channel. The server resolves path, project, dataset and token, then hands the upgrade here.
import {STATUS_CODES, type IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'
import {WebSocketServer} from 'ws'
import type {Principal} from '../auth.ts'
import type {LakeConfig} from '../config.ts'
import {toHttpError} from '../errors.ts'
import {PresenceConnection} from './connection.ts'
import {PresenceRoom} from './room.ts'

export {HEARTBEAT} from './connection.ts'
export type {PresenceEvent} from './room.ts'

/** `/socket/production` -> `production` (path without the version prefix). */
export const SOCKET_PATH = /^\/socket\/([^/]+)$/

/** Presence messages are small; this bounds what one frame may make the lake hold. */
const MAX_MESSAGE_BYTES = 256 * 1024

export interface Presence {
  accept(req: IncomingMessage, socket: Duplex, head: Buffer, dataset: string, principal: Principal): void
  /** Stops heartbeats and drops every socket (the transport closes the TCP connections). */
  close(): void
}

export function createPresence(config: LakeConfig, heartbeatMs: number): Presence {
  // The server admits only pages whose origin is allowed with credentials (or no page at all);
  // what a socket may do then depends on its token.
  const wss = new WebSocketServer({noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false})
  const rooms = new Map<string, PresenceRoom>()
  const connections = new Set<PresenceConnection>()
  const timer = setInterval(
    () => {
      for (const connection of connections) connection.heartbeat()
    },
    Math.max(heartbeatMs, 100),
  )
  timer.unref()

  return {
    accept(req, socket, head, dataset, principal) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        let room = rooms.get(dataset)
        if (!room) rooms.set(dataset, (room = new PresenceRoom()))
        const connection = new PresenceConnection(ws, room, principal, config)
        connections.add(connection)
        ws.once('close', () => {
          connections.delete(connection)
          if (room.isEmpty && rooms.get(dataset) === room) rooms.delete(dataset)
        })
        connection.heartbeat()
      })
    },
    close() {
      clearInterval(timer)
      for (const client of wss.clients) client.terminate()
      wss.close()
    },
  }
}

/** Answers an upgrade that cannot become a socket with the API's JSON error and closes it. */
export function rejectUpgrade(socket: Duplex, err: unknown): void {
  const error = toHttpError(err)
  const body = JSON.stringify(error.toBody())
  const head = [
    `HTTP/1.1 ${error.statusCode} ${STATUS_CODES[error.statusCode] ?? 'Error'}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ]
  if (socket.writable) socket.end(`${head.join('\r\n')}\r\n\r\n${body}`)
  else socket.destroy()
}
