// The documents one query worker holds, and how each perspective sees them.
// `*` lists documents in `_id` order, as the GROQ conformance suite expects of the hosted API:
// raw by stored id; published and drafts by the id the perspective shows (the published id), so
// both keep entries sorted by (published id, stored id) as well. Index lookups sort their
// candidates into the same order, so they come out as a full scan would produce them.
// A read scope (types.ts) hides documents before the perspective sees them: requests without a
// token read root-path ids only, through `*`, `->` and index lookups alike.
// A view may shuffle instead (`shuffleUnordered`): then `*` and index lookups come out in a random
// order, new for each view, except where the planner asks for view order (the input of `order()`).

import type {Perspective, ReadScope, SanityDocument} from '../types.ts'
import type {DocumentReader, Slot} from './document-text.ts'
import {DocumentIndexes} from './indexes.ts'
import {SortedList} from './sorted-list.ts'
import {SortedIndex, type OrderKey} from './sorted.ts'

/** A stored document: where its text is (it is decoded when a query reads it), and what the indexes need. */
export interface Entry extends Slot {
  /** The stored id. */
  id: string
  /** The published id it belongs to: `drafts.x` and `versions.r.x` -> `x`. */
  base: string
  /** `_type`, if a string. */
  type: string | undefined
}

/** A change as a query thread gets it: the document's new text, or null once it is deleted. */
export interface SlotChange {
  id: string
  slot: Slot | null
}

