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
  documents: SanityDocument[]
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

/** The snapshot, null if there is none; throws SnapshotDamage if it is not intact. */
export function readSnapshot(file: string): Snapshot | null {
  if (!fs.existsSync(file)) return null
  const buf = fs.readFileSync(file)
  const headerEnd = buf.indexOf(10)
  if (headerEnd === -1) throw new SnapshotDamage(file, buf.length, `no complete header line (file is ${buf.length} bytes)`)
  let header: Record<string, unknown>
  try {
    header = JSON.parse(buf.subarray(0, headerEnd).toString('utf8')) as Record<string, unknown>
  } catch (err) {
    throw new SnapshotDamage(file, 0, `header is not valid JSON (${(err as Error).message})`)
  }
  if (!Number.isInteger(header.seq) || !Number.isInteger(header.logOffset))
    throw new SnapshotDamage(file, 0, 'header lacks seq or logOffset')
  const body = buf.subarray(headerEnd + 1)
  // Snapshots written before checksums have only {seq, logOffset}: each line must still parse.
  if (header.crc32 !== undefined) {
    if (body.length !== header.bytes) {
      throw new SnapshotDamage(
        file,
        headerEnd + 1 + Math.min(body.length, Number(header.bytes)),
        `${body.length} bytes follow the header, which records ${header.bytes}${body.length < Number(header.bytes) ? ' (truncated)' : ''}`,
      )
    }
    const actual = hex32(crc32(body))
    if (actual !== header.crc32)
      throw new SnapshotDamage(file, headerEnd + 1, `checksum mismatch (header says ${header.crc32}, content hashes to ${actual})`)
  }
  const documents: SanityDocument[] = []
  let offset = headerEnd + 1
  while (offset < buf.length) {
    const end = buf.indexOf(10, offset)
    if (end === -1) throw new SnapshotDamage(file, offset, 'last document line is cut off (truncated)')
    if (end > offset) {
      try {
        documents.push(JSON.parse(buf.subarray(offset, end).toString('utf8')) as SanityDocument)
      } catch (err) {
        throw new SnapshotDamage(file, offset, `document line is not valid JSON (${(err as Error).message})`)
      }
    }
    offset = end + 1
  }
  if (header.documents !== undefined && header.documents !== documents.length) {
    throw new SnapshotDamage(file, headerEnd + 1, `${documents.length} documents, header records ${header.documents}`)
  }
  const seq = header.seq as number
  return {seq, logOffset: header.logOffset as number, logSeq: Number.isInteger(header.logSeq) ? (header.logSeq as number) : seq, documents}
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
