// Point reads on the main thread. A query that picks its documents by `_id == c` or
// `slug.current == c` and then only reads those documents and what they reference is answered
// here, without the round trip through a query thread: on a machine whose idle threads sleep,
// waking one and being woken back costs more than evaluating such a query (bench/README.md).
//
// Only a query whose cost is bounded by the documents it reads qualifies, so a point read cannot
// stall the event loop the way the threads keep slow queries from doing:
// - one `*`, in a filter with an `_id` or slug term against a literal or parameter, reached from the
//   root only through projections, element access, slices, maps and dereferences;
// - everything else from a short list of node types and functions whose work is linear in what
//   they read (no `*`, `^`, `order()`, `score()`, text search or the namespaced functions);
// - literals inside it (parameters included: the parser writes their values in) are small scalars;
// - at most a few candidates, and the documents read (the candidates, then every dereference)
//   stay within a budget of bytes of text that shrinks with the number of nodes the query evaluates
//   per array element; a read that would exceed it stops, and the pool answers the query instead.
// - point reads together take at most half of the main thread, past a burst (main-thread-share.ts);
//   beyond it, the pool answers them.
// The perspectives that show stored documents as they are (raw, published, and the root paths a
// reader without a token sees) qualify; drafts overlay ids and go to the pool. Whatever fails here
// (a parse or execution error included) is answered by the pool, so errors come from one place.
// groq-js evaluates the query as the pool would, with the candidates in place of `*`: the filter
// still checks every term, so a candidate that does not match is dropped.

import {evaluate, type ExprNode} from 'groq-js'
import type {QueryRequest, QueryResponse, SanityDocument} from '../types.ts'
import {childEntries, isNode, type Node} from './ast.ts'
import type {Slot} from './document-text.ts'
import {parseQuery} from './parse.ts'
import {conjuncts, fieldOf} from './plan.ts'
import type {SlugIds} from './slug-ids.ts'
import {isPublishedId, isRootPath, type SanityContext} from './store.ts'
import {mainThreadShare} from './main-thread-share.ts'

export interface PointReadSource {
  /** Where each document's text is, by id. */
  slots: ReadonlyMap<string, Slot>
  bytes(slot: Slot): Buffer
  slugIds: SlugIds
  sanity: SanityContext | undefined
}

const MAX_QUERY_LENGTH = 4096
const MAX_PARAM_LENGTH = 1024
const MAX_LITERAL_LENGTH = 256
const MAX_CANDIDATES = 8
/** Bytes of document text a point read may decode. */
const MAX_BYTES = 32 * 1024
/**
 * Nodes evaluated per array element (in the bodies of maps and filters, and `in`, which compares
 * each element) times bytes read: such a node runs at most once per element, and an element takes
 * at least two bytes of text. The rest of the query runs once per candidate.
 */
const MAX_WORK = 2 ** 14
const CANDIDATES = '\u0000point'

const ROOT_CHAIN = new Set(['Projection', 'AccessElement', 'Slice', 'Map', 'FlatMap', 'ArrayCoerce', 'Deref', 'AccessAttribute'])
const BOUNDED_NODES = new Set([
  'This',
  'Value',
  'AccessAttribute',
  'AccessElement',
  'Slice',
  'Deref',
  'Projection',
  'Object',
  'ObjectAttributeValue',
  'ObjectSplat',
  'ObjectConditionalSplat',
  'Map',
  'FlatMap',
  'ArrayCoerce',
  'Filter',
  'Array',
  'ArrayElement',
  'And',
  'Or',
  'Not',
  'Neg',
  'Pos',
  'Group',
  'OpCall',
  'InRange',
  'Select',
  'SelectAlternative',
  'FuncCall',
])
const BOUNDED_OPS = new Set(['==', '!=', '<', '<=', '>', '>=', 'in', '+', '-', '*', '/', '%', '**'])
const BOUNDED_FUNCTIONS = new Set([
  'coalesce',
  'defined',
  'count',
  'length',
  'lower',
  'upper',
  'round',
  'string',
  'now',
  'dateTime',
  'references',
])

class OverBudget extends Error {}

/**
 * The answer to a point read, or undefined when the query is not one (or could not be answered
 * here): then the pool answers it.
 */
export async function readPoint(source: PointReadSource, request: QueryRequest): Promise<QueryResponse | undefined> {
  const started = performance.now()
  if (!mainThreadShare.available(started)) return undefined
  try {
    return await answer(source, request, started)
  } finally {
    mainThreadShare.charge(performance.now() - started)
  }
}

