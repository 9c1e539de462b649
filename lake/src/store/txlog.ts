// The append-only transaction log: one JSON line per committed transaction, each ending in a
// CRC-32 of the line's JSON (`,"crc32":"xxxxxxxx"}`), so a changed byte anywhere is detected.
// Appends are group-committed: lines that arrive while an fdatasync is in flight are written
// together and covered by the next one; each append's `durable` promise settles only after the
// fdatasync that covers it. Checking the log at open is `scanLog` (integrity.ts decides what to do).
import * as fs from 'node:fs'
import {crc32} from 'node:zlib'
import type {SanityDocument} from '../types.ts'

export interface LoggedChange {
  id: string
  /** The document after the transaction, or null when it was deleted. */
  doc: SanityDocument | null
}

export interface LoggedTransaction {
  /** Position in the dataset's history, 1-based and increasing (a repair may leave gaps). */
  seq: number
  id: string
  timestamp: string
  identity: string
  /** What the client sent (mutations or actions), kept for history and listeners. */
  mutations: unknown[]
  changes: LoggedChange[]
}

export interface LogEntry {
  transaction: LoggedTransaction
  offset: number
  length: number
}

export interface Append {
  offset: number
  length: number
  /** Settles once the line is on disk (fdatasync), or rejects if writing or syncing failed. */
  durable: Promise<void>
}

// `,"crc32":"` + 8 hex digits + `"}`
const CRC_SUFFIX_LENGTH = 20
const CRC_SUFFIX = /,"crc32":"([0-9a-f]{8})"\}$/
const CLOSE_BRACE = Buffer.from('}')
const NEWLINE = 10

export const hex32 = (n: number) => n.toString(16).padStart(8, '0')

/** One log line: the transaction's JSON with its CRC-32 as the last key, and a newline. */
export function encodeLine(transaction: LoggedTransaction): Buffer {
  const json = JSON.stringify(transaction)
  const body = Buffer.from(json, 'utf8')
  const suffix = `,"crc32":"${hex32(crc32(body))}"}\n`
  return Buffer.concat([body.subarray(0, body.length - 1), Buffer.from(suffix, 'utf8')])
}

const CHUNK_CHANGES = 1000

/**
 * encodeLine for large transactions, yielding to the event loop between chunks of changes so
 * reads are answered while a big import is serialised. Same bytes as encodeLine.
 */
export async function encodeLineYielding(transaction: LoggedTransaction): Promise<Buffer> {
  if (transaction.changes.length <= CHUNK_CHANGES) return encodeLine(transaction)
  // `changes` is the last key: the JSON is this prefix, the changes joined by commas, then `]}`.
  const head = JSON.stringify({...transaction, changes: []})
  const parts = [Buffer.from(head.slice(0, -2), 'utf8')]
  for (let i = 0; i < transaction.changes.length; i += CHUNK_CHANGES) {
    await new Promise((resolve) => setImmediate(resolve))
    const items = transaction.changes
      .slice(i, i + CHUNK_CHANGES)
      .map((c) => JSON.stringify(c))
      .join(',')
    parts.push(Buffer.from(i === 0 ? items : `,${items}`, 'utf8'))
  }
  parts.push(Buffer.from(']', 'utf8'))
  let crc = 0
  for (const part of parts) crc = crc32(part, crc)
  crc = crc32(CLOSE_BRACE, crc)
  parts.push(Buffer.from(`,"crc32":"${hex32(crc)}"}\n`, 'utf8'))
  return Buffer.concat(parts)
}

export type LineCheck = {ok: true; checksummed: boolean; seq: number; id: string} | {ok: false; reason: string}

