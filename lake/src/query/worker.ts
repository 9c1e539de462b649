// A query worker thread: holds a replica of one dataset and answers queries one at a time.
// Messages arrive in order, so a query posted after an `apply` sees that change.

import {parentPort} from 'node:worker_threads'
import type {DocumentChange, QueryRequest, SanityDocument} from '../types.ts'
import {runQuery} from './run.ts'
import {DocumentStore} from './store.ts'

export type WorkerMessage =
  | {type: 'load'; documents: SanityDocument[]}
  | {type: 'apply'; changes: DocumentChange[]}
  | {type: 'query'; id: number; request: QueryRequest}

if (!parentPort) throw new Error('lake/src/query/worker.ts must run as a worker thread')
const port = parentPort
const store = new DocumentStore()

// Handled strictly one after another: a change never lands in the middle of a query.
let done: Promise<void> = Promise.resolve()
port.on('message', (message: WorkerMessage) => {
  done = done
    .then(() => handle(message))
    .catch((error: unknown) => console.error('lake query worker:', error))
})

async function handle(message: WorkerMessage): Promise<void> {
  switch (message.type) {
    case 'load':
      store.load(message.documents)
      break
    case 'apply':
      store.apply(message.changes)
      break
    case 'query': {
      const outcome = await runQuery(store, message.request)
      port.postMessage({id: message.id, outcome})
      break
    }
  }
}
