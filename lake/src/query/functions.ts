// Functions the lake evaluates itself where groq-js 2.0.1 lacks them or answers differently from
// hosted GROQ. The parsed tree is rewritten before evaluation: each such call becomes an operator
// node `left <lake call> right` whose operator is a private symbol; groq-js evaluates the call's
// arguments in the current scope like any operator's operands (so `@`, `^`, attributes and
// subqueries work per row) and hands their values to the lake's implementation. groq-js looks
// operators up by key in a plain object, so the implementation is reachable from it through a
// non-enumerable property under that symbol on Object.prototype: no other code can name it, and
// no enumeration, JSON or copy of any object sees it. groq-js itself stays as published.

import {evaluateSync, type ExprNode} from 'groq-js'
import {childEntries, isNode, type Node} from './ast.ts'
import * as geo from './geo.ts'

/** The marker first argument of `geo::latLng` that stands for a `geo(...)` call (parse.ts). */
export const GEO_CALL_MARKER = '\u0000geo()'

const LAKE_CALL = Symbol('spotter lake function call')

type Implementation = (args: unknown[]) => unknown

/** The lake's functions: name, number of arguments, implementation over JSON values. */
const FUNCTIONS: Record<string, {arity: number; run: Implementation}> = {
  'global::geo': {arity: 1, run: ([value]) => geo.geo(value)},
  'geo::latLng': {arity: 2, run: ([lat, lng]) => geo.latLng(lat, lng)},
  'geo::distance': {arity: 2, run: ([a, b]) => geo.distance(a, b)},
  'geo::contains': {arity: 2, run: ([a, b]) => geo.contains(a, b)},
  'geo::intersects': {arity: 2, run: ([a, b]) => geo.intersects(a, b)},
  // groq-js keeps every null; hosted treats null like the other primitives.
  'array::unique': {arity: 1, run: ([value]) => unique(value)},
}

/** A groq-js value as operators receive it: static (`data`) or a stream (`get()`). */
interface GroqValue {
  type: string
  data: unknown
  get(): Promise<unknown>
}

function callLakeFunction(args: GroqValue, name: GroqValue): unknown {
  const run = FUNCTIONS[name.data as string]!.run
  // groq-js evaluates an array literal to a stream when it runs asynchronously.
  if (args.type === 'stream') return args.get().then((values) => toValue(run(values as unknown[])))
  return toValue(run(args.data as unknown[]))
}

/** A JSON value as a groq-js value (the `Value` node is how groq-js builds one). */
function toValue(data: unknown): unknown {
  return evaluateSync({type: 'Value', value: data ?? null} as ExprNode)
}

if (!Object.hasOwn(Object.prototype, LAKE_CALL)) {
  Object.defineProperty(Object.prototype, LAKE_CALL, {value: callLakeFunction, enumerable: false})
}

/** A rejected query that groq-js would have evaluated (hosted refuses it before running it). */
export class LakeQueryError extends Error {
  override name = 'LakeQueryError'
}

/**
 * The tree with the lake's functions in place of groq-js's, `path(a) in path(b)` made to match,
 * and misuses hosted rejects rejected (throws LakeQueryError).
 */
export function rewriteFunctions(tree: ExprNode): ExprNode {
  const rewrite = (node: Node): Node => {
    let copy: Node | undefined
    for (const [key, child] of childEntries(node)) {
      const rewritten = Array.isArray(child)
        ? child.map((item) => (isNode(item) ? rewrite(item) : item))
        : isNode(child)
          ? rewrite(child)
          : child
      if (Array.isArray(child) ? (rewritten as unknown[]).some((item, i) => item !== child[i]) : rewritten !== child)
        (copy ??= {...node})[key] = rewritten
    }
    return replace(copy ?? node)
  }
  return rewrite(tree as unknown as Node) as unknown as ExprNode
}

function replace(node: Node): Node {
  if (node.type === 'FuncCall') {
    let name = `${node['namespace']}::${node['name']}`
    let args = node['args'] as Node[]
    if (name === 'geo::latLng' && isGeoMarker(args[0])) {
      name = 'global::geo'
      args = args.slice(1)
    }
    const lake = FUNCTIONS[name]
    if (!lake) return node
    if (args.length !== lake.arity) {
      const shown = name.startsWith('global::') ? name.slice('global::'.length) : name
      throw new LakeQueryError(`${shown}() takes ${lake.arity} argument${lake.arity === 1 ? '' : 's'}, got ${args.length}`)
    }
    return {
      type: 'OpCall',
      op: LAKE_CALL,
      left: {type: 'Array', elements: args.map((value) => ({type: 'ArrayElement', value, isSplat: false}))},
      right: {type: 'Value', value: name},
    }
  }
  // A path value on the left of `in` is matched as its text, as a string there is; groq-js
  // answers null. `path(x)` is null unless x is a string, and `null in path(...)` is null too.
  if (node.type === 'OpCall' && node['op'] === 'in' && isPathCall(node['left']) && isPathCall(node['right'])) {
    return {...node, left: ((node['left'] as Node)['args'] as Node[])[0]!}
  }
  if (node.type === 'PipeFuncCall' && node['name'] === 'score') {
    const input = ungroup(node['base'] as Node)
    if (input.type === 'AccessElement' || (input.type === 'Map' && ungroup(input['expr'] as Node).type === 'Projection'))
      throw new LakeQueryError('score() must be applied to an array of documents, not to a projection or a single element')
  }
  return node
}

function isGeoMarker(node: Node | undefined): boolean {
  return node?.type === 'Value' && node['value'] === GEO_CALL_MARKER
}

function isPathCall(node: unknown): boolean {
  return isNode(node) && node.type === 'FuncCall' && node['namespace'] === 'global' && node['name'] === 'path'
}

function ungroup(node: Node): Node {
  return node.type === 'Group' ? ungroup(node['base'] as Node) : node
}

function unique(value: unknown): unknown[] | null {
  if (!Array.isArray(value)) return null
  const seen = new Set<unknown>()
  const result: unknown[] = []
  for (const item of value) {
    const primitive = item === null || typeof item !== 'object' ? item : undefined
    if (primitive === undefined && item !== undefined) {
      result.push(item) // objects and arrays are kept, as groq-js keeps them
      continue
    }
    if (seen.has(primitive)) continue
    seen.add(primitive)
    result.push(item)
  }
  return result
}
