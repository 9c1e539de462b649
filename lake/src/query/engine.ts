// The query engine the server talks to: a small pool of worker threads, each holding a replica
// of the dataset. A query runs on an idle worker; one that overruns the time limit is terminated
// (groq-js cannot be interrupted otherwise) and replaced by a fresh worker loaded from the
// engine's own copy of the documents, so the other workers keep answering meanwhile.

import {Worker} from 'node:worker_threads'
import type {DocumentChange, QueryEngine, QueryRequest, QueryResponse, SanityDocument} from '../types.ts'
import {QueryExecutionError, QueryParseError, QueryTimeoutError} from './errors.ts'
import type {RunOutcome} from './run.ts'
import type {WorkerMessage} from './worker.ts'

export interface QueryEngineOptions {
  /** A query running longer than this is abandoned with QueryTimeoutError. */
  timeoutMs: number
  /** Worker threads per engine (default 2): how many queries run at the same time. */
  workers?: number
}

interface Job {
  id: number
  request: QueryRequest
  resolve: (response: QueryResponse) => void
  reject: (error: Error) => void
}

interface PoolWorker {
  thread: Worker
  job: Job | null
  timer: NodeJS.Timeout | null
}

const WORKER_URL = new URL('./worker.ts', import.meta.url)

export function createQueryEngine(options: QueryEngineOptions): QueryEngine {
  // The worker runs from TypeScript source, which needs Node's type stripping (Node >= 22.6; the
  // repo pins 22). `node_modules/.bin/vitest` started directly runs on whatever `node` is on PATH.
  if (!(process.features as {typescript?: unknown}).typescript) {
    throw new Error(
      `The lake's query engine needs Node >= 22.12 with type stripping (this is ${process.version}). ` +
        'Run tests with `npm test` or `node_modules/.bin/node node_modules/.bin/vitest run`.',
    )
  }
  const {timeoutMs} = options
  const size = Math.max(1, options.workers ?? 2)
  // The engine's copy, to load a replacement worker. Documents are never mutated in place.
  const documents = new Map<string, SanityDocument>()
  const workers: PoolWorker[] = []
  const waiting: Job[] = []
  let nextId = 0
  let closed = false

  const post = (worker: PoolWorker, message: WorkerMessage) => worker.thread.postMessage(message)

  const spawn = (): PoolWorker => {
    const worker: PoolWorker = {thread: new Worker(WORKER_URL), job: null, timer: null}
    worker.thread.unref()
    worker.thread.on('message', ({id, outcome}: {id: number; outcome: RunOutcome}) => {
      const job = worker.job
      if (!job || job.id !== id) return
      finish(worker)
      settle(job, outcome)
      dispatch()
    })
    worker.thread.on('error', (error) => replace(worker, new QueryExecutionError(`Query worker failed: ${error.message}`)))
    worker.thread.on('exit', () => {
      if (!closed && workers.includes(worker)) replace(worker, new QueryExecutionError('Query worker exited'))
    })
    if (documents.size > 0) post(worker, {type: 'load', documents: [...documents.values()]})
    return worker
  }

  const finish = (worker: PoolWorker) => {
    if (worker.timer) clearTimeout(worker.timer)
    worker.timer = null
    worker.job = null
  }

  /** Drops a worker (stuck or broken), fails its job, and puts a fresh one in its place. */
  const replace = (worker: PoolWorker, error: Error) => {
    const index = workers.indexOf(worker)
    if (index < 0) return
    const job = worker.job
    finish(worker)
    workers.splice(index, 1)
    void worker.thread.terminate()
    if (job) job.reject(error)
    if (!closed) workers.push(spawn())
    dispatch()
  }

  const dispatch = () => {
    for (const worker of workers) {
      if (waiting.length === 0) return
      if (worker.job) continue
      const job = waiting.shift()!
      worker.job = job
      worker.timer = setTimeout(() => replace(worker, new QueryTimeoutError(timeoutMs)), timeoutMs)
      post(worker, {type: 'query', id: job.id, request: job.request})
    }
  }

  for (let i = 0; i < size; i++) workers.push(spawn())

  return {
    load(docs: Iterable<SanityDocument>) {
      documents.clear()
      for (const doc of docs) documents.set(doc._id, doc)
      const all = [...documents.values()]
      for (const worker of workers) post(worker, {type: 'load', documents: all})
    },
    apply(changes: readonly DocumentChange[]) {
      if (changes.length === 0) return
      for (const {id, document} of changes) {
        documents.delete(id)
        if (document) documents.set(id, document)
      }
      for (const worker of workers) post(worker, {type: 'apply', changes: [...changes]})
    },
    query(request: QueryRequest): Promise<QueryResponse> {
      if (closed) return Promise.reject(new QueryExecutionError('The query engine is closed'))
      return new Promise((resolve, reject) => {
        waiting.push({id: nextId++, request, resolve, reject})
        dispatch()
      })
    },
    async close() {
      closed = true
      const error = new QueryExecutionError('The query engine is closed')
      for (const job of waiting.splice(0)) job.reject(error)
      for (const worker of workers) {
        if (worker.job) worker.job.reject(error)
        finish(worker)
      }
      await Promise.all(workers.splice(0).map((worker) => worker.thread.terminate()))
    },
  }
}

function settle(job: Job, outcome: RunOutcome): void {
  if (outcome.ok) job.resolve({result: outcome.result, ms: outcome.ms})
  else if (outcome.kind === 'parse') job.reject(new QueryParseError(outcome.description, outcome.start, outcome.end))
  else job.reject(new QueryExecutionError(outcome.description))
}
