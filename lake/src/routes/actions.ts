// POST /data/actions/:dataset: document actions over the `drafts.` id convention, applied as one
// transaction. The client's `transactionId` becomes the transaction id and the new `_rev`.
import {requireWrite} from '../auth.ts'
import {readJson} from '../http/body.ts'
import {isPlainObject} from '../json.ts'
import {queryFlag, sendJson, type RequestContext} from '../http/context.ts'
import {badRequest, HttpError} from '../errors.ts'
import {draftId as toDraftId, isDraftId, isVersionId, publishedId as toPublishedId, validateId} from '../mutations/ids.ts'
import {applyPatch, validatePatch} from '../mutations/patch.ts'
import type {TransactionDraft} from '../mutations/transaction.ts'
import {optionalTransactionId} from './mutate.ts'
import type {SanityDocument} from '../types.ts'

const PREFIX = 'sanity.action.document.'

const conflict = (index: number, description: string) =>
  new HttpError(409, 'actionError', `Action ${index} failed: ${description}`, {
    items: [{error: {description, type: 'conflictError'}, index}],
  })

export async function handleActions(ctx: RequestContext): Promise<void> {
  requireWrite(ctx.principal, 'Running document actions')
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const body = await readJson(ctx.req, ctx.bodyLimit)
  if (!isPlainObject(body)) throw badRequest('Request body must be a JSON object like {"actions": [...]}')
  const actions = Array.isArray(body.actions) ? body.actions : isPlainObject(body.actions) ? [body.actions] : null
  if (!actions || actions.length === 0) throw badRequest('"actions" must be a non-empty array of actions', 'invalidActionError')
  const transactionId = optionalTransactionId(body.transactionId)
  const {transaction} = await dataset.transact(
    (draft) => {
      actions.forEach((action, index) => applyAction(draft, action, index))
    },
    {
      transactionId,
      identity: ctx.principal.identity,
      request: actions,
      dryRun: body.dryRun === true || queryFlag(ctx.query, 'dryRun', false),
    },
  )
  sendJson(ctx.res, 200, {transactionId: transaction.id})
}

function str(action: Record<string, unknown>, field: string, index: number): string {
  return validateId(action[field], `actions[${index}].${field}`)
}

