// Parsing a query: groq-js's parser, then the lake's function layer (functions.ts). groq-js's
// parser knows the `geo::` functions but not the global `geo()`: a query it rejects for that alone
// is parsed again with each `geo(` call written as `geo::latLng("<marker>", ...)`, which the
// function layer turns back into `geo()`. Syntax errors are found before unknown functions, so
// positions in any error still refer to the query as sent.

import {parse, type ExprNode} from 'groq-js'
import type {Node} from './ast.ts'
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
  /** Where each placeholder's `Value` node is (keys from the root), and which parameter it stands for. */
  slots: {path: (string | number)[]; name: string}[]
}

/**
 * The query's tree with `params` in it, as groq-js's parser builds it (it turns each `$name` that
 * `params` has into a literal). A query is parsed once per set of parameter names, with a
 * placeholder for each value; each request gets that tree with its values put in, copying only
 * the nodes on the way to them and sharing the rest (nothing downstream changes a tree: the
 * rewrites copy what they change).
 * Should a placeholder end up anywhere but as a literal's value (the parser reading a value
 * itself), the query is parsed anew each time, and so is one that fails to parse, for its own error.
 */
export function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
  const names = Object.keys(params)
  // The names as a JSON array first: it ends where it ends, whatever the names hold.
  const key = names.length === 0 ? query : `${JSON.stringify(names.sort())}${query}`
  let template = cache.get(key)
  if (template === undefined) {
    template = parseTemplate(query, names)
    remember(key, template)
  }
  if (template === null) return parseUncached(query, params)
  return template.slots.length === 0 ? template.tree : fill(template, params)
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
  const slots: Template['slots'] = []
  let elsewhere = false
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (value instanceof Placeholder) elsewhere = true
    if (value === null || typeof value !== 'object' || elsewhere) return
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, [...path, i]))
    const node = value as Node
    if (node.type === 'Value' && node['value'] instanceof Placeholder) {
      slots.push({path, name: node['value'].name})
      return
    }
    for (const [key, child] of Object.entries(node)) if (!(node.type === 'Value' && key === 'value')) walk(child, [...path, key])
  }
  walk(tree, [])
  return elsewhere ? null : {tree, slots}
}

/** The template's tree with the request's values in place of the placeholders. */
function fill(template: Template, params: Record<string, unknown>): ExprNode {
  const copies = new Set<object>()
  const own = <T extends object>(value: T): T => {
    const copy = (Array.isArray(value) ? [...value] : {...value}) as T
    copies.add(copy)
    return copy
  }
  const whole = template.slots.find((slot) => slot.path.length === 0)
  if (whole) return {type: 'Value', value: params[whole.name]} as ExprNode
  const root = own(template.tree) as unknown as Record<string | number, unknown>
  for (const {path, name} of template.slots) {
    let parent = root
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i]!
      let child = parent[key] as Record<string | number, unknown>
      if (!copies.has(child)) parent[key] = child = own(child)
      parent = child
    }
    parent[path[path.length - 1]!] = {type: 'Value', value: params[name]}
  }
  return root as unknown as ExprNode
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
