// One presence socket: authorization, presence_* requests and subscriptions, as the Studio's
// bifur client and presence store send them (see rpc.ts and room.ts).
import {randomUUID} from 'node:crypto'
import type {WebSocket} from 'ws'
import {authenticate, type Principal} from '../auth.ts'
import type {LakeConfig} from '../config.ts'
import {HttpError} from '../errors.ts'
import {type Member, type PresenceEvent, type PresenceRoom, SessionTakenError} from './room.ts'
import {
  errorMessage,
  notification,
  parseRequest,
  resultMessage,
  RPC_ERRORS,
  RpcError,
  SUBSCRIPTION_NOT_FOUND,
  type RpcRequest,
} from './rpc.ts'

/** The server's heartbeat frame; the client tells it from JSON-RPC messages by its text. */
export const HEARTBEAT = '♥'

const MAX_ID_LENGTH = 200
/** Heartbeats in a row without a pong before the peer counts as gone (a busy client may be slow). */
const MAX_MISSED_PONGS = 3
const MAX_LOCATIONS = 100

export class PresenceConnection implements Member {
  private readonly socket: WebSocket
  private readonly room: PresenceRoom
  private readonly config: LakeConfig
  private principal: Principal
  private readonly subscriptions = new Set<string>()
  /** Heartbeats since the client's last pong: a dead peer is dropped, and its sessions with it. */
  private missedPongs = 0

  constructor(socket: WebSocket, room: PresenceRoom, principal: Principal, config: LakeConfig) {
    this.socket = socket
    this.room = room
    this.principal = principal
    this.config = config
    room.join(this)
    socket.on('message', (data, isBinary) => this.receive(isBinary ? null : data.toString()))
    socket.on('pong', () => (this.missedPongs = 0))
    socket.on('close', () => room.leave(this))
    socket.on('error', () => socket.terminate())
  }

  deliver(event: PresenceEvent): void {
    for (const subscription of this.subscriptions) this.send(notification('presence', subscription, event))
  }

  heartbeat(): void {
    if (this.missedPongs >= MAX_MISSED_PONGS) return void this.socket.terminate()
    this.missedPongs++
    this.socket.ping()
    this.send(HEARTBEAT)
  }

  private send(text: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(text)
  }

  private receive(text: string | null): void {
    let request: RpcRequest | undefined
    try {
      if (text === null) throw new RpcError(RPC_ERRORS.INVALID_REQUEST, 'Invalid request: send JSON-RPC as text frames, not binary')
      request = parseRequest(text)
      this.send(resultMessage(request.id, this.call(request)))
    } catch (err) {
      const error = err instanceof RpcError ? err : new RpcError(RPC_ERRORS.INVALID_REQUEST, (err as Error).message)
      this.send(errorMessage(request?.id ?? error.id, error))
    }
  }

  private call({method, params}: RpcRequest): unknown {
    switch (method) {
      case 'authorization':
        return this.authorize(params)
      case 'presence_subscribe': {
        this.requirePresence(method)
        const subscription = randomUUID()
        this.subscriptions.add(subscription)
        // Sent after the answer (which carries the id the client filters on): who is here already.
        queueMicrotask(() => {
          if (this.subscriptions.has(subscription)) {
            for (const event of this.room.statesFor(this)) this.send(notification('presence', subscription, event))
          }
        })
        return subscription
      }
      case 'presence_unsubscribe': {
        const id = stringParam(method, params, 'subscriptionId')
        if (!this.subscriptions.delete(id)) throw new RpcError(SUBSCRIPTION_NOT_FOUND, `Subscription "${id}" not found on this socket`)
        return true
      }
      case 'presence_announce': {
        this.requirePresence(method)
        const data = params.data
        if (typeof data !== 'object' || data === null || Array.isArray(data))
          throw invalidParams(method, '"data" must be an object {sessionId, locations}')
        const sessionId = stringParam(method, data as Record<string, unknown>, 'sessionId', 'data.sessionId')
        const locations = (data as {locations?: unknown}).locations
        if (!Array.isArray(locations)) throw invalidParams(method, '"data.locations" must be an array')
        if (locations.length > MAX_LOCATIONS)
          throw invalidParams(method, `"data.locations" has ${locations.length} entries; at most ${MAX_LOCATIONS}`)
        return this.inRoom(() => this.room.announce(this, this.principal.identity, sessionId, locations))
      }
      case 'presence_rollcall': {
        this.requirePresence(method)
        const sessionId = stringParam(method, params, 'session')
        return this.inRoom(() => this.room.rollCall(this, this.principal.identity, sessionId))
      }
      case 'presence_disconnect': {
        this.requirePresence(method)
        return this.room.disconnect(this, stringParam(method, params, 'session'))
      }
      default:
        throw new RpcError(RPC_ERRORS.METHOD_NOT_FOUND, `Method not found: "${method}" (this socket serves authorization and presence_*)`)
    }
  }

  private authorize(params: Record<string, unknown>): true {
    const header = params.authorization
    if (typeof header !== 'string') throw invalidParams('authorization', '"authorization" must be a string "Bearer <token>"')
    try {
      this.principal = authenticate({authorization: header}, new URLSearchParams(), this.config)
    } catch (err) {
      throw new RpcError(RPC_ERRORS.UNAUTHORIZED, err instanceof HttpError ? err.message : String(err))
    }
    return true
  }

  private requirePresence(method: string): void {
    if (!this.principal.authenticated) {
      throw new RpcError(
        RPC_ERRORS.UNAUTHORIZED,
        `${method} requires a token: call "authorization" with {"authorization": "Bearer <token>"} first`,
      )
    }
  }

  private inRoom(action: () => void): true {
    try {
      action()
    } catch (err) {
      if (err instanceof SessionTakenError) throw new RpcError(RPC_ERRORS.INVALID_PARAMS, err.message)
      throw err
    }
    return true
  }
}

function stringParam(method: string, params: Record<string, unknown>, name: string, label = name): string {
  const value = params[name]
  if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) {
    throw invalidParams(method, `"${label}" must be a non-empty string of at most ${MAX_ID_LENGTH} characters`)
  }
  return value
}

const invalidParams = (method: string, problem: string) =>
  new RpcError(RPC_ERRORS.INVALID_PARAMS, `Invalid params for ${method}: ${problem}`)
