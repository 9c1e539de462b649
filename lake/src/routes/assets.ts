// POST /assets/images/:dataset and /assets/files/:dataset (raw bytes in the body), and the bytes
// served back at /images/:projectId/:dataset/<file> and /files/... (no version prefix).
import * as fs from 'node:fs'
import {requireWrite} from '../auth.ts'
import {assetChecksums, assetFile, mimeTypeForFile, storeAsset, type AssetKind} from '../assets.ts'
import {readBody} from '../http/body.ts'
import {sendJson, type RequestContext} from '../http/context.ts'
import {badRequest, notFound} from '../errors.ts'

export function assetUpload(kind: AssetKind) {
  return async (ctx: RequestContext): Promise<void> => {
    requireWrite(ctx.principal, 'Uploading assets')
    const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
    const bytes = await readBody(ctx.req, ctx.bodyLimit)
    if (bytes.length === 0) throw badRequest('Asset upload body is empty; send the file bytes as the body', 'invalidAssetError')
    const filename = ctx.query.get('filename') ?? undefined
    const contentType = ctx.req.headers['content-type']
    const fields: Record<string, unknown> = {}
    for (const name of ['label', 'title', 'description', 'creditLine']) {
      const value = ctx.query.get(name)
      if (value) fields[name] = value
    }
    const sourceName = ctx.query.get('sourceName')
    if (sourceName) fields.source = {name: sourceName, id: ctx.query.get('sourceId') ?? undefined, url: ctx.query.get('sourceUrl') ?? undefined}
    const assets = {assetsDir: ctx.lake.assetsDir, projectId: ctx.lake.projectId, dataset: dataset.name, baseUrl: ctx.baseUrl}
    const {transaction, result} = await dataset.transact(
      (draft) => storeAsset(draft, assets, {kind, bytes, filename, mimeType: typeof contentType === 'string' ? contentType : undefined, fields}),
      {identity: ctx.principal.identity, request: [{upload: {kind, filename: filename ?? null}}]},
    )
    const stored = transaction.changes.find((c) => c.id === result._id)?.document ?? dataset.get(result._id) ?? result
    sendJson(ctx.res, 200, {document: stored})
  }
}

export async function assetDownload(ctx: RequestContext): Promise<void> {
  const {projectId, dataset, file} = ctx.params
  if (projectId !== ctx.lake.projectId || !ctx.lake.hasDataset(dataset ?? '')) throw notFound('Asset not found')
  const path = assetFile(ctx.lake.assetsDir, dataset ?? '', file ?? '')
  if (!path) throw notFound(`Asset "${file}" not found`)
  const stat = fs.statSync(path)
  const {sha1, md5} = await assetChecksums(path)
  ctx.res.statusCode = 200
  ctx.res.setHeader('x-sanity-sha1', sha1)
  ctx.res.setHeader('x-sanity-md5', md5)
  ctx.res.setHeader('content-type', mimeTypeForFile(path))
  ctx.res.setHeader('content-length', stat.size)
  // Content-addressed: the bytes behind a name never change.
  ctx.res.setHeader('cache-control', 'public, max-age=31536000, immutable')
  if (ctx.method === 'HEAD') {
    ctx.res.end()
    return
  }
  fs.createReadStream(path).pipe(ctx.res as NodeJS.WritableStream)
}
