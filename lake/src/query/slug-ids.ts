// `slug.current` -> the ids of the documents that have it, kept on the main thread for point reads
// (point-read.ts). Keyed by a 30-bit hash of the slug rather than the slug itself, so it holds no
// string of its own (the ids are the dataset's own id strings): a few MB at 100k documents. A hash
// that two slugs share only adds a candidate; the query's own filter then rejects it.

import {slugHash as hash, slugOf} from './indexes.ts'

export class SlugIds {
  private buckets = new Map<number, string | string[]>()

  clear(): void {
    this.buckets.clear()
  }

  /** Records the document's slug, if it has one. */
  add(id: string, doc: unknown): void {
    const slug = slugOfDocument(doc)
    if (slug === undefined) return
    const key = hash(slug)
    const bucket = this.buckets.get(key)
    if (bucket === undefined) this.buckets.set(key, id)
    else if (typeof bucket === 'string') {
      if (bucket !== id) this.buckets.set(key, [bucket, id])
    } else if (!bucket.includes(id)) bucket.push(id)
  }

  /** Forgets the document's slug (the document as it was when added). */
  remove(id: string, doc: unknown): void {
    const slug = slugOfDocument(doc)
    if (slug === undefined) return
    const key = hash(slug)
    const bucket = this.buckets.get(key)
    if (bucket === undefined) return
    if (typeof bucket === 'string') {
      if (bucket === id) this.buckets.delete(key)
      return
    }
    const rest = bucket.filter((other) => other !== id)
    if (rest.length === bucket.length) return
    this.buckets.set(key, rest.length === 1 ? rest[0]! : rest)
  }

  /** Every id whose document may have this slug (and perhaps a few that do not). */
  candidates(slug: string): readonly string[] {
    const bucket = this.buckets.get(hash(slug))
    return bucket === undefined ? [] : typeof bucket === 'string' ? [bucket] : bucket
  }
}

function slugOfDocument(doc: unknown): string | undefined {
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? slugOf(doc as Record<string, unknown>) : undefined
}
