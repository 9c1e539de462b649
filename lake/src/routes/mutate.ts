// POST /data/mutate/:dataset: a transaction of create/createOrReplace/createIfNotExists/delete/patch.
import {requireWrite} from '../auth.ts'
import {readJson} from '../http/body.ts'
import {isPlainObject} from '../json.ts'
import {queryFlag, sendJson, type RequestContext} from '../http/context.ts'
import {badRequest} from '../errors.ts'
import {applyMutations, type QueryIds} from '../mutations/apply.ts'
import {mutationWithArrayKeys} from '../mutations/array-keys.ts'
import {validateId} from '../mutations/ids.ts'
import type {Dataset} from '../store/dataset.ts'
import {runQuery} from './query.ts'

const VISIBILITIES = ['sync', 'async', 'deferred']

export async function handleMutate(ctx: RequestContext): Promise<void> {
  requireWrite(ctx.principal, 'Mutating documents')
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const visibility = ctx.query.get('visibility')
  if (visibility !== null && !VISIBILITIES.includes(visibility)) {
    throw badRequest(`Unknown visibility "${visibility}": use ${VISIBILITIES.join(', ')}`, 'invalidParameterError')
  }
  const body = await readJson(ctx.req, ctx.bodyLimit)
  if (!isPlainObject(body)) throw badRequest('Request body must be a JSON object like {"mutations": [...]}')
  if (!Array.isArray(body.mutations)) throw badRequest('"mutations" must be an array of mutations', 'invalidMutationError')
  const transactionId = optionalTransactionId(body.transactionId ?? ctx.query.get('transactionId'))
  const mutations = queryFlag(ctx.query, 'autoGenerateArrayKeys', false) ? body.mutations.map(mutationWithArrayKeys) : body.mutations
  const {transaction, result} = await dataset.transact((draft) => applyMutations(draft, mutations, queryIdsFor(dataset)), {
    transactionId,
    identity: ctx.principal.identity,
    request: mutations,
    dryRun: queryFlag(ctx.query, 'dryRun', false),
  })
  const returnDocuments = queryFlag(ctx.query, 'returnDocuments', false)
  const byId = new Map(transaction.changes.map((c) => [c.id, c]))
  const results = result.map((r) => {
    if (!returnDocuments) return {id: r.id, operation: r.operation}
    const change = byId.get(r.id)
    const document = change ? (change.document ?? change.previous) : dataset.get(r.id)
    return {id: r.id, operation: r.operation, document}
  })
  const response: Record<string, unknown> = {transactionId: transaction.id, results}
  if (queryFlag(ctx.query, 'returnIds', false)) response.documentIds = result.map((r) => r.id)
  sendJson(ctx.res, 200, response)
}

export function optionalTransactionId(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  return validateId(value, 'transactionId')
}

/** Delete/patch by query: the matching ids, as seen by everything committed so far. */
export function queryIdsFor(dataset: Dataset): QueryIds {
  return async (query, params) => {
    const {result} = await runQuery(() => dataset.queryCommitted({query, params, perspective: 'raw'}), query)
    const items = Array.isArray(result) ? result : result === null || result === undefined ? [] : [result]
    return items.map((item) => {
      if (typeof item === 'string') return item
      if (isPlainObject(item) && typeof item._id === 'string') return item._id
      throw badRequest(`Query "${query}" must return documents (or ids) to mutate`, 'invalidMutationError')
    })
  }
}
