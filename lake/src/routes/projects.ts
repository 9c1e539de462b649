// Project and dataset management: list, create (PUT) and delete datasets.
import {requireRead, requireWrite} from '../auth.ts'
import {sendJson, type RequestContext} from '../http/context.ts'
import {notFound} from '../http/errors.ts'

function checkProject(ctx: RequestContext): void {
  const projectId = ctx.params.projectId
  if (projectId !== undefined && projectId !== ctx.lake.projectId) throw notFound(`Project "${projectId}" not found`, 'projectNotFoundError')
}

export function listDatasets(ctx: RequestContext): void {
  checkProject(ctx)
  // Add-on datasets (comments) do not exist here; an empty list turns those features off.
  if (ctx.query.get('datasetProfile') || ctx.query.get('addonFor')) return sendJson(ctx.res, 200, [])
  sendJson(
    ctx.res,
    200,
    ctx.lake.listDatasets().map((name) => ({name, aclMode: 'public', createdAt: null, createdByUserId: null, addonFor: null, datasetProfile: 'content', features: [], tags: []})),
  )
}

export function createDataset(ctx: RequestContext): void {
  checkProject(ctx)
  requireWrite(ctx.principal, 'Creating a dataset')
  const name = ctx.params.name ?? ''
  ctx.lake.createDataset(name)
  sendJson(ctx.res, 200, {datasetName: name, aclMode: 'public'})
}

export async function deleteDataset(ctx: RequestContext): Promise<void> {
  checkProject(ctx)
  requireWrite(ctx.principal, 'Deleting a dataset')
  await ctx.lake.deleteDataset(ctx.params.name ?? '')
  sendJson(ctx.res, 200, {deleted: true})
}

export function getProject(ctx: RequestContext): void {
  checkProject(ctx)
  requireRead(ctx.principal, 'Reading the project')
  const member = {id: ctx.principal.identity, role: 'administrator', roles: [{name: 'administrator', title: 'Administrator'}], isCurrentUser: true, isRobot: false}
  sendJson(ctx.res, 200, {
    id: ctx.lake.projectId,
    displayName: ctx.lake.projectId,
    studioHost: null,
    organizationId: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    metadata: {},
    maxRetentionDays: 3650,
    activityFeedEnabled: false,
    createdAt: '2026-01-01T00:00:00Z',
    members: [member],
    features: [],
  })
}
