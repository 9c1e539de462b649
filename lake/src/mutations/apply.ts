// The mutate API's operations applied to a transaction draft. Any error throws before anything
// is committed, so a transaction is all or nothing.
import {badRequest, mutationError, HttpError} from '../errors.ts'
import {isPlainObject} from '../json.ts'
import type {SanityDocument} from '../types.ts'
import {randomId, validateId} from './ids.ts'
import {applyPatch, validatePatch} from './patch.ts'
import type {TransactionDraft} from './transaction.ts'

export interface MutationResult {
  id: string
  operation: 'create' | 'update' | 'delete' | 'none'
}

/** Resolves a GROQ query to document ids against the committed state (delete/patch by query). */
export type QueryIds = (query: string, params: Record<string, unknown>) => Promise<string[]>

const OPERATIONS = ['create', 'createOrReplace', 'createIfNotExists', 'delete', 'patch'] as const

export async function applyMutations(draft: TransactionDraft, mutations: unknown, queryIds: QueryIds): Promise<MutationResult[]> {
  if (!Array.isArray(mutations)) throw badRequest('"mutations" must be an array of mutations')
  const results: MutationResult[] = []
  for (let index = 0; index < mutations.length; index++) {
    const mutation = mutations[index]
    const where = `mutations[${index}]`
    if (!isPlainObject(mutation)) throw badRequest(`${where} must be an object like {"create": {...}}`, 'invalidMutationError')
    const keys = Object.keys(mutation)
    const op = keys[0]
    if (keys.length !== 1 || !OPERATIONS.includes(op as never)) {
      throw badRequest(`${where}: unknown mutation "${keys.join(', ')}"; expected one of ${OPERATIONS.join(', ')}`, 'invalidMutationError')
    }
    const body = mutation[op as string]
    if (!isPlainObject(body)) throw badRequest(`${where}.${op} must be an object`, 'invalidMutationError')
    try {
      results.push(...(await applyOne(draft, op as (typeof OPERATIONS)[number], body, `${where}.${op}`, queryIds, index)))
    } catch (err) {
      if (err instanceof HttpError && err.type === 'mutationError') throw withIndex(err, index)
      throw err
    }
  }
  return results
}

async function applyOne(
  draft: TransactionDraft,
  op: (typeof OPERATIONS)[number],
  body: Record<string, unknown>,
  where: string,
  queryIds: QueryIds,
  index: number,
): Promise<MutationResult[]> {
  switch (op) {
    case 'create': {
      const doc = checkDocument(body, where, false)
      let id = typeof body._id === 'string' ? body._id : ''
      if (id === '' || id.endsWith('.')) id = `${id}${randomId()}`
      validateId(id, `${where}._id`)
      if (draft.get(id)) throw mutationError(409, `Document by ID "${id}" already exists`, 'documentAlreadyExistsError', id, index)
      draft.put(id, {...doc, _id: id}, {create: {...doc, _id: id}})
      return [{id, operation: 'create'}]
    }
    case 'createOrReplace': {
      const doc = checkDocument(body, where, true)
      const existing = draft.get(doc._id)
      // Another _type can only replace a document created earlier in this transaction (a committed
      // one keeps its _type: checkChanges); that is a new document, with a new _createdAt.
      const kept = existing && existing._type === doc._type ? existing._createdAt : undefined
      const createdAt = typeof body._createdAt === 'string' ? body._createdAt : kept
      draft.put(doc._id, {...doc, _createdAt: createdAt ?? draft.timestamp}, {createOrReplace: doc})
      return [{id: doc._id, operation: existing ? 'update' : 'create'}]
    }
    case 'createIfNotExists': {
      const doc = checkDocument(body, where, true)
      if (draft.get(doc._id)) return [{id: doc._id, operation: 'none'}]
      draft.put(doc._id, doc, {createIfNotExists: doc})
      return [{id: doc._id, operation: 'create'}]
    }
    case 'delete': {
      const ids = await targetIds(body, where, queryIds)
      const results: MutationResult[] = []
      for (const id of ids) {
        if (draft.get(id)) draft.put(id, null, {delete: {id}})
        results.push({id, operation: 'delete'})
      }
      return results
    }
    case 'patch': {
      validatePatch(body, where)
      const ids = await targetIds(body, where, queryIds)
      const results: MutationResult[] = []
      for (const id of ids) {
        const current = draft.get(id)
        if (!current) {
          // Patch by query only hits existing documents; patch by id must find its target.
          if (body.query !== undefined) continue
          throw mutationError(404, `Cannot modify document "${id}": document not found`, 'documentNotFoundError', id, index)
        }
        if (body.ifRevisionID !== undefined && body.ifRevisionID !== current._rev) {
          throw mutationError(
            409,
            `Document "${id}" has unexpected revision ID ("${current._rev}"), expected "${String(body.ifRevisionID)}"`,
            'conflictError',
            id,
            index,
          )
        }
        const {query: _q, params: _p, ...rest} = body
        draft.put(id, applyPatch(current, body, where), {patch: {...rest, id}})
        results.push({id, operation: 'update'})
      }
      return results
    }
  }
}

function checkDocument(body: Record<string, unknown>, where: string, requireId: boolean): SanityDocument {
  if (requireId) validateId(body._id, `${where}._id`)
  if (typeof body._type !== 'string' || body._type.length === 0) {
    throw badRequest(`${where}: document must have a "_type" string`, 'invalidDocumentError')
  }
  const {_rev: _ignoredRev, _updatedAt: _ignoredUpdatedAt, ...doc} = body
  return doc as SanityDocument
}

async function targetIds(body: Record<string, unknown>, where: string, queryIds: QueryIds): Promise<string[]> {
  if (body.id !== undefined) {
    if (body.query !== undefined) throw badRequest(`${where}: give either "id" or "query", not both`, 'invalidMutationError')
    return [validateId(body.id, `${where}.id`)]
  }
  if (typeof body.query === 'string') {
    const params = body.params === undefined ? {} : body.params
    if (!isPlainObject(params)) throw badRequest(`${where}.params must be an object`, 'invalidMutationError')
    return queryIds(body.query, params)
  }
  throw badRequest(`${where}: needs an "id" or a "query"`, 'invalidMutationError')
}

function withIndex(err: HttpError, index: number): HttpError {
  const items = err.details.items as Array<{index: number}> | undefined
  if (items) for (const item of items) item.index = index
  return err
}
