// Import in Sanity's NDJSON export format: one document per line, image/file objects may carry
// `_sanityAsset: "image@file://./images/photo.png"` (relative to the NDJSON file's folder),
// which becomes a stored asset and `asset: {_type: 'reference', _ref: <asset id>}`.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {imageMetadataFor, storeAsset, type AssetContext} from './assets.ts'
import {badRequest} from './errors.ts'
import {isPlainObject} from './json.ts'
import {validateId} from './mutations/ids.ts'
import {MAX_WALK_NESTING} from './mutations/limits.ts'
import type {TransactionDraft} from './mutations/transaction.ts'
import type {SanityDocument} from './types.ts'

// Large imports yield to the event loop every this many lines, so reads go on meanwhile.
const YIELD_EVERY = 1000
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve))

export async function parseNdjson(text: string): Promise<SanityDocument[]> {
  const docs: SanityDocument[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop()
    const line = (lines[i] ?? '').trim()
    if (!line) continue
    let doc: unknown
    try {
      doc = JSON.parse(line)
    } catch (err) {
      throw badRequest(`NDJSON line ${i + 1} is not valid JSON: ${(err as Error).message}`, 'invalidJsonError')
    }
    if (!isPlainObject(doc)) throw badRequest(`NDJSON line ${i + 1}: expected a document object`, 'invalidDocumentError')
    validateId(doc._id, `NDJSON line ${i + 1}`)
    if (typeof doc._type !== 'string' || !doc._type)
      throw badRequest(`NDJSON line ${i + 1}: document "${String(doc._id)}" has no _type`, 'invalidDocumentError')
    docs.push(doc as SanityDocument)
  }
  return docs
}

/** Puts every document into the draft (createOrReplace), resolving `_sanityAsset` references. */
export async function importDocuments(
  draft: TransactionDraft,
  docs: SanityDocument[],
  assets: AssetContext,
  baseDir: string | null,
): Promise<number> {
  for (let i = 0; i < docs.length; i++) {
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop()
    const doc = docs[i] as SanityDocument
    const resolved = (await resolveAssets(doc, draft, assets, baseDir, doc._id)) as SanityDocument
    draft.put(doc._id, resolved, {createOrReplace: resolved})
  }
  return docs.length
}

/**
 * Copy-on-write: parts without `_sanityAsset` are returned as they are (they are freshly parsed).
 * Bounded: below MAX_WALK_NESTING a value is left as is (such a document is refused anyway).
 */
async function resolveAssets(
  value: unknown,
  draft: TransactionDraft,
  assets: AssetContext,
  baseDir: string | null,
  docId: string,
  depth = 0,
): Promise<unknown> {
  if (depth > MAX_WALK_NESTING || !mayHoldAsset(value)) return value
  if (Array.isArray(value)) {
    let out: unknown[] | null = null
    for (let i = 0; i < value.length; i++) {
      const resolved = await resolveAssets(value[i], draft, assets, baseDir, docId, depth + 1)
      if (resolved !== value[i]) (out ??= value.slice())[i] = resolved
    }
    return out ?? value
  }
  if (!isPlainObject(value)) return value
  let out: Record<string, unknown> | null = null
  for (const [key, v] of Object.entries(value)) {
    if (key === '_sanityAsset') continue
    const resolved = await resolveAssets(v, draft, assets, baseDir, docId, depth + 1)
    if (resolved !== v) (out ??= {...value})[key] = resolved
  }
  if ('_sanityAsset' in value) {
    out ??= {...value}
    delete out._sanityAsset
    if (typeof value._sanityAsset === 'string') {
      const asset = await loadSanityAsset(value._sanityAsset, draft, assets, baseDir, docId)
      out.asset = {_type: 'reference', _ref: asset._id}
    }
  }
  return out ?? value
}

/** Scalars hold no `_sanityAsset`: skipping them keeps the (async) walk cheap. */
const mayHoldAsset = (value: unknown) => typeof value === 'object' && value !== null

async function loadSanityAsset(
  spec: string,
  draft: TransactionDraft,
  assets: AssetContext,
  baseDir: string | null,
  docId: string,
): Promise<SanityDocument> {
  const match = /^(image|file)@(.+)$/.exec(spec)
  if (!match) throw badRequest(`Document "${docId}": _sanityAsset "${spec}" must look like image@file://./path`, 'invalidAssetError')
  const kind = match[1] as 'image' | 'file'
  const location = match[2] as string
  if (!location.startsWith('file://')) {
    throw badRequest(
      `Document "${docId}": _sanityAsset "${spec}" is not a file:// URL; the lake works offline and cannot fetch it`,
      'invalidAssetError',
    )
  }
  if (baseDir === null) {
    throw badRequest(
      `Document "${docId}": _sanityAsset "${spec}" points to a local file, which an HTTP import cannot read; import from the CLI`,
      'invalidAssetError',
    )
  }
  const rest = location.slice('file://'.length)
  const file = rest.startsWith('/') ? fileURLToPath(location) : path.resolve(baseDir, rest)
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch {
    throw badRequest(`Document "${docId}": _sanityAsset file not found: ${file}`, 'invalidAssetError')
  }
  const imageMetadata = kind === 'image' ? await imageMetadataFor(bytes) : null
  return storeAsset(draft, assets, {kind, bytes, filename: path.basename(file), imageMetadata})
}
