// `slug.current` -> the ids of the documents that have it, kept on the main thread for point reads
// (point-read.ts). Keyed by the slug's hash, as the query threads' slug index is (indexes.ts), so it
// holds no string of its own (the ids are the dataset's own id strings): a few MB at 100k documents.
// A hash that two slugs share only adds a candidate; the query's own filter then rejects it.

import {Bucketed, slugHash, slugOf} from './indexes.ts'

export class SlugIds {
  private ids = new Bucketed<string>(slugHash, (id) => id)

  clear(): void {
    this.ids.clear()
  }

  /** Records the document's slug, if it has one. */
  add(id: string, doc: unknown): void {
    const slug = slugOfDocument(doc)
    if (slug !== undefined) this.ids.add(slug, id)
  }

  /** Forgets the document's slug (the document as it was when added). */
  remove(id: string, doc: unknown): void {
    const slug = slugOfDocument(doc)
    if (slug !== undefined) this.ids.remove(slug, id)
  }

  /** Every id whose document may have this slug (and perhaps a few that do not). */
  candidates(slug: string): Iterable<string> {
    return this.ids.get(slug)
  }
}

function slugOfDocument(doc: unknown): string | undefined {
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? slugOf(doc as Record<string, unknown>) : undefined
}
