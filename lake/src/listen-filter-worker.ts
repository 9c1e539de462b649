// A listen filter thread: holds the compiled filters of its listeners and, for each committed
// transaction, checks each listener's filter against the documents before and after. It answers
// listener by listener, so the main thread knows which filter is running when one overruns.
import {parentPort} from 'node:worker_threads'
import {compileFilter, filterMatches, type CompiledFilter} from './listen-filter.ts'
import type {SanityDocument} from './types.ts'

export type FilterMessage =
  | {type: 'add'; listener: number; query: string; params: Record<string, unknown>}
  | {type: 'remove'; listener: number}
  | {type: 'evaluate'; batch: number; listeners: number[]; documents: Array<SanityDocument | null>}

/** One per listener of an `evaluate`, in its order; `matches` has one entry per document. */
export interface FilterAnswer {
  batch: number
  listener: number
  matches: boolean[]
}

/** Sent once the thread has loaded: its start-up time does not count against a filter. */
export interface FilterReady {
  ready: true
}

if (!parentPort) throw new Error('lake/src/listen-filter-worker.ts must run as a worker thread')
const port = parentPort
const filters = new Map<number, CompiledFilter | null>()

port.on('message', (message: FilterMessage) => {
  switch (message.type) {
    case 'add':
      try {
        filters.set(message.listener, compileFilter(message.query, message.params))
      } catch {
        filters.set(message.listener, null) // listen.ts already refused queries that do not parse
      }
      break
    case 'remove':
      filters.delete(message.listener)
      break
    case 'evaluate':
      for (const listener of message.listeners) {
        const filter = filters.get(listener)
        const matches = filter ? message.documents.map((doc) => filterMatches(filter, doc)) : []
        port.postMessage({batch: message.batch, listener, matches} satisfies FilterAnswer)
      }
      break
  }
})
port.on('messageerror', (error) => console.error('lake listen filter thread: a message could not be read:', error))
port.postMessage({ready: true} satisfies FilterReady)
