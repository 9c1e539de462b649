// The documents one query worker holds, and how each perspective sees them.
// Every write moves a document to the end of the insertion order: `*` lists documents in that
// order, and every index keeps it too (see indexes.ts), so index candidates come out in the same
// order as a full scan would produce them.

import type {DocumentChange, Perspective, SanityDocument} from '../types.ts'
import {DocumentIndexes} from './indexes.ts'

export interface Entry {
  doc: SanityDocument
  /** Position in insertion order; a write gives the document a new, higher one. */
  seq: number
}

const DRAFTS = 'drafts.'
const VERSIONS = 'versions.'

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS)
}
export function isVersionId(id: string): boolean {
  return id.startsWith(VERSIONS)
}
export function isPublishedId(id: string): boolean {
  return !isDraftId(id) && !isVersionId(id)
}

/** A dataset as one perspective sees it. */
export interface View {
  perspective: 'raw' | 'published' | 'drafts'
  /** Every visible document, in order (what `*` evaluates to). */
  all(): unknown[]
  /** The visible document with this `_id`, as `->` resolves it. */
  get(id: string): unknown
  /**
   * Maps raw entries (in insertion order) to the documents this view shows for them, in view
   * order, dropping the ones it hides. For `drafts`, a published document shadowed by its draft
   * is dropped: the draft's entry stands for it.
   */
  visible(entries: Iterable<Entry>): unknown[]
  /** The position of the visible document with this `_id` in `all()`, for sorting candidates. */
  entryFor(id: string): Entry | undefined
}

export class DocumentStore {
  readonly entries = new Map<string, Entry>()
  readonly indexes = new DocumentIndexes()
  private seq = 0
  private version = 0
  private cache = new Map<string, {version: number; all: unknown[]}>()

  load(documents: Iterable<SanityDocument>): void {
    this.entries.clear()
    this.indexes.clear()
    this.cache.clear()
    this.apply(Array.from(documents, (doc) => ({id: doc._id, document: doc})))
  }

  apply(changes: readonly DocumentChange[]): void {
    for (const {id, document} of changes) {
      const previous = this.entries.get(id)
      if (previous) {
        this.entries.delete(id)
        this.indexes.remove(previous)
      }
      if (document) {
        const entry = {doc: document, seq: this.seq++}
        this.entries.set(id, entry)
        this.indexes.add(entry)
      }
    }
    this.version++
  }

  view(perspective: Perspective): View {
    const kind = perspective === 'previewDrafts' ? 'drafts' : perspective
    const store = this
    const all = (): unknown[] => {
      const cached = store.cache.get(kind)
      if (cached && cached.version === store.version) return cached.all
      const fresh = view.visible(store.entries.values())
      store.cache.set(kind, {version: store.version, all: fresh})
      return fresh
    }
    const view: View =
      kind === 'raw'
        ? {
            perspective: kind,
            all,
            get: (id) => this.entries.get(id)?.doc,
            visible: (entries) => Array.from(entries, (e) => e.doc),
            entryFor: (id) => this.entries.get(id),
          }
        : kind === 'published'
          ? {
              perspective: kind,
              all,
              get: (id) => (isPublishedId(id) ? this.entries.get(id)?.doc : undefined),
              visible: (entries) => {
                const out: unknown[] = []
                for (const e of entries) if (isPublishedId(e.doc._id)) out.push(e.doc)
                return out
              },
              entryFor: (id) => (isPublishedId(id) ? this.entries.get(id) : undefined),
            }
          : {
              perspective: kind,
              all,
              get: (id) => {
                const entry = this.draftsEntry(id)
                return entry && overlay(entry.doc, id)
              },
              visible: (entries) => {
                const out: unknown[] = []
                for (const e of entries) {
                  const id = e.doc._id
                  if (isDraftId(id)) out.push(overlay(e.doc, id.slice(DRAFTS.length)))
                  else if (isPublishedId(id) && !this.entries.has(DRAFTS + id)) out.push(overlay(e.doc, id))
                }
                return out
              },
              entryFor: (id) => this.draftsEntry(id),
            }
    return view
  }

  /** In the drafts perspective the document `id` comes from its draft if there is one. */
  private draftsEntry(id: string): Entry | undefined {
    if (!isPublishedId(id)) return undefined
    return this.entries.get(DRAFTS + id) ?? this.entries.get(id)
  }
}

/** A document as the drafts perspective shows it: published id, `_originalId` = stored id. */
function overlay(doc: SanityDocument, publishedId: string): SanityDocument {
  return {...doc, _id: publishedId, _originalId: doc._id}
}
