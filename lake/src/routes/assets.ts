// POST /assets/images/:dataset and /assets/files/:dataset (raw bytes in the body), and the bytes
// served back at /images/:projectId/:dataset/<file> and /files/... (no version prefix).
import * as fs from 'node:fs'
import {requireWrite} from '../auth.ts'
import {assetChecksums, assetFile, imageMetadataFor, mimeTypeForFile, storeAsset, type AssetKind} from '../assets.ts'
import {readBody} from '../http/body.ts'
import {sendJson, type RequestContext} from '../http/context.ts'
import {badRequest, notFound} from '../errors.ts'
import {imageCacheDir, transformedImage} from '../images/cache.ts'
import {outputFormat, parseImageParams, type ImageParams} from '../images/params.ts'
import {FORMAT_MIME, unreadable} from '../images/transform.ts'

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
    if (sourceName)
      fields.source = {name: sourceName, id: ctx.query.get('sourceId') ?? undefined, url: ctx.query.get('sourceUrl') ?? undefined}
    const imageMetadata = kind === 'image' ? await imageMetadataFor(bytes) : null
    const assets = {assetsDir: ctx.lake.assetsDir, projectId: ctx.lake.projectId, dataset: dataset.name, baseUrl: ctx.baseUrl}
    const {transaction, result} = await dataset.transact(
      (draft) =>
        storeAsset(draft, assets, {
          kind,
          bytes,
          filename,
          mimeType: typeof contentType === 'string' ? contentType : undefined,
          fields,
          imageMetadata,
        }),
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
  const params = ctx.path.startsWith('/images/') ? parseImageParams(ctx.query) : null
  if (params) return sendTransformed(ctx, path, dataset ?? '', file ?? '', params)
  const stat = fs.statSync(path)
  const {sha1, md5} = await assetChecksums(path)
  ctx.res.statusCode = 200
  ctx.res.setHeader('x-sanity-sha1', sha1)
  ctx.res.setHeader('x-sanity-md5', md5)
  ctx.res.setHeader('content-type', mimeTypeForFile(path))
  ctx.res.setHeader('content-length', stat.size)
  // Content-addressed: the bytes behind a name never change.
  ctx.res.setHeader('cache-control', 'public, max-age=31536000, immutable')
  setDownload(ctx, file ?? '')
  if (ctx.method === 'HEAD') {
    ctx.res.end()
    return
  }
  fs.createReadStream(path).pipe(ctx.res as NodeJS.WritableStream)
}

/** An image with CDN parameters: rendered once, then served from the disk cache. */
async function sendTransformed(ctx: RequestContext, source: string, dataset: string, fileName: string, params: ImageParams): Promise<void> {
  const accept = ctx.req.headers.accept
  const format = outputFormat(params, source.slice(source.lastIndexOf('.') + 1), typeof accept === 'string' ? accept : undefined)
  let result: Awaited<ReturnType<typeof transformedImage>>
  try {
    result = await transformedImage(imageCacheDir(ctx.lake.dataDir, dataset), source, params, format)
  } catch (err) {
    throw unreadable(err)
  }
  const {file, outcome} = result
  const stat = fs.statSync(file)
  ctx.res.statusCode = 200
  ctx.res.setHeader('content-type', FORMAT_MIME[format])
  // The lake's own header: whether this answer cost a render (miss), was cached (hit) or joined one in flight (shared).
  ctx.res.setHeader('x-lake-image-cache', outcome)
  ctx.res.setHeader('content-length', stat.size)
  ctx.res.setHeader('cache-control', 'public, max-age=31536000, immutable')
  setDownload(ctx, fileName)
  // auto=format answers differ by Accept: shared caches must key on it.
  if (params.autoFormat && !params.fm) ctx.res.setHeader('vary', 'Accept')
  if (ctx.method === 'HEAD') {
    ctx.res.end()
    return
  }
  fs.createReadStream(file).pipe(ctx.res as NodeJS.WritableStream)
}

/** `?dl=` (image-url's forceDownload): an attachment, named by the value or else the stored file. */
function setDownload(ctx: RequestContext, storedName: string): void {
  const dl = ctx.query.get('dl')
  if (dl === null) return
  // Header-safe: printable ASCII only, no quotes or backslashes.
  const name = (dl || storedName).replace(/[^\x20-\x7e]|["\\]/g, '_')
  ctx.res.setHeader('content-disposition', `attachment; filename="${name}"`)
}
