// CORS for browser frontends and the Studio, which calls the API from another origin with
// credentials: echo the Origin, allow credentials, answer preflights with 204.
import type {Request, Response} from './context.ts'

export function applyCors(req: Request, res: Response): boolean {
  const origin = req.headers.origin
  if (typeof origin === 'string' && origin) {
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('access-control-allow-credentials', 'true')
    res.setHeader('vary', 'Origin')
  }
  if (req.method !== 'OPTIONS') return false
  const requested = req.headers['access-control-request-headers']
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
  res.setHeader('access-control-allow-headers', typeof requested === 'string' && requested ? requested : 'authorization, content-type')
  res.setHeader('access-control-max-age', '600')
  res.statusCode = 204
  res.end()
  return true
}
