// A transaction being built: reads see the committed documents plus this transaction's own
// writes; nothing is visible to anyone else until the dataset commits it as a whole.
import type {SanityDocument} from '../types.ts'

export interface PendingChange {
  id: string
  previous: SanityDocument | null
  document: SanityDocument | null
  /** The mutations that touched this document, with real ids, in order (for listeners). */
  mutations: unknown[]
}

/**
 * How a commit treats `_rev`, `_createdAt`, `_updatedAt`: `stamp` sets them (every normal write),
 * `fill` keeps given values and fills missing ones (import), `verbatim` stores documents as given.
 */
export type SystemFields = 'stamp' | 'fill' | 'verbatim'

export class TransactionDraft {
  readonly id: string
  readonly timestamp: string
  private readonly lookup: (id: string) => SanityDocument | undefined
  private readonly overlay = new Map<string, SanityDocument | null>()
  private readonly touched = new Map<string, unknown[]>()
  systemFields: SystemFields = 'stamp'

  constructor(id: string, timestamp: string, lookup: (id: string) => SanityDocument | undefined) {
    this.id = id
    this.timestamp = timestamp
    this.lookup = lookup
  }

  get(id: string): SanityDocument | null {
    if (this.overlay.has(id)) return this.overlay.get(id) ?? null
    return this.lookup(id) ?? null
  }

  put(id: string, document: SanityDocument | null, mutation: unknown): void {
    this.overlay.set(id, document)
    const list = this.touched.get(id)
    if (list) list.push(mutation)
    else this.touched.set(id, [mutation])
  }

  /** The final state of every touched document, with system fields stamped by this transaction. */
  changes(): PendingChange[] {
    const out: PendingChange[] = []
    for (const [id, mutations] of this.touched) {
      const previous = this.lookup(id) ?? null
      const next = this.overlay.get(id) ?? null
      if (previous === null && next === null) continue
      const document =
        next === null || this.systemFields === 'verbatim'
          ? next
          : this.systemFields === 'fill'
            ? {
                ...next,
                _id: id,
                _rev: typeof next._rev === 'string' && next._rev ? next._rev : this.id,
                _createdAt: typeof next._createdAt === 'string' && next._createdAt ? next._createdAt : this.timestamp,
                _updatedAt: typeof next._updatedAt === 'string' && next._updatedAt ? next._updatedAt : this.timestamp,
              }
            : {
                ...next,
                _id: id,
                _rev: this.id,
                _createdAt:
                  typeof next._createdAt === 'string' && next._createdAt ? next._createdAt : (previous?._createdAt ?? this.timestamp),
                _updatedAt: this.timestamp,
              }
      out.push({id, previous, document, mutations})
    }
    return out
  }
}
