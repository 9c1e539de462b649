// Secondary indexes over the stored documents: `_type`, `slug.current` and the reverse index of
// `_ref` values (what `references()` looks for). `_id` needs none: the store's map is keyed by it.
// A bucket of one entry is the entry itself (most slugs name one document), a larger one a Map
// keyed by stored id; the planner sorts what it takes from a bucket into view order. The indexes
// read the document as it is added or removed and keep only entries.

import type {Entry} from './store.ts'

export class DocumentIndexes {
  readonly byType = new Bucketed()
  readonly bySlug = new Bucketed()
  readonly byRef = new Bucketed()

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

  remove(entry: Entry, doc: Record<string, unknown>): void {
    if (entry.type !== undefined) this.byType.remove(entry.type, entry)
    const slug = slugOf(doc)
    if (slug !== undefined) this.bySlug.remove(slug, entry)
    for (const ref of referencesOf(doc)) this.byRef.remove(ref, entry)
  }
}

/** key -> entries with that key, in insertion order. */
export class Bucketed {
  private buckets = new Map<string, Entry | Map<string, Entry>>()

  clear(): void {
    this.buckets.clear()
  }
  add(key: string, entry: Entry): void {
    const bucket = this.buckets.get(key)
    if (bucket === undefined || (!(bucket instanceof Map) && bucket.id === entry.id)) this.buckets.set(key, entry)
    else if (bucket instanceof Map) bucket.set(entry.id, entry)
    else
      this.buckets.set(
        key,
        new Map([
          [bucket.id, bucket],
          [entry.id, entry],
        ]),
      )
  }
  remove(key: string, entry: Entry): void {
    const bucket = this.buckets.get(key)
    if (bucket === undefined) return
    if (!(bucket instanceof Map)) {
      if (bucket.id === entry.id) this.buckets.delete(key)
      return
    }
    bucket.delete(entry.id)
    if (bucket.size === 0) this.buckets.delete(key)
  }
  get(key: string): Iterable<Entry> {
    const bucket = this.buckets.get(key)
    return bucket === undefined ? [] : bucket instanceof Map ? bucket.values() : [bucket]
  }
  size(key: string): number {
    const bucket = this.buckets.get(key)
    return bucket === undefined ? 0 : bucket instanceof Map ? bucket.size : 1
  }
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