async function answer(source: PointReadSource, request: QueryRequest, started: number): Promise<QueryResponse | undefined> {
  const visible = visibility(request)
  if (!visible || request.query.length > MAX_QUERY_LENGTH || !smallScalars(request.params)) return undefined
  let tree: Node
  try {
    tree = parseQuery(request.query, request.params) as unknown as Node
  } catch {
    return undefined
  }
  const shape = pointShape(tree)
  if (!shape) return undefined

  const ids = [...new Set(shape.key.field === 'id' ? [shape.key.value] : source.slugIds.candidates(shape.key.value))]
    .filter((id) => visible(id) && source.slots.has(id))
    .sort(compareStrings)
  // A shuffling lake answers several candidates in a random order: the pool does that.
  if (ids.length > MAX_CANDIDATES || (ids.length > 1 && request.shuffleUnordered)) return undefined

  const budget = Math.min(MAX_BYTES, MAX_WORK / Math.max(1, shape.elementNodes))
  let spent = 0
  const decoded = new Map<string, SanityDocument>()
  const read = (id: string): SanityDocument | undefined => {
    const found = decoded.get(id)
    if (found) return found
    const slot = source.slots.get(id)
    if (!slot) return undefined
    spent += slot.length
    if (spent > budget) throw new OverBudget()
    const doc = JSON.parse(source.bytes(slot).toString('utf8')) as SanityDocument
    decoded.set(id, doc)
    return doc
  }
  try {
    const candidates = ids.map(read)
    const value = await evaluate(withCandidates(tree, shape.path) as unknown as ExprNode, {
      params: {[CANDIDATES]: candidates},
      timestamp: new Date(),
      sanity: source.sanity,
      dataset: [],
      // As the pool's views resolve `->`: a document the perspective hides is not there.
      dereference: ({_ref}: {_ref: unknown}) => (typeof _ref === 'string' && visible(_ref) ? read(_ref) : undefined),
    })
    const result = await value.get()
    return {result, json: JSON.stringify(result ?? null), ms: Math.round(performance.now() - started)}
  } catch {
    return undefined
  }
}

/** Which stored ids the request's perspective shows as they are; undefined for the others. */
function visibility(request: QueryRequest): ((id: string) => boolean) | undefined {
  const kind = (request.scope ?? 'all') === 'all' ? request.perspective : request.scope
  if (kind === 'raw') return () => true
  if (kind === 'published') return isPublishedId
  if (kind === 'rootPaths') return isRootPath
  return undefined
}

function smallScalars(params: Record<string, unknown>): boolean {
  for (const value of Object.values(params)) {
    if (typeof value === 'string' ? value.length > MAX_PARAM_LENGTH : value !== null && typeof value === 'object') return false
  }
  return true
}

interface PointShape {
  /** Child keys from the root to the filter whose base is `*`. */
  path: string[]
  key: {field: 'id' | 'slug'; value: string}
  /** Nodes evaluated once per array element: what the work per byte read is bounded by. */
  elementNodes: number
}

function pointShape(root: Node): PointShape | undefined {
  const path: string[] = []
  const counter = {elementNodes: 0}
  let node = root
  while (ROOT_CHAIN.has(node.type)) {
    for (const [key, child] of childEntries(node)) {
      if (key !== 'base' && !bounded(child, false, counter)) return undefined
    }
    const base = node['base']
    if (!isNode(base)) return undefined
    path.push('base')
    node = base
  }
  if (node.type !== 'Filter' || (node['base'] as Node | undefined)?.type !== 'Everything') return undefined
  const expr = node['expr'] as Node
  if (!bounded(expr, false, counter)) return undefined
  const key = keyTerm(expr)
  return key && {path, key, elementNodes: counter.elementNodes}
}

/** Whether the subtree is known to be bounded (see the header); counts the nodes evaluated per element. */
function bounded(value: unknown, perElement: boolean, counter: {elementNodes: number}): boolean {
  if (Array.isArray(value)) return value.every((item) => bounded(item, perElement, counter))
  if (!isNode(value)) return value === null || typeof value !== 'object'
  if (!BOUNDED_NODES.has(value.type)) return false
  if (value.type === 'Value' && !smallLiteral(value['value'])) return false
  if (value.type === 'OpCall' && !BOUNDED_OPS.has(value['op'] as string)) return false
  if (value.type === 'FuncCall' && (value['namespace'] !== 'global' || !BOUNDED_FUNCTIONS.has(value['name'] as string))) return false
  if (perElement || (value.type === 'OpCall' && value['op'] === 'in')) counter.elementNodes++
  const bodyPerElement = value.type === 'Map' || value.type === 'FlatMap' || value.type === 'Filter'
  for (const [key, child] of childEntries(value)) {
    if (!bounded(child, perElement || (bodyPerElement && key === 'expr'), counter)) return false
  }
  return true
}

function smallLiteral(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= MAX_LITERAL_LENGTH
  return value === null || typeof value === 'number' || typeof value === 'boolean'
}

/** The filter's first `_id == "c"` term, else its first `slug.current == "c"` term. */
function keyTerm(expr: Node): PointShape['key'] | undefined {
  let slug: PointShape['key'] | undefined
  for (const term of conjuncts(expr)) {
    const inner = unwrapGroups(term)
    if (inner.type !== 'OpCall' || inner['op'] !== '==') continue
    const left = inner['left'] as Node
    const right = inner['right'] as Node
    const [field, other] = fieldOf(left) ? [fieldOf(left), right] : [fieldOf(right), left]
    if ((field !== 'id' && field !== 'slug') || other.type !== 'Value' || typeof other['value'] !== 'string') continue
    if (field === 'id') return {field, value: other['value']}
    slug ??= {field, value: other['value']}
  }
  return slug
}

function unwrapGroups(node: Node): Node {
  return node.type === 'Group' ? unwrapGroups(node['base'] as Node) : node
}

/** The tree with the candidates in place of the `*` under the filter at `path` (copying only that path). */
function withCandidates(node: Node, path: readonly string[]): Node {
  if (path.length === 0) return {...node, base: {type: 'Parameter', name: CANDIDATES}}
  const [key, ...rest] = path
  return {...node, [key!]: withCandidates(node[key!] as Node, rest)}
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
