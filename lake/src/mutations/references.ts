// Referential integrity, as the hosted Content Lake keeps it: a document may not be deleted (or
// unpublished) while another document holds a strong reference to it. Weak references
// (`_weak: true`) don't count, nor do references from documents deleted in the same transaction.
// Who refers to a document is kept in a reverse index (target id -> referring ids), so a delete
// reads the few referrers instead of walking every document.
import {HttpError} from '../errors.ts'
import type {SanityDocument} from '../types.ts'
import type {PendingChange} from './transaction.ts'

/** The ids a value strongly references (`_ref` without `_weak: true`), at any depth. */
export function strongRefs(value: unknown, into = new Set<string>()): Set<string> {
  // Iterative: documents loaded from an old data dir may nest deeper than the stack allows.
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (Array.isArray(current)) {
      for (const item of current) if (item !== null && typeof item === 'object') stack.push(item)
    } else if (current !== null && typeof current === 'object') {
      const obj = current as Record<string, unknown>
      if (typeof obj._ref === 'string' && obj._weak !== true) into.add(obj._ref)
      for (const key in obj) if (key !== '_ref' && obj[key] !== null && typeof obj[key] === 'object') stack.push(obj[key])
    }
  }
  return into
}

/** Target id -> the ids of the documents that strongly reference it. */
export class ReferenceIndex {
  private readonly referrers = new Map<string, Set<string>>()

  add(id: string, doc: SanityDocument): void {
    for (const target of strongRefs(doc)) {
      const set = this.referrers.get(target)
      if (set) set.add(id)
      else this.referrers.set(target, new Set([id]))
    }
  }

  remove(id: string, doc: SanityDocument): void {
    for (const target of strongRefs(doc)) {
      const set = this.referrers.get(target)
      if (!set) continue
      set.delete(id)
      if (set.size === 0) this.referrers.delete(target)
    }
  }

  /** The document `id` was, and now is (null: none). */
  replace(id: string, previous: SanityDocument | null, next: SanityDocument | null): void {
    if (previous) this.remove(id, previous)
    if (next) this.add(id, next)
  }

  of(target: string): Iterable<string> {
    return this.referrers.get(target) ?? []
  }

  clear(): void {
    this.referrers.clear()
  }
}

/**
 * Throws a 409 naming the referring documents if a deletion would leave a strong reference
 * dangling. `referrers(id)` lists the documents, other than this transaction's, that strongly
 * reference `id` as the transaction sees them.
 */
export function checkReferences(changes: readonly PendingChange[], referrers: (id: string) => Iterable<string>): void {
  const deleted = changes.filter((c) => c.document === null && c.previous !== null).map((c) => c.id)
  if (deleted.length === 0) return
  const changed = new Map(changes.map((c) => [c.id, c.document]))
  const referring = new Map<string, string[]>()
  const refer = (id: string, from: string) => {
    const list = referring.get(id)
    if (list) list.push(from)
    else referring.set(id, [from])
  }
  for (const id of deleted) for (const from of referrers(id)) if (!changed.has(from)) refer(id, from)
  const deletedIds = new Set(deleted)
  for (const doc of changed.values()) {
    if (!doc) continue
    for (const id of strongRefs(doc)) if (deletedIds.has(id)) refer(id, doc._id)
  }
  if (referring.size === 0) return
  const [id, from] = [...referring][0]!
  const description = `Document "${id}" cannot be deleted as there are references to it from ${from.map((f) => `"${f}"`).join(', ')}`
  throw new HttpError(409, 'mutationError', description, {
    items: [...referring].map(([documentId, referencingIDs]) => ({
      error: {
        description: `Document "${documentId}" cannot be deleted as there are references to it`,
        type: 'documentHasExistingReferencesError',
        id: documentId,
        referencingIDs,
      },
    })),
  })
}
