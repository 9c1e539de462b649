// One dataset: its documents in memory, its query engine, its transaction log and snapshot.
// Commits are serialised; each is logged and fsynced, then applied to memory and the engine,
// then announced to listeners, and only then acknowledged.
import {checkChanges, checkRequestNesting, documentLimitViolation, nestsDeeperThan} from '../mutations/limits.ts'
import {checkReferences} from '../mutations/references.ts'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {createQueryEngine} from '../query/index.ts'
import {TransactionDraft, type PendingChange} from '../mutations/transaction.ts'
import {randomId} from '../mutations/ids.ts'
import {HttpError} from '../http/errors.ts'
import type {QueryEngine, QueryRequest, QueryResponse, SanityDocument} from '../types.ts'
import {TransactionLog, type LoggedTransaction} from './txlog.ts'
import {readSnapshot, writeSnapshot} from './snapshot.ts'

export interface CommittedTransaction {
  id: string
  seq: number
  timestamp: string
  identity: string
  changes: PendingChange[]
}

interface LogPosition {
  offset: number
  length: number
}

export type TransactionListener = (transaction: CommittedTransaction) => void

export interface TransactOptions {
  transactionId?: string
  identity: string
  /** What the client sent, kept in the log for history. */
  request: unknown[]
  /** Build and validate, but commit nothing. */
  dryRun?: boolean
}

const SNAPSHOT_EVERY_TRANSACTIONS = 1000
const SNAPSHOT_EVERY_BYTES = 64 * 1024 * 1024

export class Dataset {
  readonly name: string
  readonly dir: string
  readonly documents = new Map<string, SanityDocument>()
  private readonly engine: QueryEngine
  private readonly log: TransactionLog
  private readonly listeners = new Set<TransactionListener>()
  private readonly deleteListeners = new Set<() => void>()
  // Where each transaction sits in the log, by id and by document touched: history reads only
  // the lines it needs. Built from the replayed tail; completed by a full scan when asked.
  private readonly revisionIndex = new Map<string, LogPosition>()
  private readonly documentIndex = new Map<string, LogPosition[]>()
  private revisionIndexComplete = false
  private seq = 0
  private snapshotSeq = 0
  private snapshotOffset = 0
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(name: string, dir: string, engine: QueryEngine, log: TransactionLog) {
    this.name = name
    this.dir = dir
    this.engine = engine
    this.log = log
  }

  /** Opens a dataset directory (creating it), restoring the snapshot and replaying the log tail. */
  static open(dir: string, name: string, options: {queryTimeoutMs: number; projectId: string}): Dataset {
    fs.mkdirSync(dir, {recursive: true})
    const log = TransactionLog.open(path.join(dir, 'txlog.ndjson'))
    // sanity::projectId() and sanity::dataset() answer from this context.
    const engine = createQueryEngine({timeoutMs: options.queryTimeoutMs, sanity: {projectId: options.projectId, dataset: name}})
    const dataset = new Dataset(name, dir, engine, log)
    dataset.restore()
    return dataset
  }

  private restore(): void {
    const snapshot = readSnapshot(path.join(this.dir, 'snapshot.ndjson'))
    let from = 0
    if (snapshot && snapshot.logOffset <= this.log.byteLength) {
      for (const doc of snapshot.documents) this.documents.set(doc._id, doc)
      this.seq = this.snapshotSeq = snapshot.seq
      from = this.snapshotOffset = snapshot.logOffset
    }
    for (const {transaction, offset, length} of this.log.read(from)) {
      if (transaction.seq <= this.seq) continue
      this.seq = transaction.seq
      this.indexTransaction(transaction, {offset, length})
      for (const change of transaction.changes) {
        if (change.doc) this.documents.set(change.id, change.doc)
        else this.documents.delete(change.id)
      }
    }
    if (from === 0) this.revisionIndexComplete = true
    this.engine.load(loadable(this.name, this.documents.values()))
  }

  get(id: string): SanityDocument | undefined {
    return this.documents.get(id)
  }

  query(request: QueryRequest): Promise<QueryResponse> {
    return this.engine.query(request)
  }

