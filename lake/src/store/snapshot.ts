// Snapshots: the full document set at a point in the log, so a restart replays only the tail.
// Written to a temp file, fsynced, then renamed over the old one: a crash leaves either the old
// or the new snapshot, never a partial one.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type {SanityDocument} from '../types.ts'

export interface Snapshot {
  /** Sequence number of the last transaction included. */
  seq: number
  /** Byte offset in the transaction log right after that transaction. */
  logOffset: number
  documents: SanityDocument[]
}

export function readSnapshot(file: string): Snapshot | null {
  if (!fs.existsSync(file)) return null
  const text = fs.readFileSync(file, 'utf8')
  // Header line, then one document per line: avoids one giant string for large datasets.
  const lines = text.split('\n')
  const header = JSON.parse(lines[0] ?? '{}') as {seq: number; logOffset: number}
  const documents: SanityDocument[] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]
    if (line) documents.push(JSON.parse(line) as SanityDocument)
  }
  return {seq: header.seq, logOffset: header.logOffset, documents}
}

export function writeSnapshot(file: string, snapshot: Snapshot): void {
  const tmp = `${file}.tmp`
  const fd = fs.openSync(tmp, 'w')
  try {
    const parts: string[] = [JSON.stringify({seq: snapshot.seq, logOffset: snapshot.logOffset})]
    for (const doc of snapshot.documents) parts.push(JSON.stringify(doc))
    fs.writeSync(fd, `${parts.join('\n')}\n`)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
  const dir = fs.openSync(path.dirname(file), 'r')
  try {
    fs.fsyncSync(dir)
  } finally {
    fs.closeSync(dir)
  }
}
