// Parsing a query: groq-js's parser, then the lake's function layer (functions.ts). groq-js's
// parser knows the `geo::` functions but not the global `geo()`: a query it rejects for that alone
// is parsed again with each `geo(` call written as `geo::latLng("<marker>", ...)`, which the
// function layer turns back into `geo()`. Syntax errors are found before unknown functions, so
// positions in any error still refer to the query as sent.

import {parse, type ExprNode} from 'groq-js'
import {childEntries, isNode, type Node} from './ast.ts'
import {GEO_CALL_MARKER, rewriteFunctions} from './functions.ts'

/** Parsed trees by parameter names and query text; the oldest go first beyond this many. */
const CACHE_SIZE = 500
const cache = new Map<string, Template | null>()

/** Stands in for a parameter's value while a query is parsed once for every request that sends it. */
class Placeholder {
  readonly name: string
  constructor(name: string) {
    this.name = name
  }
}

interface Template {
  tree: ExprNode
  /** Whether any `Value` node holds a placeholder (else the tree is shared as is). */
  placeholders: boolean
}

/**
 * The query's tree with `params` in it, as groq-js's parser builds it (it turns each `$name` that
 * `params` has into a literal). A query is parsed once per set of parameter names, with a
 * placeholder for each value; each request gets that tree with its values put in, sharing every
 * node without one (nothing downstream changes a tree: the rewrites copy what they change).
 * Should a placeholder end up anywhere but as a literal's value (the parser reading a value
 * itself), the query is parsed anew each time, and so is one that fails to parse, for its own error.
 */
export function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
  const names = Object.keys(params).sort()
  // The names as a JSON array first: it ends where it ends, whatever the names hold.
  const key = names.length === 0 ? query : `${JSON.stringify(names)}${query}`
  let template = cache.get(key)
  if (template === undefined) {
    template = parseTemplate(query, names)
    remember(key, template)
  }
  if (template === null) return parseUncached(query, params)
  return template.placeholders ? (fill(template.tree as unknown as Node, params) as unknown as ExprNode) : template.tree
}

function remember(key: string, template: Template | null): void {
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  cache.set(key, template)
}

/** The tree with placeholders, or null when it cannot stand for every value (or does not parse). */
function parseTemplate(query: string, names: string[]): Template | null {
  let tree: ExprNode
  try {
    tree = parseUncached(query, Object.fromEntries(names.map((name) => [name, new Placeholder(name)])))
  } catch {
    return null
  }
  let placeholders = false
  let elsewhere = false
  const walk = (value: unknown, inValue: boolean): void => {
    if (value instanceof Placeholder) {
      if (inValue) placeholders = true
      else elsewhere = true
      return
    }
    if (value === null || typeof value !== 'object') return
    if (Array.isArray(value)) return value.forEach((item) => walk(item, false))
    const node = value as Node
    for (const [key, child] of Object.entries(node)) walk(child, node.type === 'Value' && key === 'value')
  }
  walk(tree, false)
  return elsewhere ? null : {tree, placeholders}
}

/** A copy of the path to each placeholder with the request's value in its place. */
function fill(node: Node, params: Record<string, unknown>): Node {
  if (node.type === 'Value') {
    const value = node['value']
    return value instanceof Placeholder ? {type: 'Value', value: params[value.name]} : node
  }
  let copy: Node | undefined
  for (const [key, child] of childEntries(node)) {
    const filled = Array.isArray(child)
      ? child.map((item) => (isNode(item) ? fill(item, params) : item))
      : isNode(child)
        ? fill(child, params)
        : child
    if (Array.isArray(child) ? (filled as unknown[]).some((item, i) => item !== child[i]) : filled !== child)
      (copy ??= {...node})[key] = filled
  }
  return copy ?? node
}

function parseUncached(query: string, params: Record<string, unknown>): ExprNode {
  let tree: ExprNode
  try {
    tree = parse(query, {params})
  } catch (error) {
    if (!(error instanceof Error) || error.message !== 'Undefined function: geo') throw error
    tree = parse(markGeoCalls(query), {params})
  }
  return rewriteFunctions(tree)
}

const MARKER_TEXT = JSON.stringify(GEO_CALL_MARKER)

/** The query with every call of the global `geo(` (outside strings and comments) marked. */
export function markGeoCalls(query: string): string {
  let out = ''
  let i = 0
  const isStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c)
  const isPart = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c)
  /** Index of the next character that is not whitespace or inside a comment. */
  const skipBlank = (from: number): number => {
    let j = from
    for (;;) {
      while (j < query.length && /\s/.test(query[j]!)) j++
      if (query.startsWith('//', j)) {
        while (j < query.length && query[j] !== '\n') j++
        continue
      }
      return j
    }
  }
  while (i < query.length) {
    const c = query[i]!
    if (c === '"' || c === "'") {
      let j = i + 1
      while (j < query.length && query[j] !== c) j += query[j] === '\\' ? 2 : 1
      out += query.slice(i, j + 1)
      i = j + 1
      continue
    }
    if (query.startsWith('//', i)) {
      const end = query.indexOf('\n', i)
      const stop = end < 0 ? query.length : end
      out += query.slice(i, stop)
      i = stop
      continue
    }
    if (isStart(c) && !isPart(query[i - 1]) && query[i - 1] !== '$') {
      let j = i
      while (isPart(query[j])) j++
      let name = query.slice(i, j)
      // `global::geo(` names the same function.
      if (name === 'global' && query.startsWith('::', j) && query.startsWith('geo', j + 2) && !isPart(query[j + 5])) {
        j += 5
        name = 'geo'
      }
      const open = skipBlank(j)
      // Not an attribute (`a.geo(`) nor a function of another namespace (`x::geo(`).
      const before = out.trimEnd()
      if (name === 'geo' && query[open] === '(' && !before.endsWith('.') && !before.endsWith('::')) {
        const empty = query[skipBlank(open + 1)] === ')'
        out += `geo::latLng${query.slice(j, open + 1)}${MARKER_TEXT}${empty ? '' : ', '}`
        i = open + 1
        continue
      }
      out += query.slice(i, j)
      i = j
      continue
    }
    out += c
    i++
  }
  return out
}