  onTransaction(listener: TransactionListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Called when the dataset is deleted (not on shutdown): listen streams end for good. */
  onDelete(listener: () => void): () => void {
    this.deleteListeners.add(listener)
    return () => this.deleteListeners.delete(listener)
  }

  markDeleted(): void {
    for (const listener of [...this.deleteListeners]) listener()
    this.deleteListeners.clear()
    this.listeners.clear()
  }

  /**
   * Runs `build` against a fresh draft, then commits what it wrote. Commits run one at a time;
   * if `build` throws, nothing is written.
   */
  transact<T>(build: (draft: TransactionDraft) => Promise<T> | T, options: TransactOptions): Promise<{transaction: CommittedTransaction; result: T}> {
    const run = async () => {
      if (options.transactionId !== undefined && this.revisionIndex.has(options.transactionId)) {
        throw new HttpError(409, 'conflictError', `Transaction ID "${options.transactionId}" has already been used`)
      }
      const draft = new TransactionDraft(options.transactionId ?? randomId(), new Date().toISOString(), (id) => this.documents.get(id))
      const result = await build(draft)
      // Limits and immutable fields first: later steps (references, the log) walk the documents.
      checkChanges(draft.changes())
      checkRequestNesting(options.request)
      if (draft.systemFields !== 'verbatim') checkReferences(draft.changes(), this.documents.values())
      const transaction = options.dryRun
        ? {id: draft.id, seq: this.seq, timestamp: draft.timestamp, identity: options.identity, changes: draft.changes()}
        : await this.commit(draft, options)
      return {transaction, result}
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  private async commit(draft: TransactionDraft, options: TransactOptions): Promise<CommittedTransaction> {
    const changes = draft.changes()
    const transaction: CommittedTransaction = {id: draft.id, seq: this.seq, timestamp: draft.timestamp, identity: options.identity, changes}
    if (changes.length === 0) return transaction
    const logged: LoggedTransaction = {
      seq: this.seq + 1,
      id: draft.id,
      timestamp: draft.timestamp,
      identity: options.identity,
      mutations: options.request,
      changes: changes.map((c) => ({id: c.id, doc: c.document})),
    }
    const position = await this.log.append(logged)
    this.seq = transaction.seq = logged.seq
    this.indexTransaction(logged, position)
    for (const change of changes) {
      if (change.document) this.documents.set(change.id, change.document)
      else this.documents.delete(change.id)
    }
    this.engine.apply(changes.map((c) => ({id: c.id, document: c.document})))
    for (const listener of this.listeners) {
      try {
        listener(transaction)
      } catch (err) {
        console.error(`[lake] listener failed on ${this.name}:`, err)
      }
    }
    if (this.seq - this.snapshotSeq >= SNAPSHOT_EVERY_TRANSACTIONS || this.log.byteLength - this.snapshotOffset >= SNAPSHOT_EVERY_BYTES) {
      this.snapshot()
    }
    return transaction
  }

  /** Writes a snapshot of the current state (atomically), so a restart replays less. */
  snapshot(): void {
    if (this.seq === this.snapshotSeq) return
    writeSnapshot(path.join(this.dir, 'snapshot.ndjson'), {seq: this.seq, logOffset: this.log.byteLength, documents: [...this.documents.values()]})
    this.snapshotSeq = this.seq
    this.snapshotOffset = this.log.byteLength
  }

  private indexTransaction(transaction: LoggedTransaction, position: LogPosition): void {
    this.revisionIndex.set(transaction.id, position)
    for (const change of transaction.changes) {
      const list = this.documentIndex.get(change.id)
      if (list) list.push(position)
      else this.documentIndex.set(change.id, [position])
    }
  }

  private completeIndex(): void {
    if (this.revisionIndexComplete) return
    this.revisionIndex.clear()
    this.documentIndex.clear()
    for (const {transaction, offset, length} of this.log.read(0)) this.indexTransaction(transaction, {offset, length})
    this.revisionIndexComplete = true
  }

  /** The document as it was right after the transaction `rev` (null if it did not touch it). */
  documentAtRevision(id: string, rev: string): SanityDocument | null {
    const current = this.documents.get(id)
    if (current?._rev === rev) return current
    if (!this.revisionIndex.has(rev)) this.completeIndex()
    const position = this.revisionIndex.get(rev)
    if (!position) return null
    const transaction = this.log.readAt(position.offset, position.length)
    return transaction.changes.find((c) => c.id === id)?.doc ?? null
  }

  /** Every transaction that touched one of `ids`, oldest first. */
  transactionsTouching(ids: readonly string[]): LoggedTransaction[] {
    this.completeIndex()
    const positions = new Map<number, LogPosition>()
    for (const id of ids) for (const p of this.documentIndex.get(id) ?? []) positions.set(p.offset, p)
    return [...positions.values()].sort((a, b) => a.offset - b.offset).map((p) => this.log.readAt(p.offset, p.length))
  }

  /** Every logged transaction, oldest first (history endpoints derive from this). */
  *transactions(): Generator<LoggedTransaction> {
    for (const {transaction} of this.log.read(0)) yield transaction
  }

  /** Waits for pending commits, snapshots and releases the files. */
  async close(): Promise<void> {
    await this.queue
    this.snapshot()
    this.log.close()
    await this.engine.close()
  }
}

/** Beyond this nesting the query workers cannot take a document (structured cloning recurses). */
const QUERYABLE_NESTING = 512

/**
 * The restored documents the query engine gets. A data dir written before the document limits
 * may hold documents over them: they still load (with a warning), and one nested too deep to be
 * copied to the query workers stays readable by id and deletable, but out of queries.
 */
function* loadable(dataset: string, documents: Iterable<SanityDocument>): Generator<SanityDocument> {
  for (const doc of documents) {
    const violation = documentLimitViolation(doc, doc._id)
    if (violation === null) {
      yield doc
      continue
    }
    if (nestsDeeperThan(doc, QUERYABLE_NESTING)) {
      console.warn(`[lake] ${dataset}: ${violation.description}; it nests over ${QUERYABLE_NESTING} levels, so queries leave it out (delete or replace it)`)
      continue
    }
    console.warn(`[lake] ${dataset}: ${violation.description}; loaded as stored (written before the lake enforced this limit)`)
    yield doc
  }
}
