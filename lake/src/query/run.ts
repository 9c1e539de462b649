// Runs one query against a worker's store: parse, plan (use an index where the query allows it),
// evaluate with groq-js. Errors come back as plain data so they cross the worker boundary.

import {evaluate, parse, type ExprNode} from 'groq-js'
import type {QueryRequest} from '../types.ts'
import {evaluationOptions, plan} from './plan.ts'
import type {DocumentStore} from './store.ts'

export type RunOutcome =
  | {ok: true; result: unknown; ms: number}
  | {ok: false; kind: 'parse'; description: string; start: number; end: number}
  | {ok: false; kind: 'execution'; description: string}

export async function runQuery(store: DocumentStore, request: QueryRequest): Promise<RunOutcome> {
  const started = performance.now()
  const params = request.params ?? {}
  let tree: ExprNode
  try {
    tree = parse(request.query, {params})
  } catch (error) {
    return parseFailure(error, request.query)
  }
  try {
    const view = store.view(request.perspective)
    const planned = await plan(tree, params, store, view)
    const value = await evaluate(planned.tree, {...evaluationOptions(planned.tree, view), params: planned.params})
    const result = await value.get()
    return {ok: true, result: result ?? null, ms: Math.round(performance.now() - started)}
  } catch (error) {
    return {ok: false, kind: 'execution', description: error instanceof Error ? error.message : String(error)}
  }
}

function parseFailure(error: unknown, query: string): RunOutcome {
  const description = error instanceof Error ? error.message : String(error)
  const position = (error as {position?: unknown}).position
  if (typeof position === 'number') {
    return {ok: false, kind: 'parse', description, start: position, end: Math.min(position + 1, query.length)}
  }
  // Errors groq-js raises while building the tree (an unknown function, a bad function
  // declaration) carry no position: the hosted API reports them as parse errors too.
  return {ok: false, kind: 'parse', description, start: 0, end: query.length}
}
