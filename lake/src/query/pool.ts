// A pool of query worker threads shared by every dataset engine of the process (a lake may hold
// a hundred datasets; a thread pair per dataset would not scale). The documents' JSON text is
// written once into shared memory (document-text.ts); each worker maps it and keeps indexes of
// every dataset, keyed by store id, decoding a document only when a query reads it. A query runs
// on an idle worker; one that overruns its time limit is terminated (groq-js cannot be interrupted
// otherwise) and replaced by a fresh worker loaded from the pool's slots, while the other workers
// keep answering.
//
// The time limit counts from when a query reaches the pool, so a query that waited its whole limit
// in the queue is answered with the timeout without running. A worker takes queries only once it
// has started and loaded the documents; a query that arrives while no worker has (at start, or
// right after timeouts replaced them all) counts its limit from when the first one is ready, so
// a thread's start-up on a loaded machine is not charged to the query, and a query never times
// out (and replaces) a worker that was still starting. Queries without a token run on at
// most `anonymousWorkers` workers at once and wait in a queue of at most `anonymousQueue`, behind
// every query with a token: anonymous load cannot take the workers editors need. One client (remote
// address) may use at most half of that share's workers and half of its queue, so a single
// client's slow queries cannot shut other anonymous readers (a public site) out.

import {availableParallelism} from 'node:os'
import {MessageChannel, Worker} from 'node:worker_threads'
import type {DocumentChange, QueryRequest, QueryResponse, SanityDocument} from '../types.ts'
import {QueryBusyError, QueryExecutionError, QueryParameterError, QueryParseError, QueryTimeoutError} from './errors.ts'
import {DocumentText, type Slot} from './document-text.ts'
import type {RunOutcome} from './run.ts'
import type {SanityContext, SlotChange} from './store.ts'
import type {WorkerMessage} from './worker.ts'
import {siblingModule} from '../module-url.ts'

interface Job {
  id: number
  store: number
  request: QueryRequest
  timeoutMs: number
  anonymous: boolean
  /** The sender (remote address), for turns among anonymous clients. */
  client: string
  /** Fires `timeoutMs` after the query arrived (or after a worker was ready), whether it waits or runs. */
  deadline: NodeJS.Timeout
  /** Whether `deadline` is the time limit (false: the start-up guard while no worker is ready). */
  limited: boolean
  resolve: (response: QueryResponse) => void
  reject: (error: Error) => void
}

interface PoolWorker {
  thread: Worker
  job: Job | null
  /** Has handled the messages that loaded it (answered the `ready` message posted after them). */
  ready: boolean
}

export interface QueryPoolOptions {
  workers?: number
  /** How many workers may run queries without a token at once (default: half of them, at least one). */
  anonymousWorkers?: number
  /** How many queries without a token may wait; more are refused at once (default 32). */
  anonymousQueue?: number
}

export interface QueryOptions {
  timeoutMs: number
  /** Sent without a token: runs in the anonymous share of the pool. */
  anonymous?: boolean
  /** Who sent it (the remote address). */
  client?: string
}

const WORKER_URL = siblingModule('worker', import.meta.url)
/** Workers that die this many times in a row (no answer between) are respawned only after a pause. */
const MAX_CRASHES = 5
const RESPAWN_DELAYS_MS = [1_000, 5_000, 30_000]
const DEFAULT_ANONYMOUS_QUEUE = 32
/** How long a query waits for a worker to start before it is refused (workers that fail to start crash sooner). */
const STARTUP_GUARD_MS = 60_000

export class QueryPool {
  readonly size: number
  private readonly anonymousWorkers: number
  private readonly anonymousQueue: number
  private workers: PoolWorker[] = []
  private waiting: Job[] = []
  /** Every document's text, shared with the workers. */
  private readonly text = new DocumentText((segment, buffer) => {
    for (const worker of this.workers) this.post(worker, {type: 'segment', segment, buffer})
  })
  /** Store id -> where each of its documents' text is, to load a replacement worker. */
  private stores = new Map<number, Map<string, Slot>>()
  private contexts = new Map<number, SanityContext | undefined>()
  private nextStore = 0
  private nextJobId = 0
  /** Workers that died on their own since the last answer; too many means they cannot start. */
  private crashes = 0
  private failing: Error | undefined
  private respawnTimer: NodeJS.Timeout | null = null
  /** Documents already reported as impossible to hand to a worker (`id@rev`), so each is logged once. */
  private unpostable = new Set<string>()

