// A query worker thread: holds a replica of every dataset of the pool and answers queries one at
// a time.
// Messages arrive in order, so a query posted after an `apply` sees that change.

import {parentPort} from 'node:worker_threads'
import type {DocumentChange, QueryRequest, SanityDocument} from '../types.ts'
import {runQuery, type RunOutcome} from './run.ts'
import {DocumentStore, type SanityContext} from './store.ts'

export type WorkerMessage =
  | {type: 'open'; store: number; sanity: SanityContext | undefined}
  | {type: 'load'; store: number; documents: SanityDocument[]}
  | {type: 'apply'; store: number; changes: DocumentChange[]}
  | {type: 'drop'; store: number}
  | {type: 'query'; id: number; store: number; request: QueryRequest}

if (!parentPort) throw new Error('lake/src/query/worker.ts must run as a worker thread')
const port = parentPort
const stores = new Map<number, DocumentStore>()
const storeOf = (id: number): DocumentStore => {
  let store = stores.get(id)
  if (!store) stores.set(id, (store = new DocumentStore()))
  return store
}

// Handled strictly one after another: a change never lands in the middle of a query.
let done: Promise<void> = Promise.resolve()
port.on('message', (message: WorkerMessage) => {
  done = done.then(() => handle(message)).catch((error: unknown) => console.error('lake query worker:', error))
})
// A message that cannot be copied in is lost; a query among them times out in the pool.
port.on('messageerror', (error) => console.error('lake query worker: a message could not be read:', error))

async function handle(message: WorkerMessage): Promise<void> {
  switch (message.type) {
    case 'open':
      storeOf(message.store).sanity = message.sanity
      break
    case 'load':
      storeOf(message.store).load(message.documents)
      break
    case 'apply':
      storeOf(message.store).apply(message.changes)
      break
    case 'drop':
      stores.delete(message.store)
      break
    case 'query': {
      // Every query is answered, whatever fails: the pool counts this worker busy until then.
      let outcome: RunOutcome
      try {
        outcome = await runQuery(storeOf(message.store), message.request)
      } catch (error) {
        outcome = {ok: false, kind: 'execution', description: error instanceof Error ? error.message : String(error)}
      }
      port.postMessage({id: message.id, outcome})
      break
    }
  }
}
