// Lake-only: POST /data/import/:dataset (NDJSON, one all-or-nothing transaction) and
// GET /data/export/:dataset (NDJSON, Sanity's export format: one document per line), streamed from
// the documents' stored text.
import {pipeline, Readable} from 'node:stream'
import {canRead, datasetScope, requireWrite} from '../auth.ts'
import {readBody} from '../http/body.ts'
import {queryFlag, sendJson, type RequestContext} from '../http/context.ts'
import {importDocuments, parseNdjson} from '../ndjson-import.ts'
import type {Lake} from '../lake.ts'
import type {CapturedDocuments} from '../store/documents.ts'
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
  const documents = dataset.capture()
  const keep = (id: string) =>
    (scope === 'all' || canRead(scope, id)) && (!types?.length || types.includes(documents.get(id)?._type as string))
  ctx.res.statusCode = 200
  ctx.res.setHeader('content-type', 'application/x-ndjson; charset=utf-8')
  pipeline(Readable.from(exportNdjson(documents, keep)), ctx.res, (err) => {
    // A client that goes away mid-export is no failure of the lake.
    if (err && (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('[lake] export failed:', err)
  })
}

const EXPORT_CHUNK_BYTES = 64 * 1024
const NEWLINE = Buffer.from('\n')

/** The documents `keep` keeps as NDJSON in `_id` order, each line its stored text as is, in chunks of about 64 KB. */
export function* exportNdjson(documents: CapturedDocuments, keep: (id: string) => boolean = () => true): Generator<Buffer> {
  const ids = [...documents.ids()].sort()
  let part: Buffer[] = []
  let bytes = 0
  for (const id of ids) {
    if (!keep(id)) continue
    const text = documents.text(id)!
    const line = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
    part.push(line, NEWLINE)
    bytes += line.length + 1
    if (bytes >= EXPORT_CHUNK_BYTES) {
      yield Buffer.concat(part)
      part = []
      bytes = 0
    }
  }
  if (part.length > 0) yield Buffer.concat(part)
}
