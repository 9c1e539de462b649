// What an editor sees before anything is written: each draft with whether it is new or adds to a
// document the dataset has, what it guessed, and the existing documents the drafts point to.
import type {Draft} from './article.ts'
import {finalDrafts, importFiles, type ImportRun} from './batch.ts'
import {publishedId, type CatalogDocument} from './catalog.ts'

/** `new`: no such document yet; `adds-to-published`: a draft of a published document; `replaces-draft`: a draft that exists (an earlier import, or an editor's). */
export type ProposedStatus = 'new' | 'adds-to-published' | 'replaces-draft'

export interface ProposedDocument {
  _id: string
  _type: string
  title: string
  status: ProposedStatus
  guessedFields: string[]
}

export interface MatchedDocument {
  _id: string
  _type: string
  title: string
}

export interface Proposal {
  /** The source the drafts record (and their ids derive from). */
  source: string
  drafts: Draft[]
  documents: ProposedDocument[]
  /** Existing documents the drafts reference (matched by name, alias or slug), drafts of them left out. */
  matched: MatchedDocument[]
}

/** The source of pasted text with no name of its own: its title, so pasting the article again updates the same drafts. */
export const PASTED = 'the pasted text'
export const pastedSource = (title: string) => `pasted: ${title}`

export const documentTitle = (doc: {_id: string; name?: unknown; title?: unknown; descriptor?: unknown}): string =>
  String(doc.name ?? doc.title ?? doc.descriptor ?? doc._id)

function refsIn(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out)
  else if (value && typeof value === 'object') {
    const ref = (value as {_ref?: unknown})._ref
    if (typeof ref === 'string') out.add(ref)
    for (const v of Object.values(value)) refsIn(v, out)
  }
  return out
}

/** Describes drafts against the dataset they were matched with. */
export function describeDrafts(source: string, drafts: Draft[], existing: CatalogDocument[]): Proposal {
  const ids = new Set(existing.map((d) => d._id))
  const drafted = new Set(drafts.map((d) => publishedId(d._id)))
  const documents = drafts.map((d) => ({
    _id: d._id,
    _type: d._type,
    title: documentTitle(d),
    status: (ids.has(d._id) ? 'replaces-draft' : ids.has(publishedId(d._id)) ? 'adds-to-published' : 'new') as ProposedStatus,
    guessedFields: d.importInfo.guessedFields,
  }))
  const byId = new Map<string, CatalogDocument>()
  // The published version names the document; a draft stands in when nothing is published.
  for (const doc of existing) if (!byId.has(publishedId(doc._id)) || doc._id === publishedId(doc._id)) byId.set(publishedId(doc._id), doc)
  const matched = [...refsIn(drafts, new Set())]
    .filter((ref) => !drafted.has(ref) && byId.has(ref))
    .map((ref) => byId.get(ref)!)
    .map((doc) => ({_id: publishedId(doc._id), _type: doc._type, title: documentTitle(doc)}))
    .sort((a, b) => a._type.localeCompare(b._type) || a.title.localeCompare(b.title))
  return {source, drafts, documents, matched}
}

/**
 * Imports one article (pasted or dropped in the Studio) and describes the result. Without a
 * source, the source is the article's title (`pasted: <title>`).
 */
export function proposeImport(article: {bytes: Uint8Array; source?: string}, run: ImportRun): Proposal {
  const named = article.source?.trim()
  const once = (source: string) => finalDrafts(importFiles([{source, bytes: article.bytes}], run))
  let drafts = once(named || PASTED)
  let source = named || PASTED
  if (!named) {
    const title = drafts.find((d) => d._type === 'article')?.title
    source = pastedSource(String(title))
    drafts = once(source)
  }
  return describeDrafts(source, drafts, run.existing)
}
