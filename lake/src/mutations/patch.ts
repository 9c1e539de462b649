// Patch operations (set, setIfMissing, unset, inc, dec, insert, diffMatchPatch) applied with
// @sanity/mutator, the library the Studio uses to apply the same patches to its local copy: the
// lake and the Studio then agree on every result.
import {Mutation} from '@sanity/mutator'
import {badRequest} from '../errors.ts'
import type {SanityDocument} from '../types.ts'
import {immutableAttributeError} from './limits.ts'

export const PATCH_OPERATIONS = ['set', 'setIfMissing', 'unset', 'inc', 'dec', 'insert', 'diffMatchPatch'] as const
const PATCH_KEYS = new Set<string>([...PATCH_OPERATIONS, 'id', 'query', 'params', 'ifRevisionID'])

/** Throws a 400 naming the field when the patch has an unknown or malformed operation. */
export function validatePatch(patch: Record<string, unknown>, where: string): void {
  for (const key of Object.keys(patch)) {
    if (!PATCH_KEYS.has(key)) throw badRequest(`${where}: unknown patch operation "${key}"`, 'invalidPatchError')
  }
  for (const op of ['set', 'setIfMissing', 'inc', 'dec', 'diffMatchPatch'] as const) {
    const value = patch[op]
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw badRequest(`${where}: patch.${op} must be an object of path: value`, 'invalidPatchError')
    }
  }
  if (patch.unset !== undefined && (!Array.isArray(patch.unset) || patch.unset.some((p) => typeof p !== 'string'))) {
    throw badRequest(`${where}: patch.unset must be an array of paths`, 'invalidPatchError')
  }
  for (const op of ['inc', 'dec'] as const) {
    const value = patch[op] as Record<string, unknown> | undefined
    for (const [path, amount] of Object.entries(value ?? {})) {
      if (typeof amount !== 'number') throw badRequest(`${where}: patch.${op}["${path}"] must be a number`, 'invalidPatchError')
    }
  }
  if (patch.insert !== undefined) {
    const insert = patch.insert as Record<string, unknown>
    const positions = ['before', 'after', 'replace'].filter((p) => typeof insert?.[p] === 'string')
    if (typeof insert !== 'object' || insert === null || positions.length !== 1 || !Array.isArray(insert.items)) {
      throw badRequest(`${where}: patch.insert needs exactly one of before/after/replace (a path) and an items array`, 'invalidPatchError')
    }
  }
}

export function applyPatch(doc: SanityDocument, patch: Record<string, unknown>, where: string): SanityDocument {
  const ops: Record<string, unknown> = {id: doc._id}
  for (const op of PATCH_OPERATIONS) if (patch[op] !== undefined) ops[op] = patch[op]
  let result: SanityDocument | null
  try {
    result = new Mutation({mutations: [{patch: ops as never}]}).apply(doc) as SanityDocument | null
  } catch (err) {
    throw badRequest(`${where}: cannot apply patch: ${(err as Error).message}`, 'invalidPatchError')
  }
  if (!result) throw badRequest(`${where}: patch removed the document`, 'invalidPatchError')
  // As hosted: a patch that would change (or remove) _id or _type fails the whole transaction.
  for (const attribute of ['_id', '_type'] as const) {
    if (result[attribute] !== doc[attribute]) throw immutableAttributeError(attribute, doc._id)
  }
  return result
}
