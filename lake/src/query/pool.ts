// A pool of query worker threads shared by every dataset engine of the process (a lake may hold
// a hundred datasets; a thread pair per dataset would not scale). Each worker holds a replica of
// every dataset, keyed by store id. A query runs on an idle worker; one that overruns its time
// limit is terminated (groq-js cannot be interrupted otherwise) and replaced by a fresh worker
// loaded from the pool's own copy of the documents, while the other workers keep answering.

import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import type {DocumentChange, QueryRequest, QueryResponse, SanityDocument} from '../types.ts'
import {QueryExecutionError, QueryParseError, QueryTimeoutError} from './errors.ts'
import type {RunOutcome} from './run.ts'
import type {SanityContext} from './store.ts'
import type {WorkerMessage} from './worker.ts'
import {siblingModule} from '../module-url.ts'

interface Job {
  id: number
  store: number
  request: QueryRequest
  timeoutMs: number
  resolve: (response: QueryResponse) => void
  reject: (error: Error) => void
}

interface PoolWorker {
  thread: Worker
  job: Job | null
  timer: NodeJS.Timeout | null
}

const WORKER_URL = siblingModule('worker', import.meta.url)
const MAX_CRASHES = 5

export class QueryPool {
  readonly size: number
  private workers: PoolWorker[] = []
  private waiting: Job[] = []
  /** Store id -> its documents, to load a replacement worker. Documents are never mutated in place. */
  private stores = new Map<number, Map<string, SanityDocument>>()
  private contexts = new Map<number, SanityContext | undefined>()
  private nextStore = 0
  private nextJob = 0
  /** Workers that died on their own since the last answer; too many means they cannot start. */
  private crashes = 0
  private broken: Error | undefined

  constructor(options: {workers?: number} = {}) {
    // The worker runs from TypeScript source, which needs Node's type stripping (the repo pins
    // Node 22); `node_modules/.bin/vitest` started directly runs on whatever `node` is on PATH.
    if (!(process.features as {typescript?: unknown}).typescript) {
      throw new Error(
        `The lake's query engine needs Node >= 22.12 with type stripping (this is ${process.version}). ` +
          'Run tests with `npm test` or `node_modules/.bin/node node_modules/.bin/vitest run`.',
      )
    }
    this.size = Math.max(1, options.workers ?? Math.min(4, Math.max(2, availableParallelism())))
  }

  /** Registers a dataset; returns its store id. */
  open(sanity?: SanityContext): number {
    const store = this.nextStore++
    this.stores.set(store, new Map())
    this.contexts.set(store, sanity)
    for (const worker of this.workers) this.post(worker, {type: 'open', store, sanity})
    while (this.workers.length < this.size) this.workers.push(this.spawn())
    return store
  }

  load(store: number, documents: Iterable<SanityDocument>): void {
    const copy = this.copyOf(store)
    copy.clear()
    for (const doc of documents) copy.set(doc._id, doc)
    const all = [...copy.values()]
    for (const worker of this.workers) this.post(worker, {type: 'load', store, documents: all})
  }

  apply(store: number, changes: readonly DocumentChange[]): void {
    const copy = this.copyOf(store)
    for (const {id, document} of changes) {
      copy.delete(id)
      if (document) copy.set(id, document)
    }
    for (const worker of this.workers) this.post(worker, {type: 'apply', store, changes: [...changes]})
  }

  query(store: number, request: QueryRequest, timeoutMs: number): Promise<QueryResponse> {
    if (!this.stores.has(store)) return Promise.reject(new QueryExecutionError('The query engine is closed'))
    if (this.broken) return Promise.reject(this.broken)
    return new Promise((resolve, reject) => {
      this.waiting.push({id: this.nextJob++, store, request, timeoutMs, resolve, reject})
      this.dispatch()
    })
  }

