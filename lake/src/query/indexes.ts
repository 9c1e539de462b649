// Secondary indexes over the stored documents: `_type`, `slug.current` and the reverse index of
// `_ref` values (what `references()` looks for). `_id` needs none: the store's map is keyed by it.
// Each bucket is a Map keyed by stored id; the planner sorts what it takes from a bucket into view
// order.

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

  add(entry: Entry): void {
    const {doc} = entry
    if (typeof doc._type === 'string') this.byType.add(doc._type, entry)
    const slug = slugOf(doc)
    if (slug !== undefined) this.bySlug.add(slug, entry)
    for (const ref of referencesOf(doc)) this.byRef.add(ref, entry)
  }

  remove(entry: Entry): void {
    const {doc} = entry
    if (typeof doc._type === 'string') this.byType.remove(doc._type, entry)
    const slug = slugOf(doc)
    if (slug !== undefined) this.bySlug.remove(slug, entry)
    for (const ref of referencesOf(doc)) this.byRef.remove(ref, entry)
  }
}

/** key -> entries with that key, in insertion order. */
export class Bucketed {
  private buckets = new Map<string, Map<string, Entry>>()

  clear(): void {
    this.buckets.clear()
  }
  add(key: string, entry: Entry): void {
    let bucket = this.buckets.get(key)
    if (!bucket) this.buckets.set(key, (bucket = new Map()))
    bucket.set(entry.id, entry)
  }
  remove(key: string, entry: Entry): void {
    const bucket = this.buckets.get(key)
    if (!bucket) return
    bucket.delete(entry.id)
    if (bucket.size === 0) this.buckets.delete(key)
  }
  get(key: string): Iterable<Entry> {
    return this.buckets.get(key)?.values() ?? []
  }
  size(key: string): number {
    return this.buckets.get(key)?.size ?? 0
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
