// Project and dataset management: list, get, create (PUT), edit (PATCH) and delete datasets.
// A dataset's `aclMode` is `public` or `private`, as hosted (`custom` needs hosted's roles).
import {requireRead, requireWrite} from '../auth.ts'
import {ACL_MODES, type AclMode} from '../config.ts'
import {readBody} from '../http/body.ts'
import {isPlainObject} from '../json.ts'
import {sendJson, type RequestContext} from '../http/context.ts'
import {badRequest, notFound} from '../errors.ts'

function checkProject(ctx: RequestContext): void {
  const projectId = ctx.params.projectId
  if (projectId !== undefined && projectId !== ctx.lake.projectId)
    throw notFound(`Project "${projectId}" not found`, 'projectNotFoundError')
}

export function listDatasets(ctx: RequestContext): void {
  checkProject(ctx)
  // Add-on datasets (comments) do not exist here; an empty list turns those features off.
  if (ctx.query.get('datasetProfile') || ctx.query.get('addonFor')) return sendJson(ctx.res, 200, [])
  sendJson(
    ctx.res,
    200,
    ctx.lake.listDatasets().map((name) => datasetInfo(ctx, name)),
  )
}

export function getDataset(ctx: RequestContext): void {
  checkProject(ctx)
  const name = ctx.params.name ?? ''
  ctx.lake.dataset(name)
  sendJson(ctx.res, 200, datasetInfo(ctx, name))
}

function datasetInfo(ctx: RequestContext, name: string) {
  return {
    name,
    aclMode: ctx.lake.aclMode(name),
    createdAt: null,
    createdByUserId: null,
    addonFor: null,
    datasetProfile: 'content',
    features: [],
    tags: [],
  }
}

export async function createDataset(ctx: RequestContext): Promise<void> {
  checkProject(ctx)
  requireWrite(ctx.principal, 'Creating a dataset')
  const name = ctx.params.name ?? ''
  const aclMode = await aclModeFromBody(ctx)
  ctx.lake.createDataset(name, aclMode)
  sendJson(ctx.res, 200, {datasetName: name, aclMode: ctx.lake.aclMode(name), description: null})
}

export async function editDataset(ctx: RequestContext): Promise<void> {
  checkProject(ctx)
  requireWrite(ctx.principal, 'Editing a dataset')
  const name = ctx.params.name ?? ''
  ctx.lake.dataset(name)
  const aclMode = await aclModeFromBody(ctx)
  if (aclMode) ctx.lake.setAclMode(name, aclMode)
  sendJson(ctx.res, 200, {datasetName: name, aclMode: ctx.lake.aclMode(name), description: null})
}

/** `{aclMode}` from an optional JSON body (the client sends none without options). */
async function aclModeFromBody(ctx: RequestContext): Promise<AclMode | undefined> {
  const text = (await readBody(ctx.req, 64 * 1024)).toString('utf8').trim()
  if (text === '') return undefined
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (err) {
    throw badRequest(`Request body is not valid JSON: ${(err as Error).message}`, 'invalidJsonError')
  }
  if (!isPlainObject(body)) throw badRequest('Request body must be a JSON object like {"aclMode": "private"}')
  const {aclMode} = body
  if (aclMode === undefined) return undefined
  if (!ACL_MODES.includes(aclMode as AclMode)) {
    throw badRequest(
      `aclMode must be "public" or "private", got ${JSON.stringify(aclMode)}${aclMode === 'custom' ? ' (custom access needs hosted roles)' : ''}`,
      'invalidAclModeError',
    )
  }
  return aclMode as AclMode
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
  const member = {
    id: ctx.principal.identity,
    role: 'administrator',
    roles: [{name: 'administrator', title: 'Administrator'}],
    isCurrentUser: true,
    isRobot: false,
  }
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