  /** Forgets a dataset; when none is left the workers stop (a later `open` starts new ones). */
  async close(store: number): Promise<void> {
    this.stores.delete(store)
    this.contexts.delete(store)
    const error = new QueryExecutionError('The query engine is closed')
    this.waiting = this.waiting.filter((job) => job.store !== store || (job.reject(error), false))
    for (const worker of this.workers) {
      if (worker.job?.store === store) {
        worker.job.reject(error)
        this.finish(worker)
      }
      this.post(worker, {type: 'drop', store})
    }
    if (this.stores.size === 0) {
      const workers = this.workers.splice(0)
      for (const worker of workers) this.finish(worker)
      await Promise.all(workers.map((worker) => worker.thread.terminate()))
    }
  }

  private copyOf(store: number): Map<string, SanityDocument> {
    const copy = this.stores.get(store)
    if (!copy) throw new QueryExecutionError('The query engine is closed')
    return copy
  }

  private post(worker: PoolWorker, message: WorkerMessage): void {
    worker.thread.postMessage(message)
  }

  private spawn(): PoolWorker {
    const worker: PoolWorker = {thread: new Worker(WORKER_URL), job: null, timer: null}
    worker.thread.unref()
    worker.thread.on('message', ({id, outcome}: {id: number; outcome: RunOutcome}) => {
      const job = worker.job
      if (!job || job.id !== id) return
      this.crashes = 0
      this.finish(worker)
      settle(job, outcome)
      this.dispatch()
    })
    worker.thread.on('error', (error) =>
      this.crashed(worker, new QueryExecutionError(`Query worker failed: ${error.message}`)),
    )
    worker.thread.on('exit', () => this.crashed(worker, new QueryExecutionError('Query worker exited')))
    for (const [store, copy] of this.stores) {
      this.post(worker, {type: 'open', store, sanity: this.contexts.get(store)})
      if (copy.size > 0) this.post(worker, {type: 'load', store, documents: [...copy.values()]})
    }
    return worker
  }

  private finish(worker: PoolWorker): void {
    if (worker.timer) clearTimeout(worker.timer)
    worker.timer = null
    worker.job = null
  }

  /** A worker died on its own: replace it, unless workers keep dying (then fail every query). */
  private crashed(worker: PoolWorker, error: QueryExecutionError): void {
    if (!this.workers.includes(worker)) return
    if (++this.crashes >= MAX_CRASHES) {
      this.broken = new QueryExecutionError(`Query workers keep failing (${error.message})`)
      for (const job of this.waiting.splice(0)) job.reject(this.broken)
    }
    this.replace(worker, error)
  }

  /** Drops a worker (stuck or broken), fails its job, and puts a fresh one in its place. */
  private replace(worker: PoolWorker, error: Error): void {
    const index = this.workers.indexOf(worker)
    if (index < 0) return
    const job = worker.job
    this.finish(worker)
    this.workers.splice(index, 1)
    void worker.thread.terminate()
    job?.reject(error)
    if (this.stores.size > 0 && !this.broken) this.workers.push(this.spawn())
    this.dispatch()
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (this.waiting.length === 0) return
      if (worker.job) continue
      const job = this.waiting.shift()!
      worker.job = job
      worker.timer = setTimeout(() => this.replace(worker, new QueryTimeoutError(job.timeoutMs)), job.timeoutMs)
      this.post(worker, {type: 'query', id: job.id, store: job.store, request: job.request})
    }
  }
}

function settle(job: Job, outcome: RunOutcome): void {
  if (outcome.ok) job.resolve(lazyResponse(outcome.json, outcome.ms))
  else if (outcome.kind === 'parse') job.reject(new QueryParseError(outcome.description, outcome.start, outcome.end))
  else job.reject(new QueryExecutionError(outcome.description))
}

/** A response whose `result` is parsed from the JSON text the worker sent only when read. */
function lazyResponse(json: string, ms: number): QueryResponse {
  let parsed: {value: unknown} | undefined
  return {
    ms,
    json,
    get result() {
      parsed ??= {value: JSON.parse(json) as unknown}
      return parsed.value
    },
  }
}

let shared: QueryPool | undefined

/** The process-wide pool every engine uses unless given its own. */
export function sharedQueryPool(): QueryPool {
  return (shared ??= new QueryPool())
}