/** Checks one line (without its newline): a checksummed line by its CRC, an old line by parsing. */
export function checkLine(line: Buffer): LineCheck {
  const tail = line.subarray(Math.max(0, line.length - CRC_SUFFIX_LENGTH)).toString('latin1')
  const match = CRC_SUFFIX.exec(tail)
  if (match) {
    const expected = match[1] as string
    const actual = hex32(crc32(CLOSE_BRACE, crc32(line.subarray(0, line.length - CRC_SUFFIX_LENGTH))))
    if (actual !== expected) return {ok: false, reason: `checksum mismatch (line says ${expected}, content hashes to ${actual})`}
    const head = /^\{"seq":(\d+),"id":"((?:[^"\\]|\\.)*)"/.exec(line.subarray(0, 1024).toString('utf8'))
    if (!head) return {ok: false, reason: 'checksum matches but the line does not start with {"seq":N,"id":...}'}
    return {ok: true, checksummed: true, seq: Number(head[1]), id: JSON.parse(`"${head[2]}"`) as string}
  }
  // A line written before checksums existed: it must at least be a whole transaction.
  try {
    const parsed = JSON.parse(line.toString('utf8')) as Record<string, unknown>
    if (parsed === null || typeof parsed !== 'object' || 'crc32' in parsed) return {ok: false, reason: 'its checksum field is malformed'}
    if (!Number.isInteger(parsed.seq) || typeof parsed.id !== 'string' || !Array.isArray(parsed.changes)) {
      return {ok: false, reason: 'not a transaction (needs seq, id and changes)'}
    }
    return {ok: true, checksummed: false, seq: parsed.seq as number, id: parsed.id}
  } catch (err) {
    return {ok: false, reason: `not valid JSON (${(err as Error).message})`}
  }
}

/** Parses a line that has been checked (or is being read for history); drops the checksum key. */
export function decodeLine(line: Buffer): LoggedTransaction {
  const text = line.toString('utf8')
  const json = CRC_SUFFIX.test(text.slice(-CRC_SUFFIX_LENGTH)) ? `${text.slice(0, -CRC_SUFFIX_LENGTH)}}` : text
  return JSON.parse(json) as LoggedTransaction
}

/** What was at the start of a damaged region: `{"seq":N,"id":"..."` when still readable. */
export function describeTransactionAt(bytes: Buffer): string {
  const head = /^\{"seq":(\d+)(?:,"id":"((?:[^"\\]|\\.)*)")?/.exec(bytes.subarray(0, 1024).toString('utf8'))
  if (!head) return 'an unreadable transaction'
  return head[2] === undefined ? `transaction seq ${head[1]}` : `transaction seq ${head[1]} (id ${head[2]})`
}

/** Every line of a file, with its offset; the last element may be an unterminated tail. */
export function* lines(fd: number, size: number, fromOffset = 0): Generator<{line: Buffer; offset: number; terminated: boolean}> {
  const chunkSize = 1 << 20
  // Pieces of the line being read; joined only once its newline arrives (lines can be huge).
  let pieces: Buffer[] = []
  let lineOffset = fromOffset
  let position = fromOffset
  while (position < size) {
    const buffer = Buffer.allocUnsafe(Math.min(chunkSize, size - position))
    const n = fs.readSync(fd, buffer, 0, buffer.length, position)
    if (n <= 0) break
    position += n
    const chunk = buffer.subarray(0, n)
    let start = 0
    let newline: number
    while ((newline = chunk.indexOf(NEWLINE, start)) !== -1) {
      pieces.push(chunk.subarray(start, newline))
      const line = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces)
      pieces = []
      yield {line, offset: lineOffset, terminated: true}
      lineOffset += line.length + 1
      start = newline + 1
    }
    if (start < chunk.length) pieces.push(chunk.subarray(start))
  }
  if (pieces.length > 0) yield {line: Buffer.concat(pieces), offset: lineOffset, terminated: false}
}

interface Queued {
  buffer: Buffer
  resolve: () => void
  reject: (err: Error) => void
}

export class TransactionLog {
  readonly path: string
  private fd: number
  /** End of the log including lines not yet on disk. */
  private size: number
  /** End of what the last fdatasync covered. */
  private durableSize: number
  private queued: Queued[] = []
  private flushing: Promise<void> | null = null
  private failure: Error | null = null
  private closed = false

