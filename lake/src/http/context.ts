// What every route handler gets: the parsed request, who is asking, and response helpers.
import type * as http from 'node:http'
import type * as http2 from 'node:http2'
import type {Principal} from '../auth.ts'
import type {Lake} from '../lake.ts'
import type {ListenFilters} from '../listen-filters.ts'

export type Request = http.IncomingMessage | http2.Http2ServerRequest
export type Response = http.ServerResponse | http2.Http2ServerResponse

export interface RequestContext {
  req: Request
  res: Response
  method: string
  /** Path without the `/v{apiVersion}` prefix, e.g. `/data/query/production`. */
  path: string
  /** `2025-02-19`, `1`, `X`, or null when the path had no version prefix. */
  apiVersion: string | null
  query: URLSearchParams
  params: Record<string, string>
  principal: Principal
  lake: Lake
  /** Where this request reached the lake, without a project prefix: e.g. https://localhost:3443 */
  baseUrl: string
  isHttp2: boolean
  /** Largest accepted body: smaller for requests without a token. */
  bodyLimit: number
  /** The request carries no token (header or `?token=`): it gets the smaller anonymous share. */
  tokenless: boolean
  /** Interval of `: keepalive` comments on event streams. */
  keepaliveMs: number
  /** Where listen filters are evaluated (off the main thread, with a time limit). */
  listenFilters: ListenFilters
}

export function sendJson(res: Response, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body))
}

/** Sends text that is already JSON. */
export function sendJsonText(res: Response, status: number, text: string): void {
  res.statusCode = status
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(text))
  res.end(text)
}

export function queryFlag(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name)
  if (value === null) return fallback
  return value !== 'false' && value !== '0'
}