  constructor(options: QueryPoolOptions = {}) {
    // The worker runs from TypeScript source, which needs Node's type stripping (the repo pins
    // Node 22); `node_modules/.bin/vitest` started directly runs on whatever `node` is on PATH.
    if (!(process.features as {typescript?: unknown}).typescript) {
      throw new Error(
        `The lake's query engine needs Node >= 22.12 with type stripping (this is ${process.version}). ` +
          'Run tests with `npm test` or `node_modules/.bin/node node_modules/.bin/vitest run`.',
      )
    }
    this.size = Math.max(1, options.workers ?? Math.min(4, Math.max(2, availableParallelism())))
    this.anonymousWorkers = Math.min(this.size, Math.max(1, options.anonymousWorkers ?? Math.floor(this.size / 2)))
    this.anonymousQueue = Math.max(0, options.anonymousQueue ?? DEFAULT_ANONYMOUS_QUEUE)
  }

  /** Bytes of the documents' shared text: allocated in segments, and live (documents in use). */
  get textBytes(): {allocated: number; live: number} {
    return this.text.bytes
  }

  /** Registers a dataset; returns its store id. */
  open(sanity?: SanityContext): number {
    const store = this.nextStore++
    this.stores.set(store, new Map())
    this.contexts.set(store, sanity)
    for (const worker of this.workers) this.post(worker, {type: 'open', store, sanity})
    this.fill()
    return store
  }

  /** Replaces a store's documents; returns those it could not write as JSON (queries leave them out). */
  load(store: number, documents: Iterable<SanityDocument>): SanityDocument[] {
    const slots = this.slotsOf(store)
    for (const slot of slots.values()) this.text.free(slot)
    slots.clear()
    const unwritten: SanityDocument[] = []
    for (const doc of documents) {
      const slot = this.write(doc)
      if (slot) slots.set(doc._id, slot)
      else unwritten.push(doc)
    }
    for (const worker of this.workers) this.post(worker, {type: 'load', store, slots: packed(slots)})
    this.releaseDropped()
    return unwritten
  }

  /** Applies committed changes; returns those whose new document it could not write as JSON (queries leave them out). */
  apply(store: number, changes: readonly DocumentChange[]): DocumentChange[] {
    const slots = this.slotsOf(store)
    const posted: SlotChange[] = []
    const unwritten: DocumentChange[] = []
    for (const {id, document} of changes) {
      const previous = slots.get(id)
      if (previous) {
        slots.delete(id)
        this.text.free(previous)
      }
      const slot = document ? this.write(document) : null
      if (slot) slots.set(id, slot)
      else if (document) unwritten.push({id, document})
      posted.push({id, slot})
    }
    for (const worker of this.workers) this.post(worker, {type: 'apply', store, changes: posted})
    // After the changes that stopped using them: a worker handles its messages in order.
    this.releaseDropped()
    if (this.text.wasteful) this.compact()
    return unwritten
  }

  /**
   * Where each of a store's documents' text is: the main thread reads its documents from here
   * too (compaction moves the slots; this map always holds the current ones).
   */
  slots(store: number): ReadonlyMap<string, Slot> {
    return this.slotsOf(store)
  }

  /** The text in a current slot (a view of the shared bytes). */
  bytes(slot: Slot): Buffer {
    return this.text.textOf(slot)
  }

  /** The text as it is now, readable through slots taken now even after they are replaced or compacted. */
  view(): (slot: Slot) => Buffer {
    return this.text.view()
  }

  query(store: number, request: QueryRequest, options: QueryOptions): Promise<QueryResponse> {
    if (!this.stores.has(store)) return Promise.reject(new QueryExecutionError('The query engine is closed'))
    if (this.failing && this.workers.length === 0) return Promise.reject(this.failing)
    return new Promise((resolve, reject) => {
      const limited = this.workers.some((worker) => worker.ready)
      const job: Job = {
        id: this.nextJobId++,
        store,
        request,
        timeoutMs: options.timeoutMs,
        anonymous: options.anonymous === true,
        client: options.client ?? '',
        deadline: limited
          ? setTimeout(() => this.expire(job), options.timeoutMs)
          : setTimeout(
              () => this.settleWaiting(job, new QueryExecutionError(`No query worker started within ${STARTUP_GUARD_MS / 1000} s`)),
              STARTUP_GUARD_MS,
            ),
        limited,
        resolve,
        reject,
      }
      this.waiting.push(job)
      this.dispatch()
      // Still waiting, with the anonymous queue (or this client's half of it) full: refused at once.
      if (job.anonymous && this.waiting.includes(job)) {
        const waiting = this.waiting.filter((other) => other.anonymous)
        const mine = waiting.filter((other) => other.client === job.client).length
        const perClient = Math.ceil(this.anonymousQueue / 2)
        if (waiting.length > this.anonymousQueue) this.settleWaiting(job, new QueryBusyError(`${this.anonymousQueue} may wait`))
        else if (mine > perClient) this.settleWaiting(job, new QueryBusyError(`${perClient} from one client may wait`))
      }
    })
  }

