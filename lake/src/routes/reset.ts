// Lake-only, for tests: POST /lake/snapshot/:dataset saves the dataset's current documents in
// memory; POST /lake/reset/:dataset brings the dataset back to that state without a restart.
// Both need a write token. A reset is one ordinary, logged transaction that writes back every
// document that differs from the saved state (exactly as saved, `_rev` included) and deletes the
// ones created since, so it is durable, it shows in history, and listeners get one mutation event
// per document it touched. Saving captures where each document's text is (the text is never
// changed in place), and a reset compares texts (the same slot, or equal bytes): milliseconds
// for thousands of documents.
import {requireWrite} from '../auth.ts'
import {sendJson, type RequestContext} from '../http/context.ts'
import {HttpError} from '../errors.ts'
import type {Dataset} from '../store/dataset.ts'
import type {CapturedDocuments} from '../store/documents.ts'

/** Saved states by dataset object: a deleted and re-created dataset starts without one. */
const saved = new WeakMap<Dataset, CapturedDocuments>()

export async function handleSnapshot(ctx: RequestContext): Promise<void> {
  requireWrite(ctx.principal, 'Saving a snapshot')
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  // Inside the commit queue, so the copy is never taken halfway through a transaction.
  const {result: documents} = await dataset.transact(() => dataset.capture(), {identity: ctx.principal.identity, request: []})
  saved.set(dataset, documents)
  sendJson(ctx.res, 200, {dataset: dataset.name, documentCount: documents.size})
}

export async function handleReset(ctx: RequestContext): Promise<void> {
  requireWrite(ctx.principal, 'Resetting a dataset')
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const state = saved.get(dataset)
  if (!state) {
    throw new HttpError(
      409,
      'noSnapshotError',
      `Dataset "${dataset.name}" has no snapshot to reset to: POST /lake/snapshot/${dataset.name} first (snapshots live in the lake's memory and end with the process)`,
    )
  }
  const started = performance.now()
  const {transaction, result} = await dataset.transact(
    (draft) => {
      draft.systemFields = 'verbatim'
      let restored = 0
      let deleted = 0
      const current = dataset.capture()
      for (const id of current.ids()) {
        if (state.has(id)) continue
        draft.put(id, null, {delete: {id}})
        deleted++
      }
      for (const id of state.ids()) {
        if (state.same(id, current)) continue
        const document = state.get(id)!
        draft.put(id, document, {createOrReplace: document})
        restored++
      }
      return {restored, deleted}
    },
    {identity: ctx.principal.identity, request: [{reset: {dataset: dataset.name}}]},
  )
  const changed = result.restored + result.deleted > 0
  sendJson(ctx.res, 200, {
    dataset: dataset.name,
    transactionId: changed ? transaction.id : null,
    restored: result.restored,
    deleted: result.deleted,
    documentCount: state.size,
    ms: Math.round((performance.now() - started) * 100) / 100,
  })
}
