// GET /data/doc/:dataset/:ids: documents by id, {documents, omitted}.
import {canRead, datasetScope} from '../auth.ts'
import {sendJson, type RequestContext} from '../http/context.ts'
import {badRequest} from '../errors.ts'

export function handleDoc(ctx: RequestContext): void {
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const ids = (ctx.params.ids ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  if (ids.length === 0) throw badRequest('Give one or more document ids, separated by commas')
  const scope = datasetScope(ctx, dataset.name)
  const documents: unknown[] = []
  const omitted: Array<{id: string; reason: string}> = []
  for (const id of ids) {
    // As hosted: a document the request may not read is omitted for permission, whether or not it exists.
    if (!canRead(scope, id)) {
      omitted.push({id, reason: 'permission'})
      continue
    }
    const doc = dataset.get(id)
    if (doc) documents.push(doc)
    else omitted.push({id, reason: 'existence'})
  }
  sendJson(ctx.res, 200, {documents, omitted})
}
