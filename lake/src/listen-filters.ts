// Listen filters run off the main thread, with a time limit: a commit hands its documents to a
// filter thread and returns at once; each listener's matches come back in commit order. A filter
// that takes longer than the limit on one transaction gets its listener closed (`onOverrun`),
// and the thread is replaced so the other listeners go on. Listeners without a token have a
// thread of their own, so their filters never delay the events of editors and the Studio.
import {Worker} from 'node:worker_threads'
import type {FilterAnswer, FilterMessage, FilterReady} from './listen-filter-worker.ts'
import type {SanityDocument} from './types.ts'

export const DEFAULT_LISTEN_FILTER_TIMEOUT_MS = 1_000
/** Hosted's listener limit on its free plan, here for listeners without a token. */
export const DEFAULT_ANONYMOUS_LISTENERS = 1_000
/** The time limit covers this many documents; a larger transaction gets a proportionally longer one. */
const DOCUMENTS_PER_LIMIT = 200

const WORKER_URL = new URL('./listen-filter-worker.ts', import.meta.url)

export type Documents = ReadonlyArray<SanityDocument | null>

export interface ListenFilter {
  /**
   * Checks the filter against each document; `deliver` gets one boolean per document. Calls made
   * with the same `documents` array in one tick (one transaction, many listeners) share one
   * hand-over to the thread. Deliveries keep call order; none come after `remove` or an overrun.
   */
  evaluate(documents: Documents, deliver: (matches: boolean[]) => void): void
  remove(): void
}

export interface ListenFilters {
  /** Whether another listener without a token fits (they are limited in number). */
  hasRoom(tokenless: boolean): boolean
  readonly anonymousLimit: number
  /** `onOverrun` is called once, with the reason, if the filter overruns the time limit. */
  add(query: string, params: Record<string, unknown>, tokenless: boolean, onOverrun: (message: string) => void): ListenFilter
  close(): Promise<void>
}

export function createListenFilters(timeoutMs: number, anonymousLimit = DEFAULT_ANONYMOUS_LISTENERS): ListenFilters {
  const withToken = new FilterThread(timeoutMs)
  const withoutToken = new FilterThread(timeoutMs)
  return {
    hasRoom: (tokenless) => !tokenless || withoutToken.size < anonymousLimit,
    anonymousLimit,
    add: (query, params, tokenless, onOverrun) => (tokenless ? withoutToken : withToken).add(query, params, onOverrun),
    close: async () => {
      await Promise.all([withToken.close(), withoutToken.close()])
    },
  }
}

interface Filter {
  query: string
  params: Record<string, unknown>
  onOverrun: (message: string) => void
}

interface Batch {
  id: number
  documents: Documents
  /** Listeners still to answer, in the order the thread evaluates them. */
  listeners: number[]
  deliver: Map<number, (matches: boolean[]) => void>
}

class FilterThread {
  private readonly timeoutMs: number
  private thread: Worker | null = null
  /** The thread has started; until then no time limit runs. */
  private ready = false
  private readonly filters = new Map<number, Filter>()
  /** Handed to the thread, oldest first; the head is being evaluated. */
  private sent: Batch[] = []
  /** Gathered in this tick, by documents array. */
  private gathering = new Map<Documents, Batch>()
  private timer: NodeJS.Timeout | null = null
  private nextListener = 0
  private nextBatch = 0
  private closed = false

  constructor(timeoutMs: number) {
    this.timeoutMs = timeoutMs
  }

  /** Listeners registered (open). */
  get size(): number {
    return this.filters.size
  }

  add(query: string, params: Record<string, unknown>, onOverrun: (message: string) => void): ListenFilter {
    const listener = this.nextListener++
    const filter: Filter = {query, params, onOverrun}
    this.filters.set(listener, filter)
    const failure = this.post({type: 'add', listener, query, params})
    if (failure) {
      this.filters.delete(listener)
      queueMicrotask(() => onOverrun(`Listen query cannot be evaluated: ${failure}`))
    }
    return {
      evaluate: (documents, deliver) => {
        if (this.filters.get(listener) === filter) this.gather(listener, documents, deliver)
      },
      remove: () => {
        if (this.filters.get(listener) !== filter) return
        this.filters.delete(listener)
        // A thread started later gets only the filters still registered.
        if (this.thread) this.post({type: 'remove', listener})
      },
    }
  }

