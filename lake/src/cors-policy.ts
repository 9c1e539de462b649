// The CORS allow-list as the lake keeps it: origins normalised as hosted stores them
// (`protocol://hostname[:port]`, `*` wildcards), matched against a request's Origin, and followed
// in the config file so `cors add` reaches a running lake. What a grant means over HTTP is
// http/cors.ts.
import * as fs from 'node:fs'
import {DEFAULT_CORS, parseCors, type CorsOrigin} from './config.ts'

/** The allowed origins, re-read from the config file whenever it changes. */
export class CorsPolicy {
  private readonly file: string | null
  private origins: Array<CorsOrigin & {test: RegExp; wildcard: boolean}> = []
  private stamp = ''

  /** `file`: the config file to follow (null: `initial` only). */
  constructor(initial: readonly CorsOrigin[] | undefined, file: string | null = null) {
    this.file = file
    this.set(initial ?? DEFAULT_CORS)
    if (file) this.stamp = stampOf(file)
  }

  /** The allow-list entry for a request's Origin, undefined if it has none. */
  match(origin: string): CorsOrigin | undefined {
    this.refresh()
    const normalized = normalizeRequestOrigin(origin)
    if (normalized === undefined) return undefined
    // An exact entry decides over a wildcard one (it may differ in credentials).
    const found = this.origins.find((o) => !o.wildcard && o.test.test(normalized)) ?? this.origins.find((o) => o.test.test(normalized))
    return found && {origin: found.origin, allowCredentials: found.allowCredentials}
  }

  list(): CorsOrigin[] {
    this.refresh()
    return this.origins.map(({origin, allowCredentials}) => ({origin, allowCredentials}))
  }

  private set(origins: readonly CorsOrigin[]): void {
    this.origins = origins.map((o) => ({...o, test: patternOf(o.origin), wildcard: o.origin.includes('*')}))
  }

  /** One stat per call: cheap enough for requests that carry an Origin (browser requests). */
  private refresh(): void {
    if (!this.file) return
    const stamp = stampOf(this.file)
    if (stamp === this.stamp) return
    this.stamp = stamp
    try {
      const raw = JSON.parse(fs.readFileSync(this.file, 'utf8')) as {cors?: unknown}
      this.set(parseCors(raw.cors, this.file))
    } catch (err) {
      // A file caught mid-edit by hand: keep the list we have, say why.
      console.error(`[lake] CORS origins not reloaded from ${this.file}: ${(err as Error).message}`)
    }
  }
}

function stampOf(file: string): string {
  try {
    const stat = fs.statSync(file)
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`
  } catch {
    return 'missing'
  }
}

/**
 * An origin as the allow-list stores it, `protocol://hostname[:port]` (lowercase, no default
 * port, no path); `*` is a wildcard. Throws a message naming what is wrong.
 */
export function normalizeOrigin(value: string): string {
  const trimmed = value.trim()
  const anyPort = trimmed.endsWith(':*')
  // The URL parser rejects `*` in host names: swap wildcards for a placeholder while parsing.
  const placeholder = 'wildcard-placeholder-x'
  let url: URL
  try {
    url = new URL((anyPort ? trimmed.slice(0, -2) : trimmed).replaceAll('*', placeholder))
  } catch {
    throw new Error(`"${value}" is not an origin: write it as protocol://hostname[:port], e.g. http://localhost:3000`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`"${value}": the origin's protocol must be http or https`)
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`"${value}" has more than an origin: write it as protocol://hostname[:port], without a path`)
  }
  return url.origin.replaceAll(placeholder, '*') + (anyPort ? ':*' : '')
}

/** A request's Origin header as the allow-list compares it, undefined if it is no http(s) origin. */
function normalizeRequestOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
  } catch {
    return undefined
  }
}

function patternOf(origin: string): RegExp {
  let normalized: string
  try {
    normalized = normalizeOrigin(origin)
  } catch {
    return /(?!)/ // an entry that is no origin matches nothing
  }
  const source = normalized
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*')
  return new RegExp(`^${source}$`)
}
