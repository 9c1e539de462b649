// The identity and project endpoints the Studio calls while booting (protocol notes 4.1). The
// lake has one local user per token; permissions follow the token's role.
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

export function datasetAcl(ctx: RequestContext): void {
  ctx.lake.dataset(ctx.params.dataset ?? '')
  const role = ctx.principal.role
  const permissions = role === 'write' ? ['read', 'create', 'history', 'update'] : role === 'read' ? ['read', 'history'] : []
  const filter = role === 'none' ? '_id in path("*")' : '_id in path("**")'
  sendJson(ctx.res, 200, role === 'none' ? [{filter, permissions: ['read']}] : [{filter, permissions}])
}

export function addStudioRoutes(router: Router): Router {
  const json = (body: unknown) => (ctx: RequestContext) => sendJson(ctx.res, 200, body)
  return router
    .add('GET', '/users/me', currentUser)
    .add('GET', '/projects/:projectId/datasets/:dataset/acl', datasetAcl)
    .add('GET', '/projects/:projectId/grants', json({'sanity.project': [{grants: [{name: 'read'}]}], 'sanity.project.members': [{grants: [{name: 'read'}]}]}))
    .add('GET', '/projects/:projectId/user-applications', json([]))
    .add('GET', '/features', json([]))
    .add('GET', '/journey/:rest*', json({}))
    .add('GET', '/users/me/keyvalue/:keys', json([]))
    .add('GET', '/schedules/:projectId/:dataset', json({schedules: []}))
    .add('GET', '/help', json({}))
    .add('GET', '/intake/telemetry-status', json({status: 'denied'}))
}
