// One dataset's query engine: a store id in a worker pool (pool.ts), shared by default.

import type {QueryEngine} from '../types.ts'
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

export function createQueryEngine(options: QueryEngineOptions): QueryEngine {
  const pool = options.pool ?? sharedQueryPool()
  const store = pool.open(options.sanity)
  return {
    load: (documents) => pool.load(store, documents),
    apply: (changes) => {
      if (changes.length > 0) pool.apply(store, changes)
    },
    query: (request) => pool.query(store, request, {timeoutMs: options.timeoutMs, anonymous: request.anonymous, client: request.client}),
    close: () => pool.close(store),
  }
}
