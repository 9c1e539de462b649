// Assets: the bytes live under `<dataDir>/assets/<dataset>/`, named as the hosted CDN names them
// (`<sha1>-WxH.ext` for images, `<sha1>.ext` for files); the `sanity.imageAsset` /
// `sanity.fileAsset` document is written in the same transaction as whatever refers to it.
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {badRequest} from './errors.ts'
import {readImageInfo} from './image-size.ts'
import {computeImageMetadata, type ImageMetadata} from './images/metadata.ts'
import type {TransactionDraft} from './mutations/transaction.ts'
import type {SanityDocument} from './types.ts'

export type AssetKind = 'image' | 'file'

export interface AssetInput {
  kind: AssetKind
  bytes: Buffer
  filename?: string
  mimeType?: string
  /** Descriptive fields the upload request may carry (label, title, description, creditLine, source). */
  fields?: Record<string, unknown>
  /** For images: what `computeImageMetadata` found (lqip, blurHash, palette, alpha). */
  imageMetadata?: ImageMetadata | null
}

export interface AssetContext {
  assetsDir: string
  projectId: string
  dataset: string
  /** Base URL the bytes are served from, e.g. http://127.0.0.1:PORT (no project prefix). */
  baseUrl: string
}

const FILE_MIME: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  json: 'application/json',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
  svg: 'image/svg+xml',
}

/** Stores the bytes and puts the asset document into the draft (reusing an identical asset). */
export function storeAsset(draft: TransactionDraft, ctx: AssetContext, input: AssetInput): SanityDocument {
  const sha1 = createHash('sha1').update(input.bytes).digest('hex')
  let id: string
  let fileName: string
  let extension: string
  let mimeType: string
  let metadata: Record<string, unknown>
  if (input.kind === 'image') {
    const info = readImageInfo(input.bytes)
    if (!info)
      throw badRequest('Invalid image: could not read dimensions; supported formats are PNG, JPEG, GIF and WebP', 'invalidImageError')
    extension = info.extension
    mimeType = info.mimeType
    id = `image-${sha1}-${info.width}x${info.height}-${extension}`
    fileName = `${sha1}-${info.width}x${info.height}.${extension}`
    metadata = {
      _type: 'sanity.imageMetadata',
      ...input.imageMetadata,
      // The id's dimensions (from the file header) are the ones the document states.
      dimensions: {
        _type: 'sanity.imageDimensions',
        width: info.width,
        height: info.height,
        aspectRatio: info.height ? info.width / info.height : 0,
      },
      hasAlpha: input.imageMetadata?.hasAlpha ?? info.hasAlpha,
      isOpaque: input.imageMetadata?.isOpaque ?? !info.hasAlpha,
    }
  } else {
    extension = (path.extname(input.filename ?? '').slice(1) || 'bin').toLowerCase().replace(/[^a-z0-9]/g, '') || 'bin'
    mimeType = input.mimeType ?? FILE_MIME[extension] ?? 'application/octet-stream'
    id = `file-${sha1}-${extension}`
    fileName = `${sha1}.${extension}`
    metadata = {}
  }
  const existing = draft.get(id)
  if (existing) return existing
  const dir = path.join(ctx.assetsDir, ctx.dataset)
  fs.mkdirSync(dir, {recursive: true})
  const file = path.join(dir, fileName)
  if (!fs.existsSync(file)) {
    // Written (and synced) before the transaction that refers to it is logged.
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, input.bytes)
    const fd = fs.openSync(tmp, 'r')
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fs.renameSync(tmp, file)
    const dirFd = fs.openSync(dir, 'r')
    fs.fsyncSync(dirFd)
    fs.closeSync(dirFd)
  }
  const urlPath = `${input.kind === 'image' ? 'images' : 'files'}/${ctx.projectId}/${ctx.dataset}/${fileName}`
  const doc = {
    _id: id,
    _type: input.kind === 'image' ? 'sanity.imageAsset' : 'sanity.fileAsset',
    assetId: sha1,
    sha1hash: sha1,
    extension,
    mimeType,
    size: input.bytes.length,
    originalFilename: input.filename ?? fileName,
    path: urlPath,
    url: `${ctx.baseUrl}/${urlPath}`,
    ...(input.kind === 'image' ? {metadata} : {}),
    ...input.fields,
  } as unknown as SanityDocument
  draft.put(id, doc, {createIfNotExists: doc})
  return doc
}

/**
 * The computed metadata of an image upload, or null when sharp cannot read it (the asset is then
 * stored with the dimensions from its header, or refused by `storeAsset` if it has none).
 */
export async function imageMetadataFor(bytes: Buffer): Promise<ImageMetadata | null> {
  if (!readImageInfo(bytes)) return null
  try {
    return await computeImageMetadata(bytes)
  } catch {
    return null
  }
}

/** Resolves `/images/:projectId/:dataset/<file>` to a stored file, or null. */
export function assetFile(assetsDir: string, dataset: string, fileName: string): string | null {
  if (!/^[a-f0-9]{40}(-\d+x\d+)?\.[a-z0-9]+$/.test(fileName)) return null
  const file = path.join(assetsDir, dataset, fileName)
  return fs.existsSync(file) ? file : null
}

const md5s = new Map<string, string>()

/**
 * The hashes the hosted CDN sends with an asset's bytes (`x-sanity-sha1`, `x-sanity-md5`), which
 * `sanity dataset export` checks its downloads against. The sha1 is the one the upload named the
 * file by; the md5 is computed once per file (the bytes behind a name never change).
 */
export async function assetChecksums(file: string): Promise<{sha1: string; md5: string}> {
  const sha1 = path.basename(file).slice(0, 40)
  let md5 = md5s.get(file)
  if (md5 === undefined) {
    const hash = createHash('md5')
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
    md5 = hash.digest('hex')
    md5s.set(file, md5)
  }
  return {sha1, md5}
}

export function mimeTypeForFile(fileName: string): string {
  const ext = path.extname(fileName).slice(1)
  const images: Record<string, string> = {png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp'}
  return images[ext] ?? FILE_MIME[ext] ?? 'application/octet-stream'
}
