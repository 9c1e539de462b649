// Hosted's rate limits as numbers (sanity.io/docs/content-lake/technical-limits) and how the
// config and `--rate-limits` override them. Enforced over HTTP by http/rate-limit.ts.

export interface RateLimits {
  /** API requests per second per client IP. */
  requestsPerSecond: number
  /** Mutation requests (mutate, actions, import) per second per client IP. */
  mutationsPerSecond: number
  /** Asset uploads per second per client IP. */
  uploadsPerSecond: number
  /** Queries running at once per dataset. */
  concurrentQueries: number
  /** Mutation requests running at once per dataset. */
  concurrentMutations: number
}

export const HOSTED_RATE_LIMITS: Readonly<RateLimits> = {
  requestsPerSecond: 500,
  mutationsPerSecond: 25,
  uploadsPerSecond: 25,
  concurrentQueries: 500,
  concurrentMutations: 100,
}

const LIMIT_NAMES = Object.keys(HOSTED_RATE_LIMITS) as Array<keyof RateLimits>

/**
 * Parses `--rate-limits` / the config's `rateLimits`: `off` (or false) disables them, `hosted`
 * (or true) keeps the defaults, `name=N,...` (or an object) overrides some; 0 means unlimited.
 */
export function parseRateLimits(value: unknown, where: string): RateLimits | null {
  if (value === undefined || value === true || value === 'hosted') return {...HOSTED_RATE_LIMITS}
  if (value === false || value === 'off') return null
  let entries: Array<[string, unknown]>
  if (typeof value === 'string') {
    entries = value.split(',').map((part) => {
      const [name = '', raw = ''] = part.split('=').map((s) => s.trim())
      return [name, raw === '' ? NaN : Number(raw)]
    })
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    entries = Object.entries(value)
  } else {
    throw new Error(`${where} must be "off", "hosted" or name=N,... with names ${LIMIT_NAMES.join(', ')}`)
  }
  const limits = {...HOSTED_RATE_LIMITS}
  for (const [name, n] of entries) {
    if (!LIMIT_NAMES.includes(name as keyof RateLimits)) {
      throw new Error(`${where}: unknown rate limit "${name}"; known: ${LIMIT_NAMES.join(', ')} (or "off")`)
    }
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      throw new Error(`${where}: ${name} must be a non-negative integer (0 = unlimited)`)
    limits[name as keyof RateLimits] = n
  }
  return limits
}
