// `autoGenerateArrayKeys=true`: objects in arrays get a random `_key` where they have none, as
// the hosted API does for clients that do not make keys themselves.
import {randomId} from './ids.ts'
import {MAX_WALK_NESTING} from './limits.ts'

/** Bounded: below MAX_WALK_NESTING a value is left as is (such a document is refused anyway). */
export function withArrayKeys(value: unknown, inArray = false, depth = 0): unknown {
  if (depth > MAX_WALK_NESTING) return value
  if (Array.isArray(value)) return value.map((item) => withArrayKeys(item, true, depth + 1))
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) out[key] = withArrayKeys(v, false, depth + 1)
  if (inArray && typeof out._key !== 'string') out._key = randomId(12)
  return out
}

/** Adds keys to the values a mutation writes (documents, set/setIfMissing/insert values). */
export function mutationWithArrayKeys(mutation: unknown): unknown {
  if (typeof mutation !== 'object' || mutation === null || Array.isArray(mutation)) return mutation
  const out: Record<string, unknown> = {}
  for (const [op, body] of Object.entries(mutation)) {
    if (op === 'patch' && typeof body === 'object' && body !== null) {
      const patch = {...(body as Record<string, unknown>)}
      for (const key of ['set', 'setIfMissing'] as const) if (patch[key] !== undefined) patch[key] = withArrayKeys(patch[key])
      const insert = patch.insert as Record<string, unknown> | undefined
      if (insert && Array.isArray(insert.items)) patch.insert = {...insert, items: withArrayKeys(insert.items)}
      out[op] = patch
    } else if (op === 'delete') {
      out[op] = body
    } else {
      out[op] = withArrayKeys(body)
    }
  }
  return out
}