function applyAction(draft: TransactionDraft, action: unknown, index: number): void {
  const where = `actions[${index}]`
  if (!isPlainObject(action) || typeof action.actionType !== 'string') {
    throw badRequest(`${where} must be an object with an "actionType"`, 'invalidActionError')
  }
  const type = action.actionType.startsWith(PREFIX) ? action.actionType.slice(PREFIX.length) : action.actionType
  switch (type) {
    case 'create': {
      const attributes = action.attributes
      if (!isPlainObject(attributes) || typeof attributes._type !== 'string') {
        throw badRequest(`${where}.attributes must be a document with a "_type"`, 'invalidActionError')
      }
      const publishedId = str(action, 'publishedId', index)
      const id =
        typeof attributes._id === 'string' && attributes._id
          ? validateId(attributes._id, `${where}.attributes._id`)
          : toDraftId(publishedId)
      if (!isDraftId(id) && !isVersionId(id))
        throw badRequest(`${where}: create makes drafts or versions; "${id}" is neither`, 'invalidActionError')
      if (toPublishedId(id) !== publishedId)
        throw badRequest(`${where}: attributes._id "${id}" is not a version of "${publishedId}"`, 'invalidActionError')
      if (draft.get(id)) {
        if (action.ifExists === 'ignore') return
        throw conflict(index, `Document "${id}" already exists`)
      }
      // A draft is created only for a document that is not published yet (edit covers the rest).
      if (isDraftId(id) && draft.get(publishedId)) throw conflict(index, `Document "${publishedId}" is already published; edit it instead`)
      const {_rev: _r, _createdAt: _c, _updatedAt: _u, ...rest} = attributes
      const doc = {...rest, _id: id} as SanityDocument
      draft.put(id, doc, {create: doc})
      return
    }
    case 'edit': {
      const draftId = str(action, 'draftId', index)
      const publishedId = str(action, 'publishedId', index)
      if (!isPlainObject(action.patch)) throw badRequest(`${where}.patch must be an object of patch operations`, 'invalidActionError')
      validatePatch(action.patch, `${where}.patch`)
      let current = draft.get(draftId)
      if (!current) {
        const published = draft.get(publishedId)
        if (!published) throw conflict(index, `Cannot edit "${publishedId}": neither a draft nor a published document exists`)
        current = {...published, _id: draftId}
        draft.put(draftId, current, {createIfNotExists: current})
      }
      draft.put(draftId, applyPatch(current, action.patch, `${where}.patch`), {patch: {...action.patch, id: draftId}})
      return
    }
    case 'publish': {
      const draftId = str(action, 'draftId', index)
      const publishedId = str(action, 'publishedId', index)
      const source = draft.get(draftId)
      if (!source) throw conflict(index, `Cannot publish "${publishedId}": there is no draft "${draftId}"`)
      const published = draft.get(publishedId)
      if (action.ifDraftRevisionId !== undefined && action.ifDraftRevisionId !== source._rev) {
        throw conflict(index, `Draft "${draftId}" has revision "${source._rev}", expected "${String(action.ifDraftRevisionId)}"`)
      }
      if (action.ifPublishedRevisionId !== undefined && action.ifPublishedRevisionId !== (published?._rev ?? null)) {
        throw conflict(
          index,
          `Published document "${publishedId}" has revision "${published?._rev ?? 'none'}", expected "${String(action.ifPublishedRevisionId)}"`,
        )
      }
      const doc = {...source, _id: publishedId, _createdAt: published?._createdAt ?? source._createdAt}
      draft.put(publishedId, doc, {createOrReplace: doc})
      draft.put(draftId, null, {delete: {id: draftId}})
      return
    }
    case 'unpublish': {
      const draftId = str(action, 'draftId', index)
      const publishedId = str(action, 'publishedId', index)
      const published = draft.get(publishedId)
      if (!published) throw conflict(index, `Cannot unpublish "${publishedId}": it is not published`)
      if (!draft.get(draftId)) {
        const copy = {...published, _id: draftId}
        draft.put(draftId, copy, {createIfNotExists: copy})
      }
      draft.put(publishedId, null, {delete: {id: publishedId}})
      return
    }
    case 'discard': {
      const draftId = str(action, 'draftId', index)
      if (!draft.get(draftId)) throw conflict(index, `Cannot discard "${draftId}": the draft does not exist`)
      draft.put(draftId, null, {delete: {id: draftId}})
      return
    }
    case 'version.discard': {
      // What the Studio's "Discard changes" sends (6.x): delete one draft or release version.
      const versionId = str(action, 'versionId', index)
      if (!isDraftId(versionId) && !isVersionId(versionId))
        throw badRequest(`${where}.versionId "${versionId}" is not a draft or version id`, 'invalidActionError')
      if (!draft.get(versionId)) throw conflict(index, `Cannot discard "${versionId}": it does not exist`)
      draft.put(versionId, null, {delete: {id: versionId}})
      return
    }
    case 'delete': {
      const publishedId = str(action, 'publishedId', index)
      const drafts = Array.isArray(action.includeDrafts) ? action.includeDrafts : []
      const ids = [publishedId, toDraftId(publishedId), ...drafts.map((d, i) => validateId(d, `${where}.includeDrafts[${i}]`))]
      if (!ids.some((id) => draft.get(id))) throw conflict(index, `Cannot delete "${publishedId}": no such document`)
      for (const id of new Set(ids)) if (draft.get(id)) draft.put(id, null, {delete: {id}})
      return
    }
    case 'replaceDraft': {
      const publishedId = str(action, 'publishedId', index)
      const attributes = action.attributes
      if (!isPlainObject(attributes) || typeof attributes._type !== 'string') {
        throw badRequest(`${where}.attributes must be a document with a "_type"`, 'invalidActionError')
      }
      const draftId = typeof attributes._id === 'string' ? validateId(attributes._id, `${where}.attributes._id`) : toDraftId(publishedId)
      if (!draft.get(draftId) && !draft.get(publishedId))
        throw conflict(index, `Cannot replace the draft of "${publishedId}": neither a draft nor a published document exists`)
      const {_rev: _r, _updatedAt: _u, ...rest} = attributes
      const doc = {...rest, _id: draftId} as SanityDocument
      draft.put(draftId, doc, {createOrReplace: doc})
      return
    }
    default:
      throw badRequest(
        `${where}: unknown actionType "${action.actionType}"; supported: ${['create', 'edit', 'publish', 'unpublish', 'discard', 'version.discard', 'delete', 'replaceDraft'].map((t) => PREFIX + t).join(', ')}`,
        'invalidActionError',
      )
  }
}
