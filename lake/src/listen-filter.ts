// A listen query's filter, compiled once and checked against single documents. Used by the
// filter threads (listen-filter-worker.ts); listen.ts compiles it too, to answer a bad query at once.
import {evaluateSync, type ExprNode} from 'groq-js'
import {parseQuery} from './query/parse.ts'
import type {SanityDocument} from './types.ts'

export interface CompiledFilter {
  tree: ExprNode
  params: Record<string, unknown>
}

/** Throws the parse error for a query that does not parse. Knows the lake's own functions (geo::). */
export function compileFilter(query: string, params: Record<string, unknown>): CompiledFilter {
  return {tree: topLevelFilter(parseQuery(query, params)), params}
}

export function filterMatches(filter: CompiledFilter, doc: SanityDocument | null): boolean {
  if (!doc) return false
  try {
    const result = (evaluateSync(filter.tree, {dataset: [doc], params: filter.params}) as {data: unknown}).data
    return Array.isArray(result) ? result.length > 0 : Boolean(result)
  } catch {
    return false
  }
}

/**
 * The part of a listen query that selects documents: as hosted, only the top-level filter counts;
 * projections, slices and ordering around it are ignored. `*[a][b]` keeps both filters.
 */
function topLevelFilter(tree: ExprNode): ExprNode {
  let node: ExprNode = tree
  while (node.type !== 'Filter' && node.type !== 'Everything' && 'base' in node) node = node.base as ExprNode
  let inner: ExprNode = node
  while (inner.type === 'Filter') inner = inner.base
  // Anything else (a subquery, a literal) is evaluated whole, as before.
  return inner.type === 'Everything' ? node : tree
}
