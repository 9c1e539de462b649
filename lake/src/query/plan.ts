// Query planning: rewrites a parsed query so that the outermost `*[filter]` reads its candidates
// from an index instead of scanning every document. Step 1: no rewriting yet.

import type {ExprNode} from 'groq-js'
import type {DocumentStore, View} from './store.ts'

export interface Planned {
  tree: ExprNode
  params: Record<string, unknown>
}

export function plan(tree: ExprNode, params: Record<string, unknown>, _store: DocumentStore, _view: View): Planned {
  return {tree, params}
}