  /** Forgets a dataset; when none is left the workers stop (a later `open` starts new ones). */
  async close(store: number): Promise<void> {
    const slots = this.stores.get(store)
    this.stores.delete(store)
    this.contexts.delete(store)
    const error = new QueryExecutionError('The query engine is closed')
    for (const job of this.waiting.filter((job) => job.store === store)) this.settleWaiting(job, error)
    for (const worker of this.workers) {
      const job = worker.job
      if (job?.store === store) {
        this.finish(worker)
        job.reject(error)
      }
      this.post(worker, {type: 'drop', store})
    }
    for (const slot of slots?.values() ?? []) this.text.free(slot)
    // The dataset reads this map too: after a close it holds nothing (its segments may be gone).
    slots?.clear()
    this.releaseDropped()
    if (this.stores.size === 0) {
      if (this.respawnTimer) clearTimeout(this.respawnTimer)
      this.respawnTimer = null
      const workers = this.workers.splice(0)
      for (const worker of workers) this.finish(worker)
      await Promise.all(workers.map((worker) => worker.thread.terminate()))
    }
    this.dispatch()
  }

  private slotsOf(store: number): Map<string, Slot> {
    const slots = this.stores.get(store)
    if (!slots) throw new QueryExecutionError('The query engine is closed')
    return slots
  }

  /** Posts a message; false if it cannot be serialised (e.g. nested too deeply for the structured clone). */
  private post(worker: PoolWorker, message: WorkerMessage): boolean {
    try {
      worker.thread.postMessage(message)
      return true
    } catch (error) {
      if (message.type !== 'query') console.error('[lake] query worker message failed:', error)
      return false
    }
  }

  /** The document's text in shared memory; null (and logged once) if it cannot be written as JSON. */
  private write(document: SanityDocument): Slot | null {
    let text: string
    try {
      text = JSON.stringify(document)
    } catch {
      this.reportUnwritable(document)
      return null
    }
    return this.text.write(text)
  }

  /** Tells the workers of the segments dropped since the last messages they were posted. */
  private releaseDropped(): void {
    const segments = this.text.takeDropped()
    if (segments.length === 0) return
    for (const worker of this.workers) this.post(worker, {type: 'release', segments})
  }

  /** Most of the shared text is dead: copies what is live into fresh segments and reloads the workers from them. */
  private compact(): void {
    const older = this.text.seal()
    for (const [store, slots] of this.stores) {
      for (const [id, slot] of slots) slots.set(id, this.text.copy(slot))
      for (const worker of this.workers) this.post(worker, {type: 'load', store, slots: packed(slots)})
    }
    this.text.dropAll(older)
    this.releaseDropped()
  }

  private reportUnwritable(document: SanityDocument): void {
    const key = `${document._id}@${document._rev}`
    if (this.unpostable.has(key)) return
    this.unpostable.add(key)
    console.error(
      `[lake] document "${document._id}" cannot be handed to the query workers (nested too deeply to copy); queries do not see it`,
    )
  }

  /** Starts workers until the pool is full (none while it pauses after repeated crashes). */
  private fill(): void {
    while (this.stores.size > 0 && !this.respawnTimer && this.workers.length < this.size) {
      const worker = this.spawn()
      if (!worker) {
        this.pauseRespawn(new QueryExecutionError('Query worker could not start'))
        return
      }
      this.workers.push(worker)
    }
  }

  private spawn(): PoolWorker | null {
    let thread: Worker
    try {
      thread = new Worker(WORKER_URL, {resourceLimits: {maxYoungGenerationSizeMb: 8}})
    } catch (error) {
      console.error('[lake] query worker could not start:', error)
      return null
    }
    const worker: PoolWorker = {thread, job: null, ready: false}
    thread.unref()
    thread.on('message', (message: {id: number; outcome: RunOutcome} | {ready: true}) => {
      if ('ready' in message) {
        worker.ready = true
        this.startLimits()
        this.dispatch()
        return
      }
      const {id, outcome} = message
      const job = worker.job
      if (!job || job.id !== id) return
      this.crashes = 0
      this.failing = undefined
      this.finish(worker)
      settle(job, outcome)
      this.dispatch()
    })
    thread.on('error', (error) => this.crashed(worker, new QueryExecutionError(`Query worker failed: ${error.message}`)))
    thread.on('exit', () => this.crashed(worker, new QueryExecutionError('Query worker exited')))
    for (const [segment, buffer] of this.text.all()) this.post(worker, {type: 'segment', segment, buffer})
    for (const [store, slots] of this.stores) {
      this.post(worker, {type: 'open', store, sanity: this.contexts.get(store)})
      if (slots.size > 0) this.post(worker, {type: 'load', store, slots: packed(slots)})
    }
    this.post(worker, {type: 'ready'})
    return worker
  }

