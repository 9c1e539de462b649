// Runs one query against a worker's store: parse (with the lake's own functions in place,
// parse.ts), check parameters, evaluate uncorrelated subqueries once (hoist.ts), plan (use an
// index where the query allows it, plan.ts), evaluate with groq-js. Errors come back as plain data so they cross the worker boundary.

import {evaluate, type ExprNode} from 'groq-js'
import type {QueryRequest} from '../types.ts'
import {childEntries, isNode} from './ast.ts'
import {hoistSubqueries} from './hoist.ts'
import {parseQuery} from './parse.ts'
import {evaluationOptions, plan} from './plan.ts'
import type {DocumentStore} from './store.ts'

export type RunOutcome =
  /** The result as JSON text: DateTime and path values in their JSON form, cheap to post. */
  | {ok: true; json: string; ms: number}
  | {ok: false; kind: 'parse'; description: string; start: number; end: number}
  | {ok: false; kind: 'execution'; description: string}

export async function runQuery(store: DocumentStore, request: QueryRequest): Promise<RunOutcome> {
  const started = performance.now()
  const userParams = request.params ?? {}
  let tree: ExprNode
  try {
    tree = parseQuery(request.query, userParams)
  } catch (error) {
    return parseFailure(error, request.query)
  }
  const missing = missingParameter(tree, userParams)
  if (missing !== undefined) {
    // The hosted API rejects a query that uses a parameter it was not given.
    const at = request.query.indexOf(`$${missing}`)
    const start = Math.max(0, at)
    return {
      ok: false,
      kind: 'parse',
      description: `param $${missing} referenced, but not provided`,
      start,
      end: at < 0 ? start : at + missing.length + 1,
    }
  }
  try {
    const view = store.view(request.perspective, request.scope, request.shuffleUnordered === true)
    const timestamp = new Date()
    const params = {...userParams}
    const run = async (subtree: ExprNode) => {
      const planned = await plan(subtree, params, store, view, timestamp)
      const value = await evaluate(planned.tree, {
        ...evaluationOptions(planned.tree, view, timestamp),
        params: planned.params,
      })
      return value.get()
    }
    const result = await run(await hoistSubqueries(tree, params, run))
    return {ok: true, json: JSON.stringify(result ?? null), ms: Math.round(performance.now() - started)}
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
  // Errors raised while building the tree (an unknown function, a bad function declaration, a
  // misuse the lake's function layer rejects) carry no position: the hosted API reports them as
  // parse errors too.
  return {ok: false, kind: 'parse', description, start: 0, end: query.length}
}

/** The first `$name` the query uses that `params` lacks. */
function missingParameter(tree: ExprNode, params: Record<string, unknown>): string | undefined {
  let missing: string | undefined
  const walk = (value: unknown): void => {
    if (missing !== undefined || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) return value.forEach(walk)
    if (!isNode(value)) return
    if (value.type === 'Parameter' && typeof value['name'] === 'string' && !Object.hasOwn(params, value['name'])) {
      missing = value['name']
      return
    }
    for (const [, child] of childEntries(value)) walk(child)
  }
  walk(tree)
  return missing
}
