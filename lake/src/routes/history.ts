// GET /data/history/:dataset/documents/:id?revision=<rev>: a document as it was at a revision.
import {canSeeDocument, requireRead} from '../auth.ts'
import {sendJson, type RequestContext} from '../http/context.ts'
import {badRequest} from '../http/errors.ts'

export function handleHistoryDocument(ctx: RequestContext): void {
  requireRead(ctx.principal, 'Document history')
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const id = ctx.params.id ?? ''
  const revision = ctx.query.get('revision')
  if (!revision) throw badRequest('Give the revision to fetch: ?revision=<_rev>', 'invalidParameterError')
  const doc = canSeeDocument(ctx.principal, id) ? dataset.documentAtRevision(id, revision) : null
  sendJson(ctx.res, 200, {documents: doc ? [doc] : []})
}
