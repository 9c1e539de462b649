// One dataset: its documents in memory, its query engine, its transaction log and snapshot.
// The documents are held once, as JSON text shared with the query threads (documents.ts).
// Commits are built one at a time; each is logged and fdatasynced (group commit: a burst of
// commits shares one fdatasync), then applied to memory and the engine, then announced to
// listeners, and only then acknowledged.
import {checkChanges, checkRequestNesting} from '../mutations/limits.ts'
import {checkReferences, strongRefs} from '../mutations/references.ts'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {createQueryEngine, type DatasetQueryEngine} from '../query/engine.ts'
import {TransactionDraft, type PendingChange} from '../mutations/transaction.ts'
import {randomId} from '../mutations/ids.ts'
import {HttpError} from '../errors.ts'
import type {QueryRequest, QueryResponse, SanityDocument} from '../types.ts'
import {StoredDocuments, type CapturedDocuments} from './documents.ts'
import {DatasetDamagedError, inspectDataset, LOG_FILE, SNAPSHOT_FILE} from './integrity.ts'
import {cutTornTail, setDamagedSnapshotAside} from './recovery.ts'
import {encodeLineYielding, TransactionLog, type LoggedTransaction} from './txlog.ts'
import {writeSnapshot, type Snapshot, type SnapshotPosition} from './snapshot.ts'

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
  /** Committed documents: on disk, applied, announced. */
  private readonly documents: StoredDocuments
  private readonly engine: DatasetQueryEngine
  private readonly log: TransactionLog
  private readonly listeners = new Set<TransactionListener>()
  private readonly deleteListeners = new Set<() => void>()
  // Where each transaction sits in the log, by id and by document touched: history reads only
  // the lines it needs. Built from the replayed tail; completed by a full scan when asked.
  private readonly revisionIndex = new Map<string, LogPosition>()
  private readonly documentIndex = new Map<string, LogPosition[]>()
  private revisionIndexComplete = false
  /** Seq of the last applied transaction; `nextSeq` also counts those written but not yet synced. */
  private seq = 0
  private nextSeq = 0
  /** Log offset after the last applied transaction, and that line's seq (what a snapshot records). */
  private appliedOffset = 0
  private appliedLogSeq = 0
  private lastAppliedId: string | null = null
  private snapshotSeq = 0
  private snapshotOffset = 0
  private snapshotting: Promise<void> | null = null
  // Transactions written to the log but not yet synced: later drafts read through them, so a
  // burst of writers can share one fdatasync while each still sees the ones before it.
  private readonly pendingDocuments = new Map<string, {seq: number; document: SanityDocument | null}>()
  private readonly pendingIds = new Set<string>()
  /** Builds run one at a time; this is the last one. */
  private queue: Promise<unknown> = Promise.resolve()
  /** Applies run in log order, each after the fdatasync that covers it; this is the last one. */
  private applied: Promise<unknown> = Promise.resolve()

  private constructor(name: string, dir: string, engine: DatasetQueryEngine, log: TransactionLog) {
    this.name = name
    this.dir = dir
    this.engine = engine
    this.documents = new StoredDocuments(name, engine)
    this.log = log
  }

  /**
   * Opens a dataset directory (creating it): checks the log and the snapshot, restores the
   * snapshot and replays the log after it. A torn tail (a crash mid-append) is cut off and
   * reported; other damage throws DatasetDamagedError naming the file, offset and repair command.
   */
  static open(dir: string, name: string, options: {queryTimeoutMs: number; projectId: string}): Dataset {
    fs.mkdirSync(dir, {recursive: true})
    const inspection = inspectDataset(dir)
    if (inspection.problem) throw new DatasetDamagedError(name, dir, inspection.problem)
    if (inspection.tornTail) cutTornTail(name, dir, inspection.tornTail)
    if (inspection.replayWholeLog && inspection.snapshot.kind === 'damaged')
      setDamagedSnapshotAside(name, dir, inspection.snapshot.error.message)
    const log = TransactionLog.open(path.join(dir, LOG_FILE))
    // sanity::projectId() and sanity::dataset() answer from this context.
    const engine = createQueryEngine({timeoutMs: options.queryTimeoutMs, sanity: {projectId: options.projectId, dataset: name}})
    const dataset = new Dataset(name, dir, engine, log)
    dataset.restore(inspection.snapshot.kind === 'ok' ? inspection.snapshot.snapshot : null)
    return dataset
  }

  private restore(snapshot: Snapshot | null): void {
    let from = 0
    if (snapshot) {
      this.seq = this.snapshotSeq = snapshot.seq
      from = this.snapshotOffset = this.appliedOffset = snapshot.logOffset
      this.appliedLogSeq = snapshot.logSeq
    }
    // What the log after the snapshot changed (null: deleted); the snapshot's documents are read
    // one at a time and handed over with these in their place.
    const changed = new Map<string, SanityDocument | null>()
    for (const {transaction, offset, length} of this.log.read(from)) {
      this.appliedOffset = offset + length
      this.appliedLogSeq = transaction.seq
      this.lastAppliedId = transaction.id
      if (transaction.seq <= this.seq) continue
      this.seq = transaction.seq
      this.indexTransaction(transaction, {offset, length})
      for (const change of transaction.changes) changed.set(change.id, change.doc)
    }
    this.nextSeq = this.seq
    if (from === 0) this.revisionIndexComplete = true
    this.documents.load(restored(snapshot?.documents ?? [], changed))
  }

  /** A committed document: a fresh copy, decoded from its text. */
  get(id: string): SanityDocument | undefined {
    return this.documents.get(id)
  }

  /** How many committed documents the dataset holds. */
  get documentCount(): number {
    return this.documents.size
  }

  /** Every committed document, decoded one at a time. */
  allDocuments(): Generator<SanityDocument> {
    return this.documents.values()
  }

  /** The committed documents as they are now, readable later whatever is committed meanwhile. */
  capture(): CapturedDocuments {
    return this.documents.capture()
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
   * Runs `build` against a fresh draft, then commits what it wrote. Builds run one at a time and
   * see every transaction built before them; if `build` throws, nothing is written. The result
   * arrives once the transaction is on disk, applied and announced.
   */
  async transact<T>(
    build: (draft: TransactionDraft) => Promise<T> | T,
    options: TransactOptions,
  ): Promise<{transaction: CommittedTransaction; result: T}> {
    const run = async () => {
      if (this.log.failed) throw this.writesStopped(this.log.failed)
      if (
        options.transactionId !== undefined &&
        (this.revisionIndex.has(options.transactionId) || this.pendingIds.has(options.transactionId))
      ) {
        throw new HttpError(409, 'conflictError', `Transaction ID "${options.transactionId}" has already been used`)
      }
      const draft = new TransactionDraft(options.transactionId ?? randomId(), new Date().toISOString(), (id) => this.latest(id))
      const result = await build(draft)
      const changes = draft.changes()
      // Limits and immutable fields first: later steps (references, the log) walk the documents.
      checkChanges(changes)
      checkRequestNesting(options.request)
      if (draft.systemFields !== 'verbatim') checkReferences(changes, (id) => this.latestReferrers(id))
      const transaction: CommittedTransaction = {
        id: draft.id,
        seq: this.nextSeq,
        timestamp: draft.timestamp,
        identity: options.identity,
        changes,
      }
      // A dry run or an empty transaction writes nothing; an empty one still answers only after
      // the transactions before it are committed.
      if (options.dryRun) return {transaction, result, done: Promise.resolve()}
      if (changes.length === 0) return {transaction, result, done: this.applied}
      const {applied} = await this.write(draft, transaction, options)
      return {transaction, result, done: applied}
    }
    const built = this.queue.then(run, run)
    this.queue = built.catch(() => undefined)
    const {transaction, result, done} = await built
    await done
    return {transaction, result}
  }

  /** Queues the transaction's log line; `applied` settles once it is synced and applied. */
  private async write(
    draft: TransactionDraft,
    transaction: CommittedTransaction,
    options: TransactOptions,
  ): Promise<{applied: Promise<void>}> {
    const logged: LoggedTransaction = {
      seq: this.nextSeq + 1,
      id: draft.id,
      timestamp: draft.timestamp,
      identity: options.identity,
      mutations: options.request,
      changes: transaction.changes.map((c) => ({id: c.id, doc: c.document})),
    }
    const encoded = await encodeLineYielding(logged)
    if (this.log.failed) throw this.writesStopped(this.log.failed)
    const append = this.log.append(logged, encoded)
    const durable = append.durable.catch((err: Error) => {
      throw this.writesStopped(err)
    })
    this.nextSeq = transaction.seq = logged.seq
    this.pendingIds.add(logged.id)
    for (const change of transaction.changes) this.pendingDocuments.set(change.id, {seq: logged.seq, document: change.document})
    const step = this.applied.then(() => durable).then(() => this.apply(logged, append, transaction))
    this.applied = step.catch(() => undefined)
    // Wrapped: an async function returning the promise itself would wait for it.
    return {applied: step}
  }

  /** After a failed log write: no more writes until a restart has checked the log. */
  private writesStopped(err: Error): HttpError {
    return new HttpError(503, 'datasetUnavailableError', `Dataset "${this.name}" accepts no writes: ${err.message}`)
  }

  /** Makes a synced transaction visible: memory, query engine, listeners; maybe a snapshot. */
  private apply(logged: LoggedTransaction, position: LogPosition, transaction: CommittedTransaction): void {
    this.seq = this.appliedLogSeq = logged.seq
    this.appliedOffset = position.offset + position.length
    this.lastAppliedId = logged.id
    this.indexTransaction(logged, position)
    this.pendingIds.delete(logged.id)
    this.documents.apply(transaction.changes)
    for (const change of transaction.changes) {
      if (this.pendingDocuments.get(change.id)?.seq === logged.seq) this.pendingDocuments.delete(change.id)
    }
    for (const listener of this.listeners) {
      try {
        listener(transaction)
      } catch (err) {
        console.error(`[lake] listener failed on ${this.name}:`, err)
      }
    }
    if (
      (!this.snapshotting && this.seq - this.snapshotSeq >= SNAPSHOT_EVERY_TRANSACTIONS) ||
      this.appliedOffset - this.snapshotOffset >= SNAPSHOT_EVERY_BYTES
    ) {
      void this.snapshot()
    }
  }

  /** A document as the next build sees it: written transactions included, synced or not. */
  private latest(id: string): SanityDocument | undefined {
    const pending = this.pendingDocuments.get(id)
    return pending ? (pending.document ?? undefined) : this.documents.get(id)
  }

  /** The documents that strongly reference `id` as the next build sees them: written transactions included. */
  private *latestReferrers(id: string): Generator<string> {
    for (const from of this.documents.references.of(id)) if (!this.pendingDocuments.has(from)) yield from
    for (const [from, {document}] of this.pendingDocuments) if (document && strongRefs(document).has(id)) yield from
  }

  /**
   * A query for a write (delete/patch by query): waits until every transaction built before it is
   * applied, so the query sees what the draft's reads see.
   */
  async queryCommitted(request: QueryRequest): Promise<QueryResponse> {
    await this.applied
    return this.engine.query(request)
  }

  /**
   * Writes a snapshot of the applied state (atomically, in chunks that yield to other work), so
   * a restart replays less. One at a time; a failure is logged, the log still has everything.
   */
  snapshot(): Promise<void> {
    if (this.snapshotting) return this.snapshotting.then(() => this.snapshot())
    if (this.seq === this.snapshotSeq) return Promise.resolve()
    const snapshot: SnapshotPosition = {seq: this.seq, logOffset: this.appliedOffset, logSeq: this.appliedLogSeq}
    const documents = this.documents.capture()
    this.snapshotting = writeSnapshot(path.join(this.dir, SNAPSHOT_FILE), snapshot, documents.texts())
      .then(() => {
        this.snapshotSeq = snapshot.seq
        this.snapshotOffset = snapshot.logOffset
      })
      .catch((err: unknown) => console.error(`[lake] snapshot of ${this.name} failed (the log still holds everything):`, err))
      .finally(() => {
        this.snapshotting = null
      })
    return this.snapshotting
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

  /** The id of the last applied transaction (a stream position), or null before the first. */
  lastTransactionId(): string | null {
    if (this.lastAppliedId === null && this.appliedOffset > 0) {
      // Restored from a snapshot with no log lines after it: the last line before its offset.
      this.completeIndex()
      let last = -1
      for (const [id, position] of this.revisionIndex) {
        if (position.offset > last && position.offset < this.appliedOffset) {
          last = position.offset
          this.lastAppliedId = id
        }
      }
    }
    return this.lastAppliedId
  }

  /**
   * The transactions logged after the one with this id, oldest first, each with its documents'
   * states before and after, as listeners got them; null when the log holds no such transaction.
   * Resumed streams replay these; `including` starts with that transaction itself.
   */
  transactionsAfter(id: string, options: {including?: boolean} = {}): CommittedTransaction[] | null {
    if (!this.revisionIndex.has(id)) this.completeIndex()
    const position = this.revisionIndex.get(id)
    if (!position) return null
    const last = new Map<string, SanityDocument | null>()
    const out: CommittedTransaction[] = []
    for (const {transaction, offset} of this.log.read(options.including ? position.offset : position.offset + position.length)) {
      // Written but not yet applied: its listeners get it live.
      if (offset >= this.appliedOffset) break
      const changes = transaction.changes.map((change) => {
        const previous = last.has(change.id) ? (last.get(change.id) ?? null) : this.stateBefore(change.id, offset)
        last.set(change.id, change.doc)
        return {id: change.id, previous, document: change.doc, mutations: mutationsOf(transaction.mutations, change.id)}
      })
      out.push({id: transaction.id, seq: transaction.seq, timestamp: transaction.timestamp, identity: transaction.identity, changes})
    }
    return out
  }

  /** The document as the last transaction before log offset `offset` left it. */
  private stateBefore(id: string, offset: number): SanityDocument | null {
    const positions = this.documentIndex.get(id) ?? []
    let before: LogPosition | undefined
    for (const p of positions) if (p.offset < offset) before = p
    if (!before) return null
    return this.log.readAt(before.offset, before.length).changes.find((c) => c.id === id)?.doc ?? null
  }

  /** Every logged transaction, oldest first (history endpoints derive from this). */
  *transactions(): Generator<LoggedTransaction> {
    for (const {transaction} of this.log.read(0)) yield transaction
  }

  /** Waits for pending commits, snapshots and releases the files. */
  async close(): Promise<void> {
    await this.queue
    await this.applied
    await this.log.settled()
    if (!this.log.failed) await this.snapshot()
    await this.log.close()
    await this.engine.close()
  }
}

/** The logged request's mutations that name this document (actions name none). */
function mutationsOf(mutations: unknown[], id: string): unknown[] {
  return mutations.filter((mutation) => {
    if (typeof mutation !== 'object' || mutation === null) return false
    const body = Object.values(mutation)[0] as {_id?: unknown; id?: unknown} | undefined
    return body?._id === id || body?.id === id
  })
}

/** The snapshot's documents with the log's later changes in their place (deleted ones left out), then the documents the log created. */
function* restored(snapshot: Iterable<SanityDocument>, changed: Map<string, SanityDocument | null>): Generator<SanityDocument> {
  for (const doc of snapshot) {
    if (!changed.has(doc._id)) yield doc
    else {
      const latest = changed.get(doc._id)
      changed.delete(doc._id)
      if (latest) yield latest
    }
  }
  for (const doc of changed.values()) if (doc) yield doc
}
