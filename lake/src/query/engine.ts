// One dataset's query engine: a store id in a worker pool (pool.ts), shared by default. Point reads
// (point-read.ts) are answered on the calling thread; every other query goes to the pool.

import type {DocumentChange, QueryEngine, SanityDocument} from '../types.ts'
import type {Slot} from './document-text.ts'
import {readPoint} from './point-read.ts'
import {sharedQueryPool, type QueryPool} from './pool.ts'
import {SlugIds} from './slug-ids.ts'
import type {SanityContext} from './store.ts'

export interface QueryEngineOptions {
  /** A query not answered this long after it arrived (waiting or running) is abandoned with QueryTimeoutError. */
  timeoutMs: number
  /** What `sanity::projectId()` and `sanity::dataset()` answer (null without it). */
  sanity?: SanityContext
  /** The worker pool to run in; default: one pool for the whole process. */
  pool?: QueryPool
}

/** The engine as the dataset that owns it sees it: the documents' text is its copy of them too. */
export interface DatasetQueryEngine extends QueryEngine {
  /** Returns the documents it could not write as JSON text (queries leave them out). */
  load(documents: Iterable<SanityDocument>): SanityDocument[]
  /** Returns the changes whose new document it could not write as JSON text (queries leave them out). */
  apply(changes: readonly DocumentChange[]): DocumentChange[]
  /** Where each document's JSON text is, by id (kept current through compaction). */
  readonly slots: ReadonlyMap<string, Slot>
  /** The text in a current slot: a view of the shared bytes. */
  bytes(slot: Slot): Buffer
  /** The text as it is now: reads slots taken now even after they are replaced. */
  view(): (slot: Slot) => Buffer
}

export function createQueryEngine(options: QueryEngineOptions): DatasetQueryEngine {
  const pool = options.pool ?? sharedQueryPool()
  const store = pool.open(options.sanity)
  const slots = pool.slots(store)
  const slugIds = new SlugIds()
  const points = {slots, bytes: (slot: Slot) => pool.bytes(slot), slugIds, sanity: options.sanity}
  /** The stored document, decoded only if its text names a slug (else it has none to forget). */
  const storedWithSlug = (id: string): unknown => {
    const slot = slots.get(id)
    const text = slot && pool.bytes(slot)
    return text?.includes('"slug"') ? JSON.parse(text.toString('utf8')) : undefined
  }
  return {
    load: (documents) => {
      slugIds.clear()
      return pool.load(store, indexed(documents, slugIds))
    },
    apply: (changes) => {
      if (changes.length === 0) return []
      // The documents as they were, to forget their slugs: an earlier change in the batch, or the stored text.
      const latest = new Map<string, SanityDocument | null>()
      for (const {id, document} of changes) {
        const previous = latest.has(id) ? latest.get(id) : storedWithSlug(id)
        if (previous) slugIds.remove(id, previous)
        if (document) slugIds.add(id, document)
        latest.set(id, document)
      }
      return pool.apply(store, changes)
    },
    query: async (request) =>
      (await readPoint(points, request)) ??
      pool.query(store, request, {timeoutMs: options.timeoutMs, anonymous: request.anonymous, client: request.client}),
    close: () => pool.close(store),
    slots,
    bytes: (slot) => pool.bytes(slot),
    view: () => pool.view(),
  }
}

function* indexed(documents: Iterable<SanityDocument>, slugIds: SlugIds): Generator<SanityDocument> {
  for (const doc of documents) {
    slugIds.add(doc._id, doc)
    yield doc
  }
}
