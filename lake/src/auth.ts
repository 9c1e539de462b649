// Bearer tokens from the config: read tokens see every document, write tokens may also write.
// Without a token a request reads as hosted lets it: root-path documents (no `.` in the id) of a
// public dataset, nothing of a private one, and it may not write.
import type {IncomingHttpHeaders} from 'node:http'
import type {AclMode, LakeConfig, Role} from './config.ts'
import {forbidden, unauthorized} from './errors.ts'
import type {Lake} from './lake.ts'
import {isRootPath} from './query/store.ts'
import type {ReadScope} from './types.ts'

export interface Principal {
  /** `none`: anonymous, root-path documents of public datasets only. */
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

/** What a request may read in one of the lake's datasets. */
export function datasetScope(ctx: {principal: Principal; lake: Lake}, dataset: string): ReadScope {
  return readScope(ctx.principal, ctx.lake.aclMode(dataset))
}

/** What a principal may read in a dataset with this ACL mode (hosted's fixed rules). */
export function readScope(principal: Principal, aclMode: AclMode): ReadScope {
  if (principal.role !== 'none') return 'all'
  return aclMode === 'private' ? 'none' : 'rootPaths'
}

export function canRead(scope: ReadScope, id: string): boolean {
  return scope === 'all' || (scope === 'rootPaths' && isRootPath(id))
}
