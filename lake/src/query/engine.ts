// One dataset's query engine: a store id in a worker pool (pool.ts), shared by default.

import type {DocumentChange, QueryEngine, SanityDocument} from '../types.ts'
import type {Slot} from './document-text.ts'
import {sharedQueryPool, type QueryPool} from './pool.ts'
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
  return {
    load: (documents) => pool.load(store, documents),
    apply: (changes) => (changes.length > 0 ? pool.apply(store, changes) : []),
    query: (request) => pool.query(store, request, {timeoutMs: options.timeoutMs, anonymous: request.anonymous, client: request.client}),
    close: () => pool.close(store),
    slots,
    bytes: (slot) => pool.bytes(slot),
    view: () => pool.view(),
  }
}
