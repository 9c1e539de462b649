// The documents one query worker holds, and how each perspective sees them.
// Every write moves a document to the end of the insertion order: `*` lists documents in that
// order, and every index keeps it too (see indexes.ts), so index candidates come out in the same
// order as a full scan would produce them.

import type {DocumentChange, Perspective, SanityDocument} from '../types.ts'
import {DocumentIndexes} from './indexes.ts'
import {SortedIndex, type OrderKey} from './sorted.ts'

export interface Entry {
  doc: SanityDocument
  /** Position in insertion order; a write gives the document a new, higher one. */
  seq: number
}

const DRAFTS = 'drafts.'
const MAX_SORTED = 32
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
  /** The document this view shows for a stored entry, or undefined if it hides it. */
  show(entry: Entry): unknown
  /**
   * Maps raw entries (in insertion order) to the documents this view shows for them, in view
   * order, dropping the ones it hides. For `drafts`, a published document shadowed by its draft
   * is dropped: the draft's entry stands for it.
   */
  visible(entries: Iterable<Entry>): unknown[]
  /** The stored entry behind the visible document with this `_id`. */
  entryFor(id: string): Entry | undefined
}

export class DocumentStore {
  readonly entries = new Map<string, Entry>()
  readonly indexes = new DocumentIndexes()
  /** Sorted indexes by `type + order`, created by the queries that need them (at most MAX_SORTED). */
  private sorted = new Map<string, SortedIndex>()
  private seq = 0
  private version = 0
  private cache = new Map<string, {version: number; all: unknown[]}>()

  load(documents: Iterable<SanityDocument>): void {
    this.entries.clear()
    this.indexes.clear()
    this.sorted.clear()
    this.cache.clear()
    this.apply(Array.from(documents, (doc) => ({id: doc._id, document: doc})))
  }

  apply(changes: readonly DocumentChange[]): void {
    for (const {id, document} of changes) {
      const previous = this.entries.get(id)
      if (previous) {
        this.entries.delete(id)
        this.indexes.remove(previous)
        for (const index of this.sorted.values()) if (index.type === previous.doc._type) index.remove(id)
      }
      if (document) {
        const entry = {doc: document, seq: this.seq++}
        this.entries.set(id, entry)
        this.indexes.add(entry)
        for (const index of this.sorted.values()) if (index.type === document._type) index.insert(entry)
      }
    }
    this.version++
  }

  /** The documents of `type` in `order`, kept sorted from now on. */
  sortedIndex(type: string, order: OrderKey[]): SortedIndex {
    const key = JSON.stringify([type, order])
    let index = this.sorted.get(key)
    if (!index) {
      if (this.sorted.size >= MAX_SORTED) this.sorted.delete(this.sorted.keys().next().value!)
      index = new SortedIndex(type, order, this.indexes.byType.get(type))
      this.sorted.set(key, index)
    }
    return index
  }

  view(perspective: Perspective): View {
    const kind = perspective === 'previewDrafts' ? 'drafts' : perspective
    const entries = this.entries
    const show: (entry: Entry) => unknown =
      kind === 'raw'
        ? (e) => e.doc
        : kind === 'published'
          ? (e) => (isPublishedId(e.doc._id) ? e.doc : undefined)
          : (e) => {
              const id = e.doc._id
              if (isDraftId(id)) return overlay(e.doc, id.slice(DRAFTS.length))
              if (isPublishedId(id) && !entries.has(DRAFTS + id)) return overlay(e.doc, id)
              return undefined
            }
    const entryFor: (id: string) => Entry | undefined =
      kind === 'raw'
        ? (id) => entries.get(id)
        : kind === 'published'
          ? (id) => (isPublishedId(id) ? entries.get(id) : undefined)
          : (id) => (isPublishedId(id) ? (entries.get(DRAFTS + id) ?? entries.get(id)) : undefined)
    const visible = (from: Iterable<Entry>): unknown[] => {
      const out: unknown[] = []
      for (const entry of from) {
        const doc = show(entry)
        if (doc !== undefined) out.push(doc)
      }
      return out
    }
    return {
      perspective: kind,
      all: () => {
        const cached = this.cache.get(kind)
        if (cached && cached.version === this.version) return cached.all
        const all = visible(entries.values())
        this.cache.set(kind, {version: this.version, all})
        return all
      },
      get: (id) => {
        const entry = entryFor(id)
        return entry && show(entry)
      },
      show,
      visible,
      entryFor,
    }
  }
}
/** A document as the drafts perspective shows it: published id, `_originalId` = stored id. */
function overlay(doc: SanityDocument, publishedId: string): SanityDocument {
  return {...doc, _id: publishedId, _originalId: doc._id}
}
