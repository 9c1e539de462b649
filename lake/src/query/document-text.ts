// The documents the query threads read: each one's JSON text (UTF-8), written once by the main
// thread into shared memory (SharedArrayBuffer segments) that every query thread maps. A thread
// keeps slots (segment, offset, length) in its indexes, not documents, and decodes a document
// only when a query touches it: the process holds one copy of the documents however many query
// threads it runs.
//
// Segments are append-only. A replaced or deleted document's bytes stay until its segment holds
// no live document (then the segment is released) or until the pool compacts, which copies the
// live texts into fresh segments and reloads the threads (see pool.ts).

import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

export interface Slot {
  segment: number
  offset: number
  length: number
}

/** New segments are this big, or as big as one document that does not fit. */
export const SEGMENT_BYTES = 8 * 2 ** 20

interface Segment {
  buffer: SharedArrayBuffer
  bytes: Buffer
  used: number
  /** Bytes of the documents still in use. */
  live: number
}

/** The main thread's side: writes texts, counts what is live, releases dead segments. */
export class DocumentText {
  private readonly segments = new Map<number, Segment>()
  private current = -1
  private nextSegment = 0
  private allocatedBytes = 0
  private liveBytes = 0
  private readonly dropped: number[] = []
  private readonly created: (segment: number, buffer: SharedArrayBuffer) => void

  /** `created` hears of each new segment before any slot in it is handed out. */
  constructor(created: (segment: number, buffer: SharedArrayBuffer) => void) {
    this.created = created
  }

  /** Bytes in segments, and bytes of the documents still in use. */
  get bytes(): {allocated: number; live: number} {
    return {allocated: this.allocatedBytes, live: this.liveBytes}
  }

  /** Worth compacting: most of what the segments hold is dead. */
  get wasteful(): boolean {
    return this.allocatedBytes > 2 * this.liveBytes + 4 * SEGMENT_BYTES
  }

  /** The text in this slot (a view of the shared bytes, not a copy). */
  textOf(slot: Slot): Buffer {
    const segment = this.segments.get(slot.segment)
    if (!segment) throw new Error(`document text: segment ${slot.segment} was released while a document still used it`)
    return segment.bytes.subarray(slot.offset, slot.offset + slot.length)
  }

  /**
   * The segments as they are now: reads the slots handed out so far even after they are freed or
   * compacted away (a segment's bytes never change once written; the view keeps them alive).
   */
  view(): (slot: Slot) => Buffer {
    const segments = new Map([...this.segments].map(([index, segment]) => [index, segment.bytes]))
    return (slot) => {
      const bytes = segments.get(slot.segment)
      if (!bytes) throw new Error(`document text: segment ${slot.segment} was not in use when this view was taken`)
      return bytes.subarray(slot.offset, slot.offset + slot.length)
    }
  }

  /** Every segment in use, for a thread that starts. */
  all(): Array<[number, SharedArrayBuffer]> {
    return [...this.segments].map(([index, segment]) => [index, segment.buffer])
  }

  write(text: string): Slot {
    const length = Buffer.byteLength(text)
    const segment = this.room(length)
    segment.bytes.write(text, segment.used, length, 'utf8')
    return this.take(segment, length)
  }

  /** The same bytes in the current segment (compaction). */
  copy(slot: Slot): Slot {
    const from = this.segments.get(slot.segment)!
    const segment = this.room(slot.length)
    from.bytes.copy(segment.bytes, segment.used, slot.offset, slot.offset + slot.length)
    return this.take(segment, slot.length)
  }

  /** The slot's document is gone. */
  free(slot: Slot): void {
    const segment = this.segments.get(slot.segment)
    if (!segment) return
    segment.live -= slot.length
    this.liveBytes -= slot.length
    if (segment.live === 0 && slot.segment !== this.current) this.drop(slot.segment)
  }

  /** Starts a fresh segment; returns the older ones, to drop once what is live in them is copied. */
  seal(): number[] {
    const older = [...this.segments.keys()]
    this.current = -1
    return older
  }

  /** Drops these segments (compaction: their live texts were copied). */
  dropAll(indexes: readonly number[]): void {
    for (const index of indexes) this.drop(index)
  }

  /**
   * The segments dropped since the last call. The threads may still read them until they have
   * handled the changes already posted, so they hear of them only after those.
   */
  takeDropped(): number[] {
    return this.dropped.splice(0)
  }

  private drop(index: number): void {
    const segment = this.segments.get(index)
    if (!segment) return
    this.segments.delete(index)
    this.allocatedBytes -= segment.buffer.byteLength
    this.liveBytes -= segment.live
    this.dropped.push(index)
  }

  private room(length: number): Segment {
    const current = this.segments.get(this.current)
    if (current && current.used + length <= current.bytes.length) return current
    if (current && current.live === 0) this.drop(this.current)
    const buffer = new SharedArrayBuffer(Math.max(SEGMENT_BYTES, length))
    const segment: Segment = {buffer, bytes: Buffer.from(buffer), used: 0, live: 0}
    this.current = this.nextSegment++
    this.segments.set(this.current, segment)
    this.allocatedBytes += buffer.byteLength
    this.created(this.current, buffer)
    return segment
  }

  private take(segment: Segment, length: number): Slot {
    const slot = {segment: this.current, offset: segment.used, length}
    segment.used += length
    segment.live += length
    this.liveBytes += length
    return slot
  }
}

/** After decoding this much text, a query thread collects its garbage once it is idle (see `DocumentReader`). */
const COLLECT_AFTER_BYTES = 16 * 2 ** 20
const IDLE_MS = 1_000

/**
 * A query thread's side: the segments it was handed, and the documents in them.
 * A scan holds what it decodes until it ends (groq-js takes arrays); V8 gives that memory back
 * only after 10-30 s idle, and on a busy machine sometimes not at all. So a thread that decoded
 * more than 16 MB runs a full collection once it has read nothing for a second (tens of ms on
 * an idle thread; lookups decode little and rarely get there).
 */
export class DocumentReader {
  private readonly segments = new Map<number, Uint8Array>()
  private readonly decoder = new TextDecoder()
  private decodedBytes = 0
  private reads = 0
  private collecting: NodeJS.Timeout | null = null

  add(segment: number, buffer: SharedArrayBuffer): void {
    this.segments.set(segment, new Uint8Array(buffer))
  }

  release(segment: number): void {
    this.segments.delete(segment)
  }

  /** A fresh copy of the document in this slot. */
  read(slot: Slot): Record<string, unknown> {
    const bytes = this.segments.get(slot.segment)
    if (!bytes) throw new Error(`query thread: segment ${slot.segment} was released while a document still used it`)
    this.reads++
    this.decodedBytes += slot.length
    if (this.decodedBytes >= COLLECT_AFTER_BYTES && this.collecting === null) this.collectWhenIdle(this.reads)
    return JSON.parse(this.decoder.decode(bytes.subarray(slot.offset, slot.offset + slot.length))) as Record<string, unknown>
  }

  private collectWhenIdle(reads: number): void {
    this.collecting = setTimeout(() => {
      if (this.reads !== reads) return this.collectWhenIdle(this.reads)
      this.collecting = null
      this.decodedBytes = 0
      collectGarbage()
    }, IDLE_MS)
    this.collecting.unref()
  }
}

let gc: ((options: object) => void) | undefined

/**
 * A full garbage collection of this thread's heap, giving what it frees back to the system
 * (`--expose-gc` cannot be given to a worker thread, so it is set here).
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as (options: object) => void
  }
  gc({type: 'major', execution: 'sync', flavor: 'last-resort'})
}
