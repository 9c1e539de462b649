// CORS as hosted: only origins on the project's allow-list (config `cors`, managed with
// `npm run lake -- cors add|list|remove`) get a grant, and only those allowed credentials get
// `access-control-allow-credentials`. Other origins get no CORS headers, so browsers keep the
// response from the page; a preflight from them is refused. `/ping` and `/check/cors` answer any
// origin (without credentials), so a page can tell a CORS refusal from a network failure.
import type {CorsPolicy} from '../cors-policy.ts'
import type {Request, Response} from './context.ts'
import {sendJson} from './context.ts'
import {forbidden} from '../errors.ts'

/** Paths any origin may read without credentials, as hosted answers them. */
const OPEN_PATHS = /^\/(ping|check\/cors)\/?$/

/**
 * Sets the CORS headers a request earns and answers preflights. Returns true when the response
 * is complete (a preflight).
 */
export function applyCors(req: Request, res: Response, policy: CorsPolicy, path: string): boolean {
  const origin = req.headers.origin
  const preflight = req.method === 'OPTIONS'
  if (typeof origin !== 'string' || origin === '') {
    if (!preflight) return false
    res.statusCode = 204
    res.end()
    return true
  }
  res.setHeader('vary', 'Origin')
  const entry = policy.match(origin) ?? (OPEN_PATHS.test(path) ? {origin, allowCredentials: false} : undefined)
  if (entry) {
    res.setHeader('access-control-allow-origin', origin)
    if (entry.allowCredentials) res.setHeader('access-control-allow-credentials', 'true')
  }
  if (!preflight) return false
  if (!entry) {
    const error = forbidden(
      `Origin ${origin} is not an allowed CORS origin of this lake; allow it with: npm run lake -- cors add ${origin} [--credentials]`,
    )
    sendJson(res, error.statusCode, error.toBody())
    return true
  }
  const requested = req.headers['access-control-request-headers']
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
  res.setHeader('access-control-allow-headers', typeof requested === 'string' && requested ? requested : 'authorization, content-type')
  res.setHeader('access-control-max-age', '600')
  res.statusCode = 204
  res.end()
  return true
}

/** `GET /check/cors`: whether the request's Origin is allowed, and with credentials (what the Studio asks after a failed request). */
export function corsCheck(policy: CorsPolicy, origin: string | undefined): {allowed: boolean; withCredentials: boolean} {
  // Without an Origin the caller is no browser page: CORS does not apply to it.
  if (!origin) return {allowed: true, withCredentials: true}
  const entry = policy.match(origin)
  return {allowed: entry !== undefined, withCredentials: entry?.allowCredentials === true}
}
