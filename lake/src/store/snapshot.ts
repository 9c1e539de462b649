// Snapshots: the full document set at a point in the log, so a restart replays only the tail.
// A header line `{seq, logOffset, logSeq, documents, bytes, crc32}` (CRC-32 and byte count of
// everything after the header), then one document per line. Written to a temp file in chunks
// (yielding between them, so readers are not held up), fsynced, then renamed over the old one:
// a crash leaves either the old or the new snapshot, never a partial one.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {crc32} from 'node:zlib'
import type {SanityDocument} from '../types.ts'
import {hex32} from './txlog.ts'

export interface SnapshotPosition {
  /** Sequence number of the last transaction included. */
  seq: number
  /** Byte offset in the transaction log right after the last line the snapshot covers. */
  logOffset: number
  /** Seq of the log line ending at `logOffset` (0 at the start); equals `seq` unless a repair
   *  removed lines from the log. Lets a start check that log and snapshot still agree. */
  logSeq: number
}

export interface Snapshot extends SnapshotPosition {
  /** The documents, parsed from the file as they are read (the file is never held whole). */
  documents: SnapshotDocuments
}

/** A checked snapshot's documents: each pass reads the file again in chunks and parses each line. */
export interface SnapshotDocuments extends Iterable<SanityDocument> {
  readonly count: number
}

export class SnapshotDamage extends Error {
  readonly offset: number
  readonly reason: string
  constructor(file: string, offset: number, reason: string) {
    super(`${file} is damaged at byte ${offset}: ${reason}`)
    this.offset = offset
    this.reason = reason
  }
}

/**
 * The snapshot, null if there is none; throws SnapshotDamage if it is not intact. Every line is
 * parsed once here to check it; the documents are parsed again when read (a start holds one
 * document at a time, not the whole set as objects).
 */
export function readSnapshot(file: string): Snapshot | null {
  if (!fs.existsSync(file)) return null
  const size = fs.statSync(file).size
  const lines = fileLines(file, 0)
  const first = lines.next()
  lines.return(undefined)
  if (first.done || !first.value.complete) throw new SnapshotDamage(file, size, `no complete header line (file is ${size} bytes)`)
  let header: Record<string, unknown>
  try {
    header = JSON.parse(first.value.bytes.toString('utf8')) as Record<string, unknown>
  } catch (err) {
    throw new SnapshotDamage(file, 0, `header is not valid JSON (${(err as Error).message})`)
  }
  if (!Number.isInteger(header.seq) || !Number.isInteger(header.logOffset))
    throw new SnapshotDamage(file, 0, 'header lacks seq or logOffset')
  const bodyStart = first.value.bytes.length + 1
  const bodyLength = size - bodyStart
  // Snapshots written before checksums have only {seq, logOffset}: each line must still parse.
  if (header.crc32 !== undefined) {
    if (bodyLength !== header.bytes) {
      throw new SnapshotDamage(
        file,
        bodyStart + Math.min(bodyLength, Number(header.bytes)),
        `${bodyLength} bytes follow the header, which records ${header.bytes}${bodyLength < Number(header.bytes) ? ' (truncated)' : ''}`,
      )
    }
    const actual = hex32(fileCrc32(file, bodyStart))
    if (actual !== header.crc32)
      throw new SnapshotDamage(file, bodyStart, `checksum mismatch (header says ${header.crc32}, content hashes to ${actual})`)
  }
  let count = 0
  for (const {offset, bytes, complete} of fileLines(file, bodyStart)) {
    if (!complete) throw new SnapshotDamage(file, offset, 'last document line is cut off (truncated)')
    if (bytes.length === 0) continue
    try {
      JSON.parse(bytes.toString('utf8'))
    } catch (err) {
      throw new SnapshotDamage(file, offset, `document line is not valid JSON (${(err as Error).message})`)
    }
    count++
  }
  if (header.documents !== undefined && header.documents !== count) {
    throw new SnapshotDamage(file, bodyStart, `${count} documents, header records ${header.documents}`)
  }
  const seq = header.seq as number
  const documents: SnapshotDocuments = {
    count,
    *[Symbol.iterator]() {
      for (const {bytes} of fileLines(file, bodyStart)) if (bytes.length > 0) yield JSON.parse(bytes.toString('utf8')) as SanityDocument
    },
  }
  return {seq, logOffset: header.logOffset as number, logSeq: Number.isInteger(header.logSeq) ? (header.logSeq as number) : seq, documents}
}

const READ_BYTES = 2 ** 20

/** The file's lines from `from` on, read in chunks: each line's offset and bytes (no newline); the last may lack its newline. */
function* fileLines(file: string, from: number): Generator<{offset: number; bytes: Buffer; complete: boolean}> {
  const fd = fs.openSync(file, 'r')
  try {
    let buffer = Buffer.alloc(READ_BYTES)
    let start = 0 // where the unread part of `buffer` starts
    let end = 0 // where what was read into `buffer` ends
    let position = from // file offset of buffer[end]
    for (;;) {
      const newline = buffer.indexOf(10, start)
      if (newline !== -1 && newline < end) {
        yield {offset: position - (end - start), bytes: buffer.subarray(start, newline), complete: true}
        start = newline + 1
        continue
      }
      // No whole line left: keep the partial one at the front (growing the buffer for a long line), read more.
      const partial = end - start
      if (partial === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)])
      buffer.copy(buffer, 0, start, end)
      start = 0
      end = partial
      const read = fs.readSync(fd, buffer, end, buffer.length - end, position)
      if (read === 0) {
        if (partial > 0) yield {offset: position - partial, bytes: buffer.subarray(0, partial), complete: false}
        return
      }
      end += read
      position += read
    }
  } finally {
    fs.closeSync(fd)
  }
}

/** CRC-32 of the file from `from` on, read in chunks. */
function fileCrc32(file: string, from: number): number {
  const fd = fs.openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(READ_BYTES)
    let crc = 0
    let position = from
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, position)
      if (read === 0) return crc
      crc = crc32(buffer.subarray(0, read), crc)
      position += read
    }
  } finally {
    fs.closeSync(fd)
  }
}

const CHUNK_DOCUMENTS = 2000

const NEWLINE = Buffer.from('\n')

/**
 * Writes the snapshot atomically from the documents' JSON texts (written as they are, one per
 * line); yields to the event loop between chunks of documents.
 */
export async function writeSnapshot(file: string, position: SnapshotPosition, texts: Iterable<Buffer | string>): Promise<void> {
  const tmp = `${file}.tmp`
  const chunks: Buffer[] = []
  let crc = 0
  let bytes = 0
  let count = 0
  let part: Buffer[] = []
  const flush = async () => {
    const chunk = Buffer.concat(part)
    part = []
    crc = crc32(chunk, crc)
    bytes += chunk.length
    chunks.push(chunk)
    await new Promise((resolve) => setImmediate(resolve))
  }
  for (const text of texts) {
    part.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, NEWLINE)
    if (++count % CHUNK_DOCUMENTS === 0) await flush()
  }
  if (part.length > 0) await flush()
  const header = {
    seq: position.seq,
    logOffset: position.logOffset,
    logSeq: position.logSeq,
    documents: count,
    bytes,
    crc32: hex32(crc),
  }
  const handle = await fs.promises.open(tmp, 'w')
  try {
    await handle.writev([Buffer.from(`${JSON.stringify(header)}\n`), ...chunks])
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fs.promises.rename(tmp, file)
  syncDir(path.dirname(file))
}

/** Makes a rename or a new file in `dir` durable. */
export function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
