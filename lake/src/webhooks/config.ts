// Webhooks in lake.config.json, shaped like Sanity's GROQ-powered document webhooks:
//   "webhooks": [{"name": "syndication", "dataset": "production", "url": "http://127.0.0.1:4000/hook",
//     "filter": "_type == 'article'", "projection": "{_id, _type, 'operation': delta::operation()}",
//     "on": ["create", "update", "delete"], "includeDrafts": false, "httpMethod": "POST",
//     "headers": {"x-team": "web"}, "secret": "...", "retry": {"baseMs": 1000, "maxMs": 300000, "maxAttempts": 15}}]
// `retry` and `timeoutMs` are lake extensions (hosted Sanity picks its own schedule).
import {parse} from 'groq-js'

export type WebhookOperation = 'create' | 'update' | 'delete'
export type WebhookMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface WebhookRetry {
  /** First retry after this many ms; each further one waits twice as long (capped at maxMs). */
  baseMs: number
  maxMs: number
  /** Attempts in all, the first included; then the delivery is logged as failed. */
  maxAttempts: number
}

export interface WebhookConfig {
  name: string
  dataset: string
  url: string
  /** A GROQ filter (delta mode: before(), after(), delta::changedAny() ...); empty = every document. */
  filter: string
  /** A GROQ projection such as `{_id, _type}`; empty = the whole document (after, or before for a delete). */
  projection: string
  on: WebhookOperation[]
  includeDrafts: boolean
  httpMethod: WebhookMethod
  headers: Record<string, string>
  secret: string | null
  retry: WebhookRetry
  timeoutMs: number
}

const OPERATIONS: readonly WebhookOperation[] = ['create', 'update', 'delete']
const METHODS: readonly WebhookMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
export const DEFAULT_RETRY: WebhookRetry = {baseMs: 1000, maxMs: 300_000, maxAttempts: 15}

/** Parses `webhooks` from the config file; every problem names the field. */
export function parseWebhooks(raw: unknown, file: string): WebhookConfig[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw new Error(`Config ${file}: webhooks must be an array`)
  const names = new Set<string>()
  return raw.map((item: unknown, i) => {
    const at = `Config ${file}: webhooks[${i}]`
    if (typeof item !== 'object' || item === null) throw new Error(`${at} must be an object`)
    const w = item as Record<string, unknown>
    const str = (key: string, fallback?: string): string => {
      const value = w[key] ?? fallback
      if (typeof value !== 'string') throw new Error(`${at}.${key} must be a string`)
      return value
    }
    const name = str('name')
    if (!/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/.test(name))
      throw new Error(`${at}.name must be 1-64 letters, digits, spaces, '_', '.' or '-'`)
    if (names.has(name)) throw new Error(`${at}.name "${name}" is used twice`)
    names.add(name)
    const url = str('url')
    if (!/^https?:\/\/[^\s]+$/.test(url)) throw new Error(`${at}.url must be an http(s) URL`)
    const filter = str('filter', '').trim()
    const projection = str('projection', '').trim()
    try {
      parse(`*[${filter || 'true'}]`, {mode: 'delta'})
      if (projection) parse(`@${projection}`, {mode: 'delta'})
    } catch (err) {
      throw new Error(`${at}: ${filter && !projection ? 'filter' : 'filter or projection'} is not valid GROQ: ${(err as Error).message}`)
    }
    const on = w.on ?? OPERATIONS
    if (!Array.isArray(on) || on.length === 0 || on.some((o) => !OPERATIONS.includes(o as WebhookOperation))) {
      throw new Error(`${at}.on must be a non-empty array of "create", "update", "delete"`)
    }
    const httpMethod = str('httpMethod', 'POST').toUpperCase() as WebhookMethod
    if (!METHODS.includes(httpMethod)) throw new Error(`${at}.httpMethod must be one of ${METHODS.join(', ')}`)
    const headers = w.headers ?? {}
    if (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string')) {
      throw new Error(`${at}.headers must be an object of string values`)
    }
    const secret = w.secret ?? null
    if (secret !== null && (typeof secret !== 'string' || secret === '')) throw new Error(`${at}.secret must be a non-empty string`)
    if (w.includeDrafts !== undefined && typeof w.includeDrafts !== 'boolean') throw new Error(`${at}.includeDrafts must be true or false`)
    return {
      name,
      dataset: str('dataset', 'production'),
      url,
      filter,
      projection,
      on: [...new Set(on as WebhookOperation[])],
      includeDrafts: w.includeDrafts === true,
      httpMethod,
      headers: headers as Record<string, string>,
      secret,
      retry: parseRetry(w.retry, `${at}.retry`),
      timeoutMs: positiveInt(w.timeoutMs ?? 10_000, `${at}.timeoutMs`),
    }
  })
}

function parseRetry(raw: unknown, at: string): WebhookRetry {
  if (raw === undefined) return DEFAULT_RETRY
  if (typeof raw !== 'object' || raw === null) throw new Error(`${at} must be an object {baseMs, maxMs, maxAttempts}`)
  const r = raw as Record<string, unknown>
  return {
    baseMs: positiveInt(r.baseMs ?? DEFAULT_RETRY.baseMs, `${at}.baseMs`),
    maxMs: positiveInt(r.maxMs ?? DEFAULT_RETRY.maxMs, `${at}.maxMs`),
    maxAttempts: positiveInt(r.maxAttempts ?? DEFAULT_RETRY.maxAttempts, `${at}.maxAttempts`),
  }
}

function positiveInt(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new Error(`${at} must be a positive integer`)
  return value
}
