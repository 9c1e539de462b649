// JSON-RPC 2.0 as the Studio's bifur client speaks it (@sanity/bifur-client): requests carry an
// id, `<method>_subscribe` answers a subscription id, events go out as `<method>_subscription`
// notifications. The error codes are the client's own ERROR_CODES.

export const RPC_ERRORS = {
  UNAUTHORIZED: 4001,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  PARSE_ERROR: -32700,
} as const

/** Also the code for an unknown subscription id (the client's SUBSCRIPTION_NOT_FOUND). */
export const SUBSCRIPTION_NOT_FOUND = RPC_ERRORS.INVALID_PARAMS

export type RequestId = string | number | null

export interface RpcRequest {
  id: RequestId
  method: string
  params: Record<string, unknown>
}

export class RpcError extends Error {
  readonly code: number
  /** The id of the request that failed to parse, when it had one, so its error can be matched. */
  readonly id: RequestId
  constructor(code: number, message: string, id: RequestId = null) {
    super(message)
    this.code = code
    this.id = id
  }
}

/** Parses one text frame into a request, or throws an RpcError (PARSE_ERROR, INVALID_REQUEST). */
export function parseRequest(text: string): RpcRequest {
  let message: unknown
  try {
    message = JSON.parse(text)
  } catch (err) {
    throw new RpcError(RPC_ERRORS.PARSE_ERROR, `Parse error: the message is not valid JSON (${(err as Error).message})`)
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    throw new RpcError(RPC_ERRORS.INVALID_REQUEST, 'Invalid request: expected a JSON-RPC 2.0 request object')
  }
  const {jsonrpc, method, params} = message as Record<string, unknown>
  const raw = (message as {id?: unknown}).id
  const id: RequestId = typeof raw === 'string' || typeof raw === 'number' ? raw : null
  if (jsonrpc !== '2.0') throw new RpcError(RPC_ERRORS.INVALID_REQUEST, 'Invalid request: "jsonrpc" must be "2.0"', id)
  if (typeof method !== 'string' || method === '')
    throw new RpcError(RPC_ERRORS.INVALID_REQUEST, 'Invalid request: "method" must be a non-empty string', id)
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) {
    throw new RpcError(RPC_ERRORS.INVALID_PARAMS, `Invalid params for ${method}: "params" must be an object`, id)
  }
  return {id, method, params: (params ?? {}) as Record<string, unknown>}
}

export const resultMessage = (id: RequestId, result: unknown): string => JSON.stringify({jsonrpc: '2.0', id, result})

export const errorMessage = (id: RequestId, error: RpcError): string =>
  JSON.stringify({jsonrpc: '2.0', id, error: {code: error.code, message: error.message}})

export const notification = (method: string, subscription: string, result: unknown): string =>
  JSON.stringify({jsonrpc: '2.0', method: `${method}_subscription`, params: {subscription, result}})
