// The webhook delivery queue, persisted as NDJSON in DATA_DIR/webhooks/queue.ndjson so no event
// is lost across a restart. Two kinds of line: an event (appended and fdatasynced inside the
// commit, before the client gets its answer) and a `done` marker (appended once the event was
// delivered, filtered out, or given up on). At open, events without a marker are pending again,
// and the file is rewritten with only those (compaction).
import * as fs from 'node:fs'
import * as path from 'node:path'
import type {SanityDocument} from '../types.ts'
import type {WebhookOperation} from './config.ts'

export interface WebhookEvent {
  /** The idempotency key: the same for every attempt of this delivery. */
  key: string
  hook: string
  dataset: string
  transactionId: string
  timestamp: string
  documentId: string
  operation: WebhookOperation
  before: SanityDocument | null
  after: SanityDocument | null
}

export type DoneStatus = 'delivered' | 'filtered' | 'failed'

type Line = {event: WebhookEvent} | {done: string; status: DoneStatus; attempts: number}

const COMPACT_BYTES = 16 * 1024 * 1024

export class WebhookQueue {
  private fd: number
  private bytes: number
  private readonly file: string
  private readonly pendingKeys = new Set<string>()

  private constructor(file: string, fd: number, bytes: number) {
    this.file = file
    this.fd = fd
    this.bytes = bytes
  }

  /** Opens (creating) the queue and returns it with the events still to deliver, oldest first. */
  static open(dir: string): {queue: WebhookQueue; pending: WebhookEvent[]} {
    fs.mkdirSync(dir, {recursive: true})
    const file = path.join(dir, 'queue.ndjson')
    const events = new Map<string, WebhookEvent>()
    if (fs.existsSync(file)) {
      for (const text of fs.readFileSync(file, 'utf8').split('\n')) {
        if (!text) continue
        let line: Line
        try {
          line = JSON.parse(text) as Line
        } catch {
          continue // a torn last line from a crash mid-append: its commit was never acknowledged
        }
        if ('event' in line) events.set(line.event.key, line.event)
        else events.delete(line.done)
      }
    }
    const pending = [...events.values()]
    const content = pending.map((event) => `${JSON.stringify({event})}\n`).join('')
    const tmp = `${file}.tmp`
    fs.writeFileSync(tmp, content)
    const tmpFd = fs.openSync(tmp, 'r')
    fs.fsyncSync(tmpFd)
    fs.closeSync(tmpFd)
    fs.renameSync(tmp, file)
    const queue = new WebhookQueue(file, fs.openSync(file, 'a'), Buffer.byteLength(content))
    for (const event of pending) queue.pendingKeys.add(event.key)
    return {queue, pending}
  }

  /** Appends events durably (called inside the commit, so keep it one write and one sync). */
  add(events: readonly WebhookEvent[]): void {
    if (events.length === 0) return
    const fresh = events.filter((e) => !this.pendingKeys.has(e.key))
    this.write(fresh.map((event) => ({event})))
    for (const event of fresh) this.pendingKeys.add(event.key)
  }

  done(key: string, status: DoneStatus, attempts: number): void {
    this.write([{done: key, status, attempts}])
    this.pendingKeys.delete(key)
    if (this.pendingKeys.size === 0 && this.bytes > COMPACT_BYTES) this.truncate()
  }

  get pendingCount(): number {
    return this.pendingKeys.size
  }

  close(): void {
    fs.closeSync(this.fd)
  }

  private write(lines: Line[]): void {
    if (lines.length === 0) return
    const text = lines.map((line) => `${JSON.stringify(line)}\n`).join('')
    fs.writeSync(this.fd, text)
    fs.fdatasyncSync(this.fd)
    this.bytes += Buffer.byteLength(text)
  }

  private truncate(): void {
    fs.closeSync(this.fd)
    fs.writeFileSync(this.file, '')
    this.fd = fs.openSync(this.file, 'a')
    this.bytes = 0
  }
}
