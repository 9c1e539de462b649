// Referential integrity, as the hosted Content Lake keeps it: a document may not be deleted (or
// unpublished) while another document holds a strong reference to it. Weak references
// (`_weak: true`) don't count, nor do references from documents deleted in the same transaction.
import {HttpError} from '../errors.ts'
import type {SanityDocument} from '../types.ts'
import type {PendingChange} from './transaction.ts'

function strongRefs(value: unknown, into: Set<string>): void {
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
}

/** Throws a 409 naming the referring documents if a deletion would leave a strong reference dangling. */
export function checkReferences(changes: readonly PendingChange[], committed: Iterable<SanityDocument>): void {
  const deleted = new Set(changes.filter((c) => c.document === null && c.previous !== null).map((c) => c.id))
  if (deleted.size === 0) return
  const changed = new Map(changes.map((c) => [c.id, c.document]))
  const referring = new Map<string, string[]>()
  const check = (doc: SanityDocument) => {
    const refs = new Set<string>()
    strongRefs(doc, refs)
    for (const id of refs) {
      if (!deleted.has(id)) continue
      const list = referring.get(id)
      if (list) list.push(doc._id)
      else referring.set(id, [doc._id])
    }
  }
  for (const doc of committed) if (!changed.has(doc._id)) check(doc)
  for (const doc of changed.values()) if (doc) check(doc)
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