  async close(): Promise<void> {
    this.closed = true
    this.disarm()
    const thread = this.thread
    this.thread = null
    this.sent = []
    await thread?.terminate()
  }

  private gather(listener: number, documents: Documents, deliver: (matches: boolean[]) => void): void {
    let batch = this.gathering.get(documents)
    if (!batch) {
      batch = {id: this.nextBatch++, documents, listeners: [], deliver: new Map()}
      this.gathering.set(documents, batch)
      if (this.gathering.size === 1) queueMicrotask(() => this.flush())
    }
    batch.listeners.push(listener)
    batch.deliver.set(listener, deliver)
  }

  private flush(): void {
    const batches = [...this.gathering.values()]
    this.gathering.clear()
    for (const batch of batches) this.send(batch)
  }

  private send(batch: Batch): void {
    const listeners = batch.listeners.filter((listener) => this.filters.has(listener))
    if (listeners.length === 0) return
    batch.listeners = listeners
    const failure = this.post({type: 'evaluate', batch: batch.id, listeners, documents: [...batch.documents]})
    if (failure) {
      console.error(`[lake] listen: a transaction could not be handed to the filter thread (${failure}); its events are not sent`)
      return
    }
    this.sent.push(batch)
    this.arm()
  }

  /** Undefined once posted; else why not (a thread that cannot start, a value nested too deeply to copy). */
  private post(message: FilterMessage): string | undefined {
    if (this.closed) return 'the lake is shutting down'
    try {
      this.ensureThread().postMessage(message)
      return undefined
    } catch (error) {
      return (error as Error).message
    }
  }

  private ensureThread(): Worker {
    if (this.thread) return this.thread
    const thread = new Worker(WORKER_URL)
    thread.unref()
    thread.on('message', (message: FilterAnswer | FilterReady) => {
      if (thread !== this.thread) return
      if ('ready' in message) {
        this.ready = true
        this.arm()
      } else this.answered(message)
    })
    thread.on('error', (error) => {
      if (thread === this.thread) this.failed(`the filter thread failed (${error.message})`)
    })
    thread.on('exit', () => {
      if (thread === this.thread) this.failed('the filter thread exited')
    })
    this.thread = thread
    this.ready = false
    for (const [listener, {query, params}] of this.filters)
      thread.postMessage({type: 'add', listener, query, params} satisfies FilterMessage)
    return thread
  }

  private answered(answer: FilterAnswer): void {
    const head = this.sent[0]
    if (!head || head.id !== answer.batch || head.listeners[0] !== answer.listener) return
    head.listeners.shift()
    if (this.filters.has(answer.listener)) head.deliver.get(answer.listener)?.(answer.matches)
    if (head.listeners.length === 0) this.sent.shift()
    this.disarm()
    if (this.sent.length > 0) this.arm()
  }

  private arm(): void {
    const head = this.sent[0]
    if (!head || !this.ready || this.timer) return
    const limit = this.timeoutMs * Math.max(1, Math.ceil(head.documents.length / DOCUMENTS_PER_LIMIT))
    this.timer = setTimeout(() => this.restart(`its filter took longer than ${limit} ms on one transaction`), limit)
    this.timer.unref()
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** The thread died: on a filter if it had started (that listener is closed), else at start-up. */
  private failed(reason: string): void {
    if (this.ready) return this.restart(reason)
    // Nothing ran yet; a thread that cannot start is tried again at the next transaction, not in a loop.
    console.error(`[lake] listen: ${reason} before it started; the events of ${this.sent.length} transaction(s) are not sent`)
    this.disarm()
    this.thread = null
    this.sent = []
  }

  /**
   * The thread overran (or died) on the head listener's filter: close that listener, start a new
   * thread with the other filters and hand it everything not yet answered.
   */
  private restart(reason: string): void {
    this.disarm()
    const old = this.thread
    this.thread = null
    old?.terminate().catch(() => undefined)
    const culprit = this.sent[0]?.listeners[0]
    const filter = culprit === undefined ? undefined : this.filters.get(culprit)
    if (culprit !== undefined && filter) {
      this.filters.delete(culprit)
      filter.onOverrun(`Listener closed: ${reason}`)
    }
    const pending = this.sent
    this.sent = []
    if (this.closed) return
    for (const batch of pending) this.send(batch)
  }
}
