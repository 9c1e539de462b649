// Uncorrelated subqueries evaluated once: a subexpression inside a filter or projection that reads
// `*` but nothing of the row being evaluated (no `@`, no bare attribute, no `^`, no function that
// reads `@`) has the same value for every row. groq-js re-evaluates it per row, which nests into
// exponential time (the conformance suite's "Filters / documents, nested 3"). Here each such
// subexpression is evaluated once, innermost first, and replaced by a parameter holding its value.

import type {ExprNode} from 'groq-js'
import {childEntries, isNode, NESTED_CHILDREN, type Node} from './ast.ts'

/** Functions whose value depends only on their arguments (and the query's context). */
const PURE_FUNCTIONS: Record<string, readonly string[] | '*'> = {
  global: ['count', 'defined', 'length', 'coalesce', 'lower', 'upper', 'round', 'string', 'dateTime', 'now', 'path', 'identity'],
  array: '*',
  math: '*',
  string: '*',
  dateTime: '*',
}

export type Evaluate = (tree: ExprNode) => Promise<unknown>

/**
 * Returns the tree with every uncorrelated subquery below the root scope replaced by a parameter;
 * `params` receives the values. A subquery whose evaluation fails is left in place, so the error
 * (if it matters) surfaces where groq-js would raise it.
 */
export async function hoistSubqueries(tree: ExprNode, params: Record<string, unknown>, evaluate: Evaluate): Promise<ExprNode> {
  // Most queries have no `*` below the root scope: nothing to do, and no walk per node.
  if (!readsEverythingBelowRoot(tree as unknown as Node)) return tree
  let count = 0
  const rewrite = async (node: Node, level: number): Promise<Node> => {
    if (level > 0 && readsEverything(node) && isUncorrelated(node)) {
      const inner = await rewrite(node, 0)
      let value: unknown
      try {
        value = await evaluate(inner as unknown as ExprNode)
      } catch {
        return inner
      }
      const name = `\u0000subquery${count++}`
      params[name] = value
      return {type: 'Parameter', name}
    }
    let copy: Node | undefined
    for (const [key, child] of childEntries(node)) {
      const childLevel = NESTED_CHILDREN[node.type]?.includes(key) ? level + 1 : level
      const rewritten = await rewriteValue(child, childLevel)
      if (rewritten !== child) (copy ??= {...node})[key] = rewritten
    }
    return copy ?? node
  }
  const rewriteValue = async (value: unknown, level: number): Promise<unknown> => {
    if (Array.isArray(value)) {
      const items = await Promise.all(value.map((item) => rewriteValue(item, level)))
      return items.some((item, i) => item !== value[i]) ? items : value
    }
    if (isNode(value)) return rewrite(value, level)
    return value
  }
  return (await rewrite(tree as unknown as Node, 0)) as unknown as ExprNode
}

/** Whether the node's value is the same whatever row (scope) it is evaluated in. */
export function isUncorrelated(root: Node): boolean {
  const check = (value: unknown, level: number): boolean => {
    if (Array.isArray(value)) return value.every((item) => check(item, level))
    if (!isNode(value)) return true
    const node = value
    if (node.type === 'Parent') return false
    if (level === 0) {
      if (node.type === 'This') return false
      if (node.type === 'AccessAttribute' && !node['base']) return false
      if (node.type === 'FuncCall' || node.type === 'PipeFuncCall') {
        const allowed = PURE_FUNCTIONS[node['namespace'] as string]
        if (node.type === 'FuncCall' && !(allowed === '*' || allowed?.includes(node['name'] as string))) return false
      }
    }
    for (const [key, child] of childEntries(node)) {
      if (!check(child, NESTED_CHILDREN[node.type]?.includes(key) ? level + 1 : level)) return false
    }
    return true
  }
  return check(root, 0)
}

/** Whether a `*` appears inside a filter, projection or other nested scope. */
function readsEverythingBelowRoot(root: Node): boolean {
  const walk = (value: unknown, level: number): boolean => {
    if (Array.isArray(value)) return value.some((item) => walk(item, level))
    if (!isNode(value)) return false
    if (value.type === 'Everything') return level > 0
    for (const [key, child] of childEntries(value)) {
      if (walk(child, NESTED_CHILDREN[value.type]?.includes(key) ? level + 1 : level)) return true
    }
    return false
  }
  return walk(root, 0)
}

/** Whether evaluating the node calls only functions that cannot fail on odd input. */
export function callsOnlyPureFunctions(root: Node): boolean {
  const walk = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.every(walk)
    if (!isNode(value)) return true
    if (value.type === 'FuncCall') {
      const allowed = PURE_FUNCTIONS[value['namespace'] as string]
      if (!(allowed === '*' || allowed?.includes(value['name'] as string))) return false
    }
    if (value.type === 'PipeFuncCall' && value['name'] !== 'order') return false
    return childEntries(value).every(([, child]) => walk(child))
  }
  return walk(root)
}

function readsEverything(root: Node): boolean {
  const walk = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(walk)
    if (!isNode(value)) return false
    if (value.type === 'Everything') return true
    return childEntries(value).some(([, child]) => walk(child))
  }
  return walk(root)
}
