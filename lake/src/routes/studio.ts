// The identity and project endpoints the Studio calls while booting (protocol notes 4.1). The
// lake has one local user per token; permissions follow the token's role.
import {datasetScope} from '../auth.ts'
import {sendJson, type RequestContext} from '../http/context.ts'
import type {Router} from '../http/router.ts'

const ROLES = [{name: 'administrator', title: 'Administrator'}]

export function currentUser(ctx: RequestContext): void {
  const {principal} = ctx
  // Hosted answers {} for anonymous requests: the Studio then shows its login screen.
  if (principal.role === 'none') return sendJson(ctx.res, 200, {})
  sendJson(ctx.res, 200, {
    id: principal.identity,
    name: principal.identity === 'p-local-user' ? 'Local Dev' : principal.identity,
    email: `${principal.identity}@localhost`,
    profileImage: null,
    provider: 'local',
    role: principal.role === 'write' ? 'administrator' : 'viewer',
    roles: principal.role === 'write' ? ROLES : [{name: 'viewer', title: 'Viewer'}],
  })
}

/**
 * `GET /users/:ids` (comma-separated): the Studio shows the authors of transactions. The lake's
 * users are its identities (token names, `seed`, `p-local-user`), so any id is a user of that name.
 */
export function users(ctx: RequestContext): void {
  const ids = (ctx.params.ids ?? '').split(',').filter(Boolean)
  const user = (id: string) => ({
    id,
    displayName: id === 'p-local-user' ? 'Local Dev' : id,
    givenName: null,
    middleName: null,
    familyName: null,
    imageUrl: null,
    isCurrentUser: id === ctx.principal.identity,
  })
  sendJson(ctx.res, 200, ids.length === 1 ? user(ids[0]!) : ids.map(user))
}

export function datasetAcl(ctx: RequestContext): void {
  const name = ctx.params.dataset ?? ''
  ctx.lake.dataset(name)
  // Without a token: root-path documents of a public dataset, nothing of a private one.
  if (datasetScope(ctx, name) === 'none') return sendJson(ctx.res, 200, [])
  const role = ctx.principal.role
  const permissions = role === 'write' ? ['read', 'create', 'history', 'update'] : role === 'read' ? ['read', 'history'] : []
  const filter = role === 'none' ? '_id in path("*")' : '_id in path("**")'
  sendJson(ctx.res, 200, role === 'none' ? [{filter, permissions: ['read']}] : [{filter, permissions}])
}

export function addStudioRoutes(router: Router): Router {
  const json = (body: unknown) => (ctx: RequestContext) => sendJson(ctx.res, 200, body)
  return (
    router
      .add('GET', '/users/me', currentUser)
      .add('GET', '/users/:ids', users)
      .add('GET', '/projects/:projectId/datasets/:dataset/acl', datasetAcl)
      .add(
        'GET',
        '/projects/:projectId/grants',
        json({'sanity.project': [{grants: [{name: 'read'}]}], 'sanity.project.members': [{grants: [{name: 'read'}]}]}),
      )
      .add('GET', '/projects/:projectId/user-applications', json([]))
      .add('GET', '/features', json([]))
      .add('GET', '/journey/:rest*', json({}))
      .add('GET', '/users/me/keyvalue/:keys', json([]))
      .add('GET', '/schedules/:projectId/:dataset', json({schedules: []}))
      .add('GET', '/help', json({}))
      // Cross-dataset references to a document (asked before unpublish/delete): the lake has none.
      .add('GET', '/data/references/:dataset/documents/:id/to', (ctx) => {
        ctx.lake.dataset(ctx.params.dataset ?? '')
        sendJson(ctx.res, 200, {totalCount: 0, references: []})
      })
      .add('GET', '/intake/telemetry-status', json({status: 'denied'}))
  )
}
