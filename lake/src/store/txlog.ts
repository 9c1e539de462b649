// The append-only transaction log: one JSON line per committed transaction, fsynced before the
// commit is acknowledged. A crash mid-append leaves a torn last line; opening the log drops it
// (truncates back to the last complete line), so a transaction is applied whole or not at all.
import * as fs from 'node:fs'
import type {SanityDocument} from '../types.ts'

export interface LoggedChange {
  id: string
  /** The document after the transaction, or null when it was deleted. */
  doc: SanityDocument | null
}

export interface LoggedTransaction {
  /** Position in the dataset's history, 1-based and gapless. */
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

export class TransactionLog {
  readonly path: string
  private fd: number
  private size: number

  private constructor(path: string, fd: number, size: number) {
    this.path = path
    this.fd = fd
    this.size = size
  }

  /** Opens (or creates) the log, dropping a torn last line left by a crash. */
  static open(path: string): TransactionLog {
    const fd = fs.openSync(path, 'a+')
    let size = fs.fstatSync(fd).size
    const validEnd = findValidEnd(fd, size)
    if (validEnd < size) {
      fs.ftruncateSync(fd, validEnd)
      fs.fsyncSync(fd)
      size = validEnd
    }
    return new TransactionLog(path, fd, size)
  }

  get byteLength(): number {
    return this.size
  }

  /** Appends one transaction and waits until it is on disk. Returns its byte offset. */
  async append(transaction: LoggedTransaction): Promise<{offset: number; length: number}> {
    const line = Buffer.from(`${JSON.stringify(transaction)}\n`, 'utf8')
    const offset = this.size
    try {
      let written = 0
      while (written < line.length) {
        written += await new Promise<number>((resolve, reject) =>
          fs.write(this.fd, line, written, line.length - written, null, (err, n) => (err ? reject(err) : resolve(n))),
        )
      }
      await new Promise<void>((resolve, reject) => fs.fdatasync(this.fd, (err) => (err ? reject(err) : resolve())))
    } catch (err) {
      // A failed append (disk full, I/O error) must not leave a partial line for the next one
      // to be glued onto: cut the log back to where it was.
      try {
        fs.ftruncateSync(this.fd, offset)
      } catch {
        // The torn tail is dropped at the next open anyway.
      }
      throw err
    }
    this.size += line.length
    return {offset, length: line.length}
  }

  /** Every complete transaction from `fromOffset` on, in commit order. */
  *read(fromOffset = 0): Generator<LogEntry> {
    const chunkSize = 1 << 20
    // Pieces of the line being read; joined only once its newline arrives (lines can be huge).
    let pieces: Buffer[] = []
    let lineOffset = fromOffset
    let position = fromOffset
    while (position < this.size) {
      const buffer = Buffer.alloc(Math.min(chunkSize, this.size - position))
      const n = fs.readSync(this.fd, buffer, 0, buffer.length, position)
      if (n <= 0) break
      position += n
      const chunk = buffer.subarray(0, n)
      let start = 0
      let newline: number
      while ((newline = chunk.indexOf(10, start)) !== -1) {
        pieces.push(chunk.subarray(start, newline))
        const line = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces)
        pieces = []
        const length = line.length + 1
        if (line.length > 0) yield {transaction: JSON.parse(line.toString('utf8')) as LoggedTransaction, offset: lineOffset, length}
        lineOffset += length
        start = newline + 1
      }
      if (start < chunk.length) pieces.push(chunk.subarray(start))
    }
  }

  readAt(offset: number, length: number): LoggedTransaction {
    const buf = Buffer.alloc(length)
    fs.readSync(this.fd, buf, 0, length, offset)
    return JSON.parse(buf.toString('utf8')) as LoggedTransaction
  }

  close(): void {
    fs.closeSync(this.fd)
  }
}

/** The byte length of the log up to and including its last complete, parseable line. */
function findValidEnd(fd: number, size: number): number {
  // Whatever follows the last newline is a torn append.
  const lastNewline = lastNewlineBefore(fd, size)
  if (lastNewline === -1) return 0
  // The last complete line must parse; a write is one call ending in '\n', so it always should.
  const lineStart = lastNewlineBefore(fd, lastNewline) + 1
  const line = Buffer.alloc(lastNewline - lineStart)
  fs.readSync(fd, line, 0, line.length, lineStart)
  try {
    JSON.parse(line.toString('utf8'))
    return lastNewline + 1
  } catch {
    return lineStart
  }
}

/** The offset of the last '\n' before `end`, or -1. */
function lastNewlineBefore(fd: number, end: number): number {
  const window = 256 * 1024
  while (end > 0) {
    const start = Math.max(0, end - window)
    const buf = Buffer.alloc(end - start)
    fs.readSync(fd, buf, 0, buf.length, start)
    const index = buf.lastIndexOf(10)
    if (index !== -1) return start + index
    end = start
  }
  return -1
}