  /** A worker is ready: queries that arrived while none was start their time limit now. */
  private startLimits(): void {
    for (const job of this.waiting) {
      if (job.limited) continue
      clearTimeout(job.deadline)
      job.limited = true
      job.deadline = setTimeout(() => this.expire(job), job.timeoutMs)
    }
  }

  private finish(worker: PoolWorker): void {
    if (worker.job) clearTimeout(worker.job.deadline)
    worker.job = null
  }

  /** A worker died on its own: replace it; after repeated deaths, pause before starting more. */
  private crashed(worker: PoolWorker, error: QueryExecutionError): void {
    if (!this.workers.includes(worker)) return
    if (++this.crashes >= MAX_CRASHES) this.pauseRespawn(error)
    this.replace(worker, error)
  }

  /** Fails what waits (nothing can run it soon) and tries again after a growing pause. */
  private pauseRespawn(error: Error): void {
    this.failing = new QueryExecutionError(`Query workers keep failing (${error.message})`)
    for (const job of [...this.waiting]) this.settleWaiting(job, this.failing)
    if (this.respawnTimer) return
    const delay = RESPAWN_DELAYS_MS[Math.min(RESPAWN_DELAYS_MS.length - 1, Math.max(0, this.crashes - MAX_CRASHES))]
    this.respawnTimer = setTimeout(() => {
      this.respawnTimer = null
      this.fill()
      this.dispatch()
    }, delay)
    this.respawnTimer.unref()
  }

  /** Drops a worker (stuck or broken), fails its job, and puts a fresh one in its place. */
  private replace(worker: PoolWorker, error: Error): void {
    const index = this.workers.indexOf(worker)
    if (index < 0) return
    const job = worker.job
    this.finish(worker)
    this.workers.splice(index, 1)
    worker.thread.terminate().catch(() => undefined)
    job?.reject(error)
    this.fill()
    this.dispatch()
  }

  /** The time limit of a query passed: stop the worker running it, or answer it without running. */
  private expire(job: Job): void {
    const worker = this.workers.find((w) => w.job === job)
    if (worker) this.replace(worker, new QueryTimeoutError(job.timeoutMs))
    else this.settleWaiting(job, new QueryTimeoutError(job.timeoutMs))
  }

  private settleWaiting(job: Job, error: Error): void {
    const index = this.waiting.indexOf(job)
    if (index >= 0) this.waiting.splice(index, 1)
    clearTimeout(job.deadline)
    job.reject(error)
  }

  /**
   * Queries with a token first; anonymous ones only while their share of the workers has room,
   * and from one client on at most half of that share.
   */
  private nextJob(): Job | undefined {
    const token = this.waiting.find((job) => !job.anonymous)
    if (token) return token
    const running = new Map<string, number>()
    let total = 0
    for (const worker of this.workers) {
      if (!worker.job?.anonymous) continue
      total++
      running.set(worker.job.client, (running.get(worker.job.client) ?? 0) + 1)
    }
    if (total >= this.anonymousWorkers) return undefined
    const perClient = Math.ceil(this.anonymousWorkers / 2)
    return this.waiting.find((job) => job.anonymous && (running.get(job.client) ?? 0) < perClient)
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (worker.job || !worker.ready) continue
      const job = this.nextJob()
      if (!job) return
      this.waiting.splice(this.waiting.indexOf(job), 1)
      if (this.post(worker, {type: 'query', id: job.id, store: job.store, request: job.request})) {
        worker.job = job
        continue
      }
      // Nothing was sent: the worker stays idle, and the query is refused for what it carries.
      clearTimeout(job.deadline)
      job.reject(unpostableRequest(job.request))
    }
  }
}

/** Slots as (segment, offset, length) triples: one small typed array to post rather than many objects. */
function packed(slots: Map<string, Slot>): Int32Array {
  const out = new Int32Array(slots.size * 3)
  let i = 0
  for (const {segment, offset, length} of slots.values()) {
    out[i++] = segment
    out[i++] = offset
    out[i++] = length
  }
  return out
}

/** Why a query could not be posted: the first parameter that cannot be copied to a thread. */
function unpostableRequest(request: QueryRequest): Error {
  const {port1, port2} = new MessageChannel()
  try {
    for (const [name, value] of Object.entries(request.params ?? {})) {
      try {
        port1.postMessage(value)
      } catch (error) {
        return new QueryParameterError(name, (error as Error).message)
      }
    }
  } finally {
    port1.close()
    port2.close()
  }
  return new QueryExecutionError('The query could not be handed to a query worker')
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

/** The process-wide pool every engine uses unless given its own; options apply when it is created. */
export function sharedQueryPool(options?: QueryPoolOptions): QueryPool {
  return (shared ??= new QueryPool(options))
}
