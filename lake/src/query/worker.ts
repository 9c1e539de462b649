// A query worker thread: holds the indexes of every dataset of the pool over the documents' shared
// text (document-text.ts) and answers queries one at a time.
// Messages arrive in order, so a query posted after an `apply` sees that change, and a segment is
// released only after the changes that stopped using it.

import {parentPort} from 'node:worker_threads'
import type {QueryRequest} from '../types.ts'
import {DocumentReader, type Slot} from './document-text.ts'
import {runQuery, type RunOutcome} from './run.ts'
import {DocumentStore, type SanityContext, type SlotChange} from './store.ts'

export type WorkerMessage =
  | {type: 'open'; store: number; sanity: SanityContext | undefined}
  | {type: 'segment'; segment: number; buffer: SharedArrayBuffer}
  | {type: 'release'; segments: number[]}
  /** Every document of the store: (segment, offset, length) triples. */
  | {type: 'load'; store: number; slots: Int32Array}
  | {type: 'apply'; store: number; changes: SlotChange[]}
  | {type: 'drop'; store: number}
  | {type: 'query'; id: number; store: number; request: QueryRequest}
  /** Posted after the messages that load a new worker: answered with `{ready: true}` once they are handled. */
  | {type: 'ready'}

if (!parentPort) throw new Error('lake/src/query/worker.ts must run as a worker thread')
const port = parentPort
const reader = new DocumentReader()
const stores = new Map<number, DocumentStore>()
const storeOf = (id: number): DocumentStore => {
  let store = stores.get(id)
  if (!store) stores.set(id, (store = new DocumentStore(reader)))
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
    case 'segment':
      reader.add(message.segment, message.buffer)
      break
    case 'release':
      for (const segment of message.segments) reader.release(segment)
      break
    case 'load': {
      const slots: Slot[] = []
      for (let i = 0; i < message.slots.length; i += 3) {
        slots.push({segment: message.slots[i]!, offset: message.slots[i + 1]!, length: message.slots[i + 2]!})
      }
      storeOf(message.store).load(slots)
      break
    }
    case 'apply':
      storeOf(message.store).apply(message.changes)
      break
    case 'drop':
      stores.delete(message.store)
      break
    case 'ready':
      port.postMessage({ready: true})
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
