// Lake-only: POST /data/import/:dataset (NDJSON, one all-or-nothing transaction) and
// GET /data/export/:dataset (NDJSON, Sanity's export format: one document per line).
import {canRead, datasetScope, requireWrite} from '../auth.ts'
import {readBody} from '../http/body.ts'
import {queryFlag, sendJson, type RequestContext} from '../http/context.ts'
import {importDocuments, parseNdjson} from '../ndjson-import.ts'
import type {Lake} from '../lake.ts'
import type {SanityDocument} from '../types.ts'

export async function handleImport(ctx: RequestContext): Promise<void> {
  requireWrite(ctx.principal, 'Importing documents')
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const docs = await parseNdjson((await readBody(ctx.req, ctx.bodyLimit)).toString('utf8'))
  const result = await importInto(ctx.lake, dataset.name, docs, {
    verbatim: queryFlag(ctx.query, 'verbatim', false),
    baseDir: null,
    baseUrl: ctx.baseUrl,
    identity: ctx.principal.identity,
  })
  sendJson(ctx.res, 200, result)
}

export async function importInto(
  lake: Lake,
  datasetName: string,
  docs: SanityDocument[],
  options: {verbatim: boolean; baseDir: string | null; baseUrl: string; identity: string},
): Promise<{transactionId: string; documentCount: number}> {
  const dataset = lake.dataset(datasetName)
  const assets = {assetsDir: lake.assetsDir, projectId: lake.projectId, dataset: dataset.name, baseUrl: options.baseUrl}
  const {transaction, result} = await dataset.transact(
    (draft) => {
      draft.systemFields = options.verbatim ? 'verbatim' : 'fill'
      return importDocuments(draft, docs, assets, options.baseDir)
    },
    {identity: options.identity, request: [{import: {documentCount: docs.length}}]},
  )
  // A large import would make the next start replay a huge log line; snapshot right away.
  if (docs.length >= 1000) void dataset.snapshot()
  return {transactionId: transaction.id, documentCount: result}
}

/** As hosted: every document the request may read (without a token: the root-path ones of a public dataset). */
export function handleExport(ctx: RequestContext): void {
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const scope = datasetScope(ctx, dataset.name)
  // `types=a,b` (as hosted, and as @sanity/export sends its `types` option): only those `_type`s.
  const types = ctx.query
    .get('types')
    ?.split(',')
    .filter((type) => type !== '')
  const documents = [...dataset.documents.values()].filter(
    (doc) => (scope === 'all' || canRead(scope, doc._id)) && (!types?.length || types.includes(doc._type)),
  )
  ctx.res.statusCode = 200
  ctx.res.setHeader('content-type', 'application/x-ndjson; charset=utf-8')
  ctx.res.end(exportNdjson(documents))
}

export function exportNdjson(documents: Iterable<SanityDocument>): string {
  const docs = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  return docs.map((doc) => `${JSON.stringify(doc)}\n`).join('')
}
