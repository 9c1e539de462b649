// The partner's own store: one JSON file, replaced atomically (temp file, fsync, rename) after
// every change, so a crash leaves the previous or the next state, never half of one.
import * as fs from 'node:fs'
import * as path from 'node:path'

export interface StoredItem {
  id: string
  url: string
  title: string
  summary: string
  content_html: string
  content_text: string
  _spotter: {
    version: string
    documentId: string
    slug: string | null
    canonicalUrl: string
    licence: {id: string; name: string; url: string | null}
    attribution: string
    people: unknown[]
    disclaimers: Array<{id: string; kind: string; text: string; html: string}>
    article: unknown
    portableText: unknown[]
    images: {projectId: string; dataset: string; baseUrl?: string}
  }
}

export interface ReceivedEvent {
  deliveryId: string
  type: string
  itemId: string
  receivedAt: string
}

export interface PartnerState {
  cursor: string | null
  items: Record<string, StoredItem>
  /** Deliveries processed, by idempotency key (a retry of one of these is not processed again). */
  events: ReceivedEvent[]
  /** Signatures already accepted: the same signature again is a replay. */
  signatures: Record<string, number>
}

export function loadState(file: string): PartnerState {
  if (!fs.existsSync(file)) return {cursor: null, items: {}, events: [], signatures: {}}
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PartnerState
}

export function saveState(file: string, state: PartnerState): void {
  fs.mkdirSync(path.dirname(file), {recursive: true})
  const tmp = `${file}.${process.pid}.tmp`
  const fd = fs.openSync(tmp, 'w')
  fs.writeSync(fd, JSON.stringify(state, null, 2))
  fs.fsyncSync(fd)
  fs.closeSync(fd)
  fs.renameSync(tmp, file)
}
