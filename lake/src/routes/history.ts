// History, derived from the transaction log:
// - GET /data/history/:ds/documents/:id?revision=<rev>: the document as it was at a revision;
// - GET /data/history/:ds/transactions/:ids: NDJSON, one transaction per line, with mendoza
//   whole-document effects per document;
// - GET /data/history/:ds/events/documents/:id: document events (created, published, ...) for
//   the Studio's footer and timeline, newest first.
import {canRead, datasetScope, requireRead} from '../auth.ts'
import {queryFlag, sendJson, type RequestContext} from '../http/context.ts'
import {badRequest} from '../errors.ts'
import {draftId as toDraftId, publishedId as toPublishedId} from '../mutations/ids.ts'
import type {LoggedTransaction} from '../store/txlog.ts'
import type {SanityDocument} from '../types.ts'

export function handleHistoryDocument(ctx: RequestContext): void {
  requireRead(ctx.principal, 'Document history')
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const id = ctx.params.id ?? ''
  const revision = ctx.query.get('revision')
  if (!revision) throw badRequest('Give the revision to fetch: ?revision=<_rev>', 'invalidParameterError')
  const doc = canRead(datasetScope(ctx, dataset.name), id) ? dataset.documentAtRevision(id, revision) : null
  sendJson(ctx.res, 200, {documents: doc ? [doc] : []})
}

interface Step {
  transaction: LoggedTransaction
  /** For each document the transaction touched: its state before and after. */
  states: Map<string, {before: SanityDocument | null; after: SanityDocument | null}>
}

/** The transactions touching `ids`, oldest first, each with before/after states of its documents. */
function steps(transactions: LoggedTransaction[]): Step[] {
  const last = new Map<string, SanityDocument | null>()
  return transactions.map((transaction) => {
    const states = new Map<string, {before: SanityDocument | null; after: SanityDocument | null}>()
    for (const change of transaction.changes) {
      states.set(change.id, {before: last.get(change.id) ?? null, after: change.doc})
      last.set(change.id, change.doc)
    }
    return {transaction, states}
  })
}

function withoutRev(doc: SanityDocument | null): Record<string, unknown> | null {
  if (!doc) return null
  const {_rev: _omit, ...rest} = doc
  return rest
}

function limitParam(ctx: RequestContext, fallback: number): number {
  const raw = ctx.query.get('limit')
  if (raw === null || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw badRequest(`"limit" must be a positive integer, got "${raw}"`, 'invalidParameterError')
  return n
}

export function handleHistoryTransactions(ctx: RequestContext): void {
  requireRead(ctx.principal, 'Document history')
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const scope = datasetScope(ctx, dataset.name)
  const ids = (ctx.params.ids ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((id) => id && canRead(scope, id))
  const wanted = new Set(ids)
  const onlyIdentified = queryFlag(ctx.query, 'includeIdentifiedDocumentsOnly', false)
  const excludeContent = queryFlag(ctx.query, 'excludeContent', false)
  const mendoza = ctx.query.get('effectFormat') === 'mendoza'
  let list = steps(dataset.transactionsTouching(ids))
  const from = ctx.query.get('fromTransaction')
  const to = ctx.query.get('toTransaction')
  if (from) {
    const i = list.findIndex((s) => s.transaction.id === from)
    if (i >= 0) list = list.slice(i)
  }
  if (to) {
    const i = list.findIndex((s) => s.transaction.id === to)
    if (i >= 0) list = list.slice(0, i + 1)
  }
  if (queryFlag(ctx.query, 'reverse', false)) list.reverse()
  list = list.slice(0, limitParam(ctx, 1000))
  const lines = list.map(({transaction, states}) => {
    const documentIDs = [...states.keys()].filter((id) => (onlyIdentified ? wanted.has(id) : canRead(scope, id)))
    const line: Record<string, unknown> = {id: transaction.id, timestamp: transaction.timestamp, author: transaction.identity, documentIDs}
    if (mendoza) {
      const effects: Record<string, unknown> = {}
      for (const id of documentIDs) {
        const state = states.get(id)
        if (state) effects[id] = {apply: [0, withoutRev(state.after)], revert: [0, withoutRev(state.before)]}
      }
      line.effects = effects
    }
    if (!excludeContent) line.mutations = transaction.mutations
    return `${JSON.stringify(line)}\n`
  })
  ctx.res.statusCode = 200
  ctx.res.setHeader('content-type', 'application/x-ndjson; charset=utf-8')
  ctx.res.end(lines.join(''))
}

export function handleHistoryEvents(ctx: RequestContext): void {
  requireRead(ctx.principal, 'Document history')
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const requested = ctx.params.id ?? ''
  const publishedId = toPublishedId(requested)
  const draftId = toDraftId(publishedId)
  const events: Array<Record<string, unknown>> = []
  for (const {transaction, states} of steps(dataset.transactionsTouching([publishedId, draftId]))) {
    const event = documentEvent(transaction, states.get(publishedId), states.get(draftId), publishedId, draftId)
    if (event) events.push(event)
  }
  events.reverse()
  sendJson(ctx.res, 200, {events: {[requested]: events.slice(0, limitParam(ctx, 100))}, nextCursor: ''})
}

type State = {before: SanityDocument | null; after: SanityDocument | null} | undefined

/** Names what one transaction did to a published/draft pair, in the Studio's event vocabulary. */
function documentEvent(
  transaction: LoggedTransaction,
  published: State,
  draft: State,
  publishedId: string,
  draftId: string,
): Record<string, unknown> | null {
  const base = {documentId: publishedId, timestamp: transaction.timestamp, author: transaction.identity}
  const publishedCreatedOrChanged = published?.after
  const draftGone = draft?.before && !draft.after
  if (publishedCreatedOrChanged && draftGone) {
    return {
      type: 'publishDocumentVersion',
      ...base,
      versionId: draftId,
      revisionId: transaction.id,
      versionRevisionId: draft.before?._rev,
      publishCause: 'document.publish',
    }
  }
  if (published?.before && !published.after) {
    if (draft && !draft.after && draft.before) return {type: 'deleteDocumentGroup', ...base}
    return {type: 'unpublishDocument', ...base, versionId: draftId, versionRevisionId: draft?.after?._rev}
  }
  if (draft && !draft.before && draft.after) {
    return {type: 'createDocumentVersion', ...base, versionId: draftId, versionRevisionId: transaction.id}
  }
  if (draft?.before && !draft.after)
    return {type: 'deleteDocumentVersion', ...base, versionId: draftId, versionRevisionId: draft.before._rev}
  if (draft?.after) {
    // The Studio's timeline reads `revisionId` and `transactions` of an edit (it merges runs of
    // edits itself); without `transactions` its history panel crashes.
    const edit = {type: 'editTransaction', author: transaction.identity, timestamp: transaction.timestamp, revisionId: transaction.id}
    return {
      type: 'editDocumentVersion',
      ...base,
      versionId: draftId,
      revisionId: transaction.id,
      versionRevisionId: transaction.id,
      contributors: [transaction.identity],
      transactions: [edit],
    }
  }
  // Written directly to the published id (liveEdit types, mutate API).
  if (published && !published.before && published.after) return {type: 'createLiveDocument', ...base, revisionId: transaction.id}
  if (published?.after) return {type: 'updateLiveDocument', ...base, revisionId: transaction.id}
  return null
}
