// Rate limits as the hosted API applies them (sanity.io/docs/content-lake/technical-limits): per
// client IP and second, 500 API requests, 25 mutation requests and 25 uploads; per dataset, 500
// queries and 100 mutations in flight at once. Over a limit the answer is hosted's: 429 with
// `Retry-After` and `{"message": "API rate limit exceeded"}` (which @sanity/client surfaces as
// the error message, and retries for reads only). Per-second limits count fixed clock seconds.
import type {Request, Response} from './context.ts'
import {HttpError} from '../errors.ts'
import type {RateLimits} from '../rate-limits.ts'

type Kind = 'query' | 'mutation' | 'upload' | 'other'

/** What a request counts as, from its method and path (without the version prefix). */
function kindOf(method: string, path: string): Kind {
  if (/^\/data\/query\//.test(path)) return 'query'
  if (method === 'POST' && /^\/data\/(mutate|actions|import)\//.test(path)) return 'mutation'
  if (method === 'POST' && /^\/assets\//.test(path)) return 'upload'
  return 'other'
}

class RateLimitedError extends HttpError {
  constructor(limit: number, detail: string) {
    super(429, 'rateLimitExceededError', 'API rate limit exceeded', {})
    this.headers['retry-after'] = '1'
    this.headers['ratelimit-reset'] = '1'
    this.headers['ratelimit-limit'] = String(limit)
    this.headers['ratelimit-remaining'] = '0'
    this.headers['x-ratelimit-limit-second'] = String(limit)
    this.headers['x-ratelimit-remaining-second'] = '0'
    this.headers['x-spotter-rate-limit'] = detail
  }

  override toBody(): Record<string, unknown> {
    return {message: this.message}
  }
}

interface Window {
  second: number
  requests: number
  mutations: number
  uploads: number
}

export class RateLimiter {
  private readonly limits: RateLimits
  private readonly windows = new Map<string, Window>()
  private readonly running = new Map<string, number>()
  private pruned = 0

  constructor(limits: RateLimits) {
    this.limits = limits
  }

  /**
   * Counts one API request; throws a 429 when it is over a limit (then nothing is counted).
   * `dataset` is the route's dataset, for the in-flight limits, released when the response ends.
   */
  admit(req: Request, res: Response, path: string, dataset: string | undefined): void {
    const kind = kindOf(req.method ?? 'GET', path)
    const window = this.window(clientIp(req))
    const {requestsPerSecond, mutationsPerSecond, uploadsPerSecond} = this.limits
    if (kind === 'mutation') over(window.mutations, mutationsPerSecond, 'mutation requests per second per client IP', 'mutationsPerSecond')
    if (kind === 'upload') over(window.uploads, uploadsPerSecond, 'asset uploads per second per client IP', 'uploadsPerSecond')
    over(window.requests, requestsPerSecond, 'API requests per second per client IP', 'requestsPerSecond')
    let key: string | null = null
    if (dataset !== undefined && (kind === 'query' || kind === 'mutation')) {
      const limit = kind === 'query' ? this.limits.concurrentQueries : this.limits.concurrentMutations
      key = `${kind}\n${dataset}`
      const name = kind === 'query' ? 'concurrentQueries' : 'concurrentMutations'
      over(
        this.running.get(key) ?? 0,
        limit,
        `${kind === 'query' ? 'queries' : 'mutation requests'} running at once on dataset "${dataset}"`,
        name,
      )
    }
    window.requests++
    if (kind === 'mutation') window.mutations++
    if (kind === 'upload') window.uploads++
    // Like hosted, the answer tells how much of the per-second limit that applies is left.
    const [limit, used] =
      kind === 'mutation'
        ? [mutationsPerSecond, window.mutations]
        : kind === 'upload'
          ? [uploadsPerSecond, window.uploads]
          : [requestsPerSecond, window.requests]
    if (limit > 0) {
      res.setHeader('x-ratelimit-limit-second', String(limit))
      res.setHeader('x-ratelimit-remaining-second', String(Math.max(0, limit - used)))
    }
    if (key !== null) {
      const running = key
      this.running.set(running, (this.running.get(running) ?? 0) + 1)
      let released = false
      const release = () => {
        if (released) return
        released = true
        const left = (this.running.get(running) ?? 1) - 1
        if (left > 0) this.running.set(running, left)
        else this.running.delete(running)
      }
      res.once('finish', release)
      res.once('close', release)
    }
  }

  private window(ip: string): Window {
    const second = Math.floor(Date.now() / 1000)
    if (second !== this.pruned) {
      // Forget the clients of past seconds (one sweep a second keeps the map small).
      for (const [key, w] of this.windows) if (w.second !== second) this.windows.delete(key)
      this.pruned = second
    }
    let window = this.windows.get(ip)
    if (!window) {
      window = {second, requests: 0, mutations: 0, uploads: 0}
      this.windows.set(ip, window)
    }
    return window
  }
}

function over(count: number, limit: number, what: string, name: keyof RateLimits): void {
  if (limit > 0 && count >= limit) {
    throw new RateLimitedError(limit, `${limit} ${what} (the lake's ${name}: raise it or turn limits off with --rate-limits)`)
  }
}

function clientIp(req: Request): string {
  const address = req.socket?.remoteAddress ?? 'unknown'
  return address.startsWith('::ffff:') ? address.slice(7) : address
}
