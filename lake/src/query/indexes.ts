// Secondary indexes over the stored documents: `_type`, `slug.current` and the reverse index of
// `_ref` values (what `references()` looks for). `_id` needs none: the store's map is keyed by it.
// A bucket of one entry is the entry itself (most slugs name one document), a larger one a Set of
// entries; the planner sorts what it takes from a bucket into view order. The indexes read the
// document as it is added or removed and keep only entries. Slugs are keyed by a hash (slugHash),
// so the index holds no slug strings: a bucket may then hold a document with another slug, and the
// planner checks the slug of what it takes from it.

import type {Entry} from './store.ts'

export class DocumentIndexes {
  readonly byType = new Bucketed<Entry>((type) => type, entryId)
  readonly bySlug = new Bucketed<Entry>(slugHash, entryId)
  readonly byRef = new Bucketed<Entry>((ref) => ref, entryId)

  clear(): void {
    this.byType.clear()
    this.bySlug.clear()
    this.byRef.clear()
  }

  add(entry: Entry, doc: Record<string, unknown>): void {
    if (entry.type !== undefined) this.byType.add(entry.type, entry)
    const slug = slugOf(doc)
    if (slug !== undefined) this.bySlug.add(slug, entry)
    for (const ref of referencesOf(doc)) this.byRef.add(ref, entry)
  }

  /** Forgets the entry (the one added, with the document as it was then). */
  remove(entry: Entry, doc: Record<string, unknown>): void {
    if (entry.type !== undefined) this.byType.remove(entry.type, entry)
    const slug = slugOf(doc)
    if (slug !== undefined) this.bySlug.remove(slug, entry)
    for (const ref of referencesOf(doc)) this.byRef.remove(ref, entry)
  }
}

const entryId = (entry: Entry) => entry.id

/**
 * key -> the items (entries, or ids) of the documents with that key (or, for a hashed key, perhaps
 * a few more), in insertion order. An item added for a document already in a bucket of one
 * replaces it.
 */
export class Bucketed<T extends object | string> {
  private buckets = new Map<string | number, T | Set<T>>()
  private readonly keyOf: (key: string) => string | number
  private readonly idOf: (item: T) => string

  constructor(keyOf: (key: string) => string | number, idOf: (item: T) => string) {
    this.keyOf = keyOf
    this.idOf = idOf
  }

  clear(): void {
    this.buckets.clear()
  }
  add(key: string, item: T): void {
    const k = this.keyOf(key)
    const bucket = this.buckets.get(k)
    if (bucket === undefined || (!(bucket instanceof Set) && this.idOf(bucket) === this.idOf(item))) this.buckets.set(k, item)
    else if (bucket instanceof Set) bucket.add(item)
    else this.buckets.set(k, new Set([bucket, item]))
  }
  remove(key: string, item: T): void {
    const k = this.keyOf(key)
    const bucket = this.buckets.get(k)
    if (bucket === undefined) return
    if (!(bucket instanceof Set)) {
      if (bucket === item) this.buckets.delete(k)
      return
    }
    bucket.delete(item)
    if (bucket.size === 0) this.buckets.delete(k)
  }
  get(key: string): Iterable<T> {
    const bucket = this.buckets.get(this.keyOf(key))
    return bucket === undefined ? [] : bucket instanceof Set ? bucket.values() : [bucket]
  }
  size(key: string): number {
    const bucket = this.buckets.get(this.keyOf(key))
    return bucket === undefined ? 0 : bucket instanceof Set ? bucket.size : 1
  }
}

/** FNV-1a over the string's UTF-16 code units, as a small integer (V8 keeps it unboxed). */
export function slugHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 2
}

/** `slug.current` as GROQ reads it: `slug` must be an object with its own string `current`. */
export function slugOf(doc: Record<string, unknown>): string | undefined {
  const slug = doc['slug']
  if (slug === null || typeof slug !== 'object' || Array.isArray(slug)) return undefined
  if (!Object.hasOwn(slug, 'current')) return undefined
  const current = (slug as Record<string, unknown>)['current']
  return typeof current === 'string' ? current : undefined
}

/**
 * Every `_ref` that groq-js's `references()` would find in the document: it walks arrays and
 * objects, and an object with a truthy `_ref` answers for itself (its other fields are not
 * searched).
 */
export function referencesOf(doc: unknown): Set<string> {
  const found = new Set<string>()
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) walk(item)
      return
    }
    const ref = (value as Record<string, unknown>)['_ref']
    if (ref) {
      if (typeof ref === 'string') found.add(ref)
      return
    }
    for (const item of Object.values(value)) walk(item)
  }
  walk(doc)
  return found
}