  private constructor(path: string, fd: number, size: number) {
    this.path = path
    this.fd = fd
    this.size = size
    this.durableSize = size
  }

  /** Opens (or creates) the log as it is; verify it first (integrity.ts). */
  static open(path: string): TransactionLog {
    const fd = fs.openSync(path, 'a+')
    return new TransactionLog(path, fd, fs.fstatSync(fd).size)
  }

  get byteLength(): number {
    return this.size
  }

  /** Set once a write or fdatasync failed: the log accepts nothing more until the lake restarts. */
  get failed(): Error | null {
    return this.failure
  }

  /**
   * Queues one transaction for the next group write. Its offset is fixed now (lines are written in
   * append order); `durable` settles after the fdatasync that covers it.
   */
  append(transaction: LoggedTransaction, encoded?: Buffer): Append {
    if (this.closed) throw new Error(`${this.path} is closed`)
    if (this.failure) throw this.failure
    const buffer = encoded ?? encodeLine(transaction)
    const offset = this.size
    this.size += buffer.length
    const durable = new Promise<void>((resolve, reject) => this.queued.push({buffer, resolve, reject}))
    this.flushing ??= this.flush()
    return {offset, length: buffer.length, durable}
  }

  /** Resolves when everything appended so far is on disk (or has failed). */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing
  }

  /** Writes and syncs batches until the queue is empty: one fdatasync per batch. */
  private async flush(): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued
      this.queued = []
      const buffers = batch.map((q) => q.buffer)
      const total = buffers.reduce((n, b) => n + b.length, 0)
      try {
        writeAll(this.fd, buffers, this.durableSize, total)
        await new Promise<void>((resolve, reject) => fs.fdatasync(this.fd, (err) => (err ? reject(err) : resolve())))
      } catch (err) {
        // After a failed write or fdatasync the file's state is unknown (a retried fsync can
        // report success for lost pages): refuse everything from here on; the next start
        // verifies the log. Cutting back removes a partial line now where that still works.
        this.failure = new Error(`Writing ${this.path} failed (${(err as Error).message}); restart the lake, which checks the log`)
        try {
          fs.ftruncateSync(this.fd, this.durableSize)
        } catch {
          // The next start finds and reports the torn tail.
        }
        for (const q of [...batch, ...this.queued]) q.reject(this.failure)
        this.queued = []
        break
      }
      this.durableSize += total
      for (const q of batch) q.resolve()
    }
    this.flushing = null
  }

  /** Every complete transaction from `fromOffset` up to what is on disk, in commit order. */
  *read(fromOffset = 0): Generator<LogEntry> {
    for (const {line, offset, terminated} of lines(this.fd, this.durableSize, fromOffset)) {
      if (terminated && line.length > 0) yield {transaction: decodeLine(line), offset, length: line.length + 1}
    }
  }

  readAt(offset: number, length: number): LoggedTransaction {
    const buf = Buffer.alloc(length - 1)
    fs.readSync(this.fd, buf, 0, buf.length, offset)
    return decodeLine(buf)
  }

  /**
   * Closes the file once every append has been written and synced: closing under an fdatasync in
   * flight would let it (or the next batch's write) reach whatever file reuses the descriptor.
   */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.settled()
    fs.closeSync(this.fd)
  }
}

/**
 * Writes the batch synchronously: a copy into the page cache, cheaper than another trip through
 * the thread pool; the fdatasync that follows is the slow part and runs off the event loop.
 */
function writeAll(fd: number, buffers: Buffer[], position: number, total: number): void {
  let written = fs.writevSync(fd, buffers, position)
  if (written < total) {
    const rest = Buffer.concat(buffers).subarray(written)
    while (written < total) written += fs.writeSync(fd, rest, written - (total - rest.length), total - written, position + written)
  }
}
