// Bearer tokens from the config: read tokens see drafts and raw, write tokens may also write.
// Without a token a request sees published documents only and may not write.
import type {IncomingHttpHeaders} from 'node:http'
import type {LakeConfig, Role} from './config.ts'
import {forbidden, unauthorized} from './http/errors.ts'

export interface Principal {
  /** `none`: anonymous, published documents only. */
  role: 'none' | Role
  identity: string
  authenticated: boolean
}

export const ANONYMOUS_IDENTITY = 'anonymous'

export function authenticate(headers: IncomingHttpHeaders, query: URLSearchParams, config: LakeConfig): Principal {
  const header = headers.authorization
  let token: string | undefined
  if (typeof header === 'string' && header.length > 0) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim())
    if (!match) throw unauthorized('Authorization header must be "Bearer <token>"')
    token = match[1]
  } else {
    // EventSource in browsers cannot send headers; the hosted API accepts the token as a param too.
    token = query.get('token') ?? undefined
  }
  if (token === undefined) {
    const role = config.anonymousRole
    return {role, identity: role === 'none' ? ANONYMOUS_IDENTITY : 'p-local-user', authenticated: role !== 'none'}
  }
  const entry = config.tokens.find((t) => t.token === token)
  if (!entry) throw unauthorized('Session not found: the token is not valid for this lake')
  return {role: entry.role, identity: entry.name ?? 'p-local-user', authenticated: true}
}

export function requireRead(principal: Principal, what: string): void {
  if (principal.role === 'none') throw unauthorized(`${what} requires a token with read access`)
}

export function requireWrite(principal: Principal, what: string): void {
  if (principal.role === 'none') throw unauthorized(`${what} requires a token with write access`)
  if (principal.role !== 'write') throw forbidden(`${what} requires a token with write access; this token can only read`)
}

/** Anonymous readers see published documents only: no drafts, no versions. */
export function canSeeDocument(principal: Principal, id: string): boolean {
  if (principal.role !== 'none') return true
  return !id.startsWith('drafts.') && !id.startsWith('versions.')
}
