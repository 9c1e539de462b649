// The seed dataset as NDJSON lines, in import order, with `_key`s added. Every id is checked to be
// a root path (no `.`): hosted Sanity lets a request without a token read only those, so a dotted
// id would vanish from the public club site and every reference to it would resolve to null.
import {articles} from './articles.ts'
import {exercises} from './exercises.ts'
import {addKeys, type Doc} from './helpers.ts'
import {people} from './people.ts'
import {clubs, disclaimers, equipment, muscles, organizations} from './taxonomy.ts'

/** `<type>-<name>`: letters, digits, `_` and `-`, not starting with `-`, and never a `.`. */
export const ROOT_PATH_ID = /^[a-zA-Z0-9_][a-zA-Z0-9_-]*$/

export function seedDocuments(): Doc[] {
  const documents = [...muscles, ...equipment, ...disclaimers, ...organizations, ...clubs, ...people, ...exercises, ...articles]
  const ids = new Set<string>()
  for (const doc of documents) {
    if (!ROOT_PATH_ID.test(doc._id) || !doc._id.startsWith(`${doc._type}-`)) {
      throw new Error(
        `seed document "${doc._id}" (${doc._type}): _id must be "${doc._type}-<name>" with letters, digits and dashes only (a "." hides it from readers without a token on hosted Sanity)`,
      )
    }
    if (ids.has(doc._id)) throw new Error(`seed document "${doc._id}" (${doc._type}): _id is used twice`)
    ids.add(doc._id)
  }
  for (const doc of documents) {
    for (const {path, ref} of refsIn(doc, '')) {
      if (!ids.has(ref)) throw new Error(`seed document "${doc._id}": ${path}._ref "${ref}" names no seed document`)
    }
  }
  return documents.map((doc) => addKeys(doc._id, doc))
}

export const seedNdjson = (): string =>
  `${seedDocuments()
    .map((doc) => JSON.stringify(doc))
    .join('\n')}\n`

function* refsIn(value: unknown, path: string): Generator<{path: string; ref: string}> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* refsIn(item, `${path}[${i}]`)
  } else if (value && typeof value === 'object') {
    const ref = (value as {_ref?: unknown})._ref
    if (typeof ref === 'string') yield {path, ref}
    for (const [k, v] of Object.entries(value)) yield* refsIn(v, path ? `${path}.${k}` : k)
  }
}