const DRAFTS = 'drafts.'
const VERSIONS = 'versions.'
const MAX_SORTED = 32
/** Below this much text a thread keeps `*` decoded between queries; above, each query decodes what it reads. */
const KEEP_DECODED_BYTES = 8 * 2 ** 20

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS)
}
export function isVersionId(id: string): boolean {
  return id.startsWith(VERSIONS)
}
/** A root path has no `.` (`drafts.x`, `versions.r.x`, `settings.site` are sub-paths): all a request without a token may read. */
export function isRootPath(id: string): boolean {
  return !id.includes('.')
}
export function isPublishedId(id: string): boolean {
  return !isDraftId(id) && !isVersionId(id)
}
export function publishedId(id: string): string {
  if (isDraftId(id)) return id.slice(DRAFTS.length)
  if (isVersionId(id)) {
    const dot = id.indexOf('.', VERSIONS.length)
    return dot < 0 ? id : id.slice(dot + 1)
  }
  return id
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** Order of the raw perspective. */
export const byStoredId = (a: Entry, b: Entry) => compareStrings(a.id, b.id)
/** Order of the published and drafts perspectives (where each published id appears once). */
export const byPublishedId = (a: Entry, b: Entry) => compareStrings(a.base, b.base) || compareStrings(a.id, b.id)

/** What `sanity::projectId()` and `sanity::dataset()` answer. */
export interface SanityContext {
  projectId: string
  dataset: string
}

/** A dataset as one perspective sees it. */
export interface View {
  perspective: 'raw' | 'published' | 'drafts'
  sanity: SanityContext | undefined
  /** Whether `*` and index lookups come out shuffled (see `all`, `visible`). */
  shuffled: boolean
  /** How entries are ordered in this view. */
  order: (a: Entry, b: Entry) => number
  /** Every visible document (what `*` evaluates to): in order, or shuffled in a shuffling view. */
  all(): unknown[]
  /** Every visible document, in order. */
  ordered(): unknown[]
  /** The visible document with this `_id`, as `->` resolves it. */
  get(id: string): unknown
  /** The document this view shows for a stored entry, or undefined if it hides it. */
  show(entry: Entry): unknown
  /** The stored entry behind the visible document with this `_id`. */
  entryFor(id: string): Entry | undefined
  /** The visible documents among these entries: in view order, or shuffled in a shuffling view unless `inOrder`. */
  visible(entries: Entry[], inOrder?: boolean): unknown[]
}

export class DocumentStore {
  sanity: SanityContext | undefined
  readonly entries = new Map<string, Entry>()
  readonly indexes = new DocumentIndexes()
  private readonly reader: DocumentReader
  private readonly storedOrder = new SortedList(byStoredId)
  private readonly publishedOrder = new SortedList(byPublishedId)
  /** Sorted indexes by type, order and view order, created by the queries that need them. */
  private sorted = new Map<string, SortedIndex>()
  private version = 0
  private cache = new Map<string, {version: number; all: unknown[]}>()
  /** Bytes of text of the stored documents. */
  private bytes = 0
  /** One string per `_type` name. */
  private readonly types = new Map<string, string>()

  constructor(reader: DocumentReader) {
    this.reader = reader
  }

  /** A fresh copy of the stored document. */
  read(entry: Entry): SanityDocument {
    return this.reader.read(entry) as SanityDocument
  }

  load(slots: readonly Slot[]): void {
    this.entries.clear()
    this.indexes.clear()
    this.sorted.clear()
    this.cache.clear()
    this.bytes = 0
    for (const slot of slots) {
      const doc = this.reader.read(slot) as SanityDocument
      const entry = this.entryOf(doc, slot)
      this.entries.set(entry.id, entry)
      this.indexes.add(entry, doc)
      this.bytes += slot.length
    }
    this.storedOrder.reset(this.entries.values())
    this.publishedOrder.reset(this.entries.values())
    this.version++
  }

  apply(changes: readonly SlotChange[]): void {
    const removed = new Set<Entry>()
    const added = new Map<string, Entry>()
    for (const {id, slot} of changes) {
      const previous = added.get(id) ?? this.entries.get(id)
      if (previous) {
        this.entries.delete(id)
        this.indexes.remove(previous, this.read(previous))
        this.bytes -= previous.length
        if (added.get(id) === previous) added.delete(id)
        else removed.add(previous)
      }
      if (slot) {
        const doc = this.reader.read(slot) as SanityDocument
        const entry = this.entryOf(doc, slot)
        this.entries.set(id, entry)
        this.indexes.add(entry, doc)
        this.bytes += slot.length
        added.set(id, entry)
      }
    }
    const fresh = [...added.values()]
    this.storedOrder.update(removed, fresh)
    this.publishedOrder.update(removed, fresh)
    for (const index of this.sorted.values()) {
      const type = (entry: Entry) => entry.type === index.type
      index.update(new Set([...removed].filter(type)), fresh.filter(type))
    }
    this.version++
  }

  private entryOf(doc: SanityDocument, {segment, offset, length}: Slot): Entry {
    const id = doc._id
    let type: string | undefined
    if (typeof doc._type === 'string') {
      type = this.types.get(doc._type)
      if (type === undefined) this.types.set(doc._type, (type = doc._type))
    }
    return {id, base: publishedId(id), type, segment, offset, length}
  }

  /** The documents of `type` in `order` (ties in view order), kept sorted from now on. */
  sortedIndex(type: string, order: OrderKey[], view: View): SortedIndex {
    const tie = view.perspective === 'raw' ? 'stored' : 'published'
    const key = JSON.stringify([type, order, tie])
    let index = this.sorted.get(key)
    if (!index) {
      if (this.sorted.size >= MAX_SORTED) this.sorted.delete(this.sorted.keys().next().value!)
      index = new SortedIndex(type, order, tie === 'stored' ? byStoredId : byPublishedId, this.indexes.byType.get(type), (entry) =>
        this.read(entry),
      )
      this.sorted.set(key, index)
    }
    return index
  }

  /**
   * The dataset as a perspective shows it to a reader with this scope. The scope filters stored
   * documents before the perspective applies: `rootPaths` leaves no drafts or versions, so every
   * perspective shows the published root-path documents; `none` shows nothing.
   * `shuffle` answers `*` and index lookups in a random order (see the note at the top).
   */
  view(perspective: Perspective, scope: ReadScope = 'all', shuffle = false): View {
    const kind = scope === 'all' ? (perspective === 'previewDrafts' ? 'drafts' : perspective) : scope
    const entries = this.entries
    // Each document is decoded once per view (per query), however often the query reads it.
    const decoded = new Map<Entry, SanityDocument>()
    const doc = (entry: Entry): SanityDocument => {
      let found = decoded.get(entry)
      if (!found) decoded.set(entry, (found = this.read(entry)))
      return found
    }
    const show: (entry: Entry) => unknown =
      kind === 'raw'
        ? (e) => doc(e)
        : kind === 'published'
          ? (e) => (isPublishedId(e.id) ? doc(e) : undefined)
          : kind === 'rootPaths'
            ? (e) => (isRootPath(e.id) ? doc(e) : undefined)
            : kind === 'none'
              ? () => undefined
              : (e) => {
                  if (isDraftId(e.id)) return overlay(doc(e), e.base)
                  if (isPublishedId(e.id) && !entries.has(DRAFTS + e.id)) return overlay(doc(e), e.id)
                  return undefined
                }
    const entryFor: (id: string) => Entry | undefined =
      kind === 'raw'
        ? (id) => entries.get(id)
        : kind === 'published'
          ? (id) => (isPublishedId(id) ? entries.get(id) : undefined)
          : kind === 'rootPaths'
            ? (id) => (isRootPath(id) ? entries.get(id) : undefined)
            : kind === 'none'
              ? () => undefined
              : (id) => (isPublishedId(id) ? (entries.get(DRAFTS + id) ?? entries.get(id)) : undefined)
    const order = kind === 'raw' ? byStoredId : byPublishedId
    const sortedEntries: {readonly items: readonly Entry[]} =
      kind === 'raw' ? this.storedOrder : kind === 'none' ? NO_ENTRIES : this.publishedOrder
    const showAll = (from: Iterable<Entry>): unknown[] => {
      const out: unknown[] = []
      for (const entry of from) {
        const doc = show(entry)
        if (doc !== undefined) out.push(doc)
      }
      return out
    }
    let all: unknown[] | undefined
    const ordered = () => {
      if (all) return all
      const cached = this.cache.get(kind)
      if (cached && cached.version === this.version) return (all = cached.all)
      all = showAll(sortedEntries.items)
      // A small dataset stays decoded between queries; a large one would cost a copy per thread.
      if (this.bytes <= KEEP_DECODED_BYTES) this.cache.set(kind, {version: this.version, all})
      else this.cache.clear()
      return all
    }
    // One shuffled `*` per view (per query), so every `*` of a query reads the same order.
    let shuffled: unknown[] | undefined
    return {
      // What remains after the scope is what the published perspective shows of it.
      perspective: kind === 'rootPaths' || kind === 'none' ? 'published' : kind,
      sanity: this.sanity,
      shuffled: shuffle,
      order,
      ordered,
      all: shuffle ? () => (shuffled ??= shuffledCopy(ordered())) : ordered,
      get: (id) => {
        const entry = entryFor(id)
        return entry && show(entry)
      },
      show,
      entryFor,
      visible: (list, inOrder = false) => {
        if (shuffle && !inOrder) return shuffledCopy(showAll(list))
        // Sorting many candidates costs more than walking the whole ordered list once.
        if (list.length > 64 && list.length * Math.log2(list.length) > sortedEntries.items.length) {
          const wanted = new Set(list)
          return showAll(sortedEntries.items.filter((entry) => wanted.has(entry)))
        }
        return showAll([...list].sort(order))
      },
    }
  }
}

const NO_ENTRIES = {items: [] as Entry[]}
/** Fisher-Yates over a copy. */
function shuffledCopy<T>(items: readonly T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    const item = copy[i]!
    copy[i] = copy[j]!
    copy[j] = item
  }
  return copy
}

/** A document as the drafts perspective shows it: published id, `_originalId` = stored id. */
function overlay(doc: SanityDocument, publishedId: string): SanityDocument {
  return {...doc, _id: publishedId, _originalId: doc._id}
}
