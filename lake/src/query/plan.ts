// Query planning: rewrites a parsed query so that each `*[filter]` whose filter has an index term
// with a constant value (`_type == "x"`, `slug.current == $slug`) reads its candidates from an
// index instead of scanning every document, and so that an ordered first page in the query's root
// scope (`*[_type == T ...] | order(a) [0...n]`) walks a sorted index and stops after n matches.
// The rewritten parts become parameters holding the precomputed arrays; everything else,
// including every other `*`, is evaluated by groq-js as before, so results are identical.
//
// A filter is a conjunction of terms; `Filter(a && b)` keeps exactly the documents for which every
// term is true, so terms answered exactly by an index can be applied in any order and dropped
// from what groq-js evaluates. Indexable terms: `_id == c`, `_id in [c...]`, `_type == c`,
// `_type in [...]`, `slug.current == c`, `slug.current in [...]`, `references(c...)` with
// constant (literal or parameter) strings.
//
// In a shuffling view (`shuffleUnordered`) `*` and index lookups come out in a random order, except
// where the query orders them: the documents that reach `order()` or `score()` through filters,
// projections and the like (not through a slice, which picks its members by the order it is given)
// are read in view order, so ties keep `_id` order and ordered results stay what they were.

import {evaluate, type ExprNode} from 'groq-js'
import {childEntries, isNode, NESTED_CHILDREN, type Node} from './ast.ts'
import {callsOnlyPureFunctions, isUncorrelated} from './hoist.ts'
import {referencesOf, slugOf} from './indexes.ts'
import type {OrderKey} from './sorted.ts'
import type {DocumentStore, Entry, View} from './store.ts'

export interface Planned {
  tree: ExprNode
  params: Record<string, unknown>
}

type Field = 'id' | 'type' | 'slug'
interface Term {
  kind: Field | 'ref'
  keys: string[]
}

/** The terms of a filter's conjunction, sorted by what can answer them. */
interface Classified {
  indexed: Term[]
  /** Terms groq-js evaluates per document. */
  residual: Node[]
  /** A term is false (or null) for every document: the filter keeps nothing. */
  empty: boolean
}

export async function plan(
  tree: ExprNode,
  params: Record<string, unknown>,
  store: DocumentStore,
  view: View,
  timestamp = new Date(),
): Promise<Planned> {
  const planner = new Planner(params, store, view, timestamp)
  const planned = await planner.visit(tree as unknown as Node)
  return {tree: planned as unknown as ExprNode, params: planner.params}
}

class Planner {
  readonly params: Record<string, unknown>
  private userParams: Record<string, unknown>
  private store: DocumentStore
  private view: View
  private timestamp: Date
  private count = 0

  constructor(params: Record<string, unknown>, store: DocumentStore, view: View, timestamp: Date) {
    this.userParams = params
    this.params = {...params}
    this.store = store
    this.view = view
    this.timestamp = timestamp
  }

  /**
   * Rewrites `node`. `root`: evaluated once, in the query's root scope (an ordered page may be
   * cut short there); elsewhere a filter may still take its candidates from an index, as long as
   * the terms that pick them are constants.
   */
  async visit(node: Node, root = true, inOrder = false): Promise<Node> {
    if (node.type === 'Filter' && (node['base'] as Node | undefined)?.type === 'Everything') {
      const replaced = await this.filter(node['expr'] as Node, inOrder)
      if (!replaced) return this.children(node, false, inOrder)
      // What remains of the filter may hold subqueries of its own.
      return replaced.type === 'Filter' ? this.children(replaced, false) : replaced
    }
    if (node.type === 'Everything' && inOrder && this.view.shuffled) return this.param(this.view.ordered())
    if (root && (node.type === 'Slice' || node.type === 'AccessElement')) {
      const page = await this.orderedPage(node)
      if (page) return page
    }
    return this.children(node, root, inOrder)
  }

  /**
   * Visits every child node; those evaluated in another scope are no longer at the root.
   * `inOrder`: this node's value is about to be ordered (see the header).
   */
  private async children(node: Node, root: boolean, inOrder = false): Promise<Node> {
    let copy: Node | undefined
    const sameScopeCall = node.type !== 'FuncCall' || isSameScopeFunction(node)
    for (const [key, child] of childEntries(node)) {
      const childRoot = root && sameScopeCall && !NESTED_CHILDREN[node.type]?.includes(key)
      const childInOrder = isOrderedInput(node, key, inOrder)
      const planned = Array.isArray(child)
        ? await this.visitAll(child, childRoot)
        : isNode(child)
          ? await this.visit(child, childRoot, childInOrder)
          : child
      if (planned !== child) (copy ??= {...node})[key] = planned
    }
    return copy ?? node
  }

  private async visitAll(items: unknown[], root: boolean): Promise<unknown[]> {
    const planned: unknown[] = []
    for (const item of items) planned.push(isNode(item) ? await this.visit(item, root) : item)
    return planned.some((item, i) => item !== items[i]) ? planned : items
  }

  /** `*[expr]` answered from an index: the whole filter, or the candidates it then filters. */
  private async filter(expr: Node, inOrder: boolean): Promise<Node | undefined> {
    const {indexed, residual, empty} = await this.classify(expr)
    if (empty) return this.param([])
    if (indexed.length === 0) return undefined
    indexed.sort((a, b) => this.estimate(a) - this.estimate(b))
    const [first, ...rest] = indexed
    let docs = this.candidates(first!, inOrder)
    // A slug bucket is keyed by the slug's hash: it may hold a document with another slug.
    const unchecked = first!.kind === 'slug' ? indexed : rest
    if (unchecked.length > 0) docs = docs.filter((doc) => unchecked.every((term) => matches(term, doc)))
    const candidates = this.param(docs)
    if (residual.length === 0) return candidates
    return {type: 'Filter', base: candidates, expr: conjunction(residual)} as Node
  }

  /**
   * `*[_type == T && ...] | order(k...) [a...b]` (or `[i]`): walks the sorted index of T, keeps
   * documents that pass the filter until the page is full, and hands groq-js that prefix in place
   * of the ordered array; the slice then cuts the same page out of it.
   */
  private async orderedPage(node: Node): Promise<Node | undefined> {
    const pipe = node['base'] as Node | undefined
    if (pipe?.type !== 'PipeFuncCall' || pipe['name'] !== 'order') return undefined
    const filter = pipe['base'] as Node
    if (filter.type !== 'Filter' || (filter['base'] as Node).type !== 'Everything') return undefined
    let need: number
    if (node.type === 'AccessElement') {
      const index = node['index'] as number
      if (index < 0) return undefined
      need = index + 1
    } else {
      const left = node['left'] as number
      const right = node['right'] as number
      if (left < 0 || right < 0) return undefined
      need = node['isInclusive'] ? right + 1 : right
    }
    const order = orderKeys(pipe['args'] as Node[])
    if (!order) return undefined
    // In the drafts perspective `_id` is rewritten for drafts, so the stored one is no sort key.
    if (this.view.perspective === 'drafts' && order.some((k) => k.path[0] === '_id' || k.path[0] === '_originalId')) {
      return undefined
    }
    const {indexed, residual, empty} = await this.classify(filter['expr'] as Node)
    if (empty) return {...node, base: this.param([])} as Node
    const typeTerm = indexed.find((t) => t.kind === 'type' && t.keys.length === 1)
    if (!typeTerm) return undefined
    // A rarer index term beats walking every document of the type: leave it to `filter`.
    if (indexed.some((t) => this.estimate(t) < this.estimate(typeTerm) / 8)) return undefined

    const sorted = this.store.sortedIndex(typeTerm.keys[0]!, order, this.view)
    const page: unknown[] = []
    let batch: unknown[] = []
    let batchSize = Math.max(need, 16)
    const residualExpr = residual.length > 0 ? conjunction(residual) : undefined
    const flush = async () => {
      if (residualExpr) {
        const name = '\u0000batch'
        const tree = {type: 'Filter', base: {type: 'Parameter', name}, expr: residualExpr} as unknown as ExprNode
        const value = await evaluate(tree, {
          ...evaluationOptions(tree, this.view, this.timestamp),
          params: {...this.userParams, [name]: batch},
        })
        page.push(...((await value.get()) as unknown[]))
      } else page.push(...batch)
      batch = []
      batchSize *= 2
    }
    for (const entry of sorted.entries()) {
      const doc = this.view.show(entry)
      if (doc === undefined || !indexed.every((term) => matches(term, doc))) continue
      batch.push(doc)
      if (batch.length >= batchSize) {
        await flush()
        if (page.length >= need) break
      }
    }
    if (batch.length > 0 && page.length < need) await flush()
    return {...node, base: this.param(page.slice(0, need))} as Node
  }

  /**
   * Splits a filter into index terms and the rest. A term that reads nothing of the document
   * (`$level == null`) is evaluated once: true drops it, anything else empties the filter; so is
   * `constant || ...` when the constant is true (the SDK's optional filters), as long as the rest
   * of it cannot fail.
   */
  private async classify(expr: Node): Promise<Classified> {
    const classified: Classified = {indexed: [], residual: [], empty: false}
    for (const term of conjuncts(expr)) {
      const found = this.term(term)
      if (found) {
        classified.indexed.push(found)
        continue
      }
      if (isUncorrelated(term)) {
        const value = await this.constantValue(term)
        if (value === true) continue
        if (value !== undefined) classified.empty = true
      } else if (await this.alwaysTrueDisjunction(term)) continue
      classified.residual.push(term)
    }
    return classified
  }

  private async alwaysTrueDisjunction(term: Node): Promise<boolean> {
    const parts = disjuncts(term)
    if (parts.length < 2 || !callsOnlyPureFunctions(term)) return false
    for (const part of parts) if (isUncorrelated(part) && (await this.constantValue(part)) === true) return true
    return false
  }

  /** The value of a row-independent expression, or undefined if evaluating it fails. */
  private async constantValue(node: Node): Promise<unknown> {
    const tree = node as unknown as ExprNode
    try {
      const value = await evaluate(tree, {
        ...evaluationOptions(tree, this.view, this.timestamp),
        params: this.userParams,
      })
      return await value.get()
    } catch {
      return undefined
    }
  }

  private param(value: unknown[]): Node {
    const name = `\u0000lake${this.count++}`
    this.params[name] = value
    return {type: 'Parameter', name} as Node
  }

  /** An index term, if this filter term is one. */
  private term(node: Node): Term | undefined {
    if (node.type === 'Group') return this.term(node['base'] as Node)
    if (node.type === 'OpCall' && node['op'] === '==') {
      const left = node['left'] as Node
      const right = node['right'] as Node
      const [field, other] = fieldOf(left) ? [fieldOf(left), right] : [fieldOf(right), left]
      if (!field) return undefined
      const value = this.constant(other)
      if (!value || typeof value.value !== 'string') return undefined
      return {kind: field, keys: [value.value]}
    }
    if (node.type === 'OpCall' && node['op'] === 'in') {
      const field = fieldOf(node['left'] as Node)
      const value = this.constant(node['right'] as Node)
      if (!field || !value || !Array.isArray(value.value)) return undefined
      if (!value.value.every((v) => typeof v === 'string')) return undefined
      return {kind: field, keys: value.value as string[]}
    }
    if (node.type === 'FuncCall' && node['namespace'] === 'global' && node['name'] === 'references') {
      const keys: string[] = []
      for (const arg of node['args'] as Node[]) {
        const value = this.constant(arg)
        if (!value) return undefined
        // As groq-js: strings and the strings in arrays count, anything else is ignored.
        if (typeof value.value === 'string') keys.push(value.value)
        else if (Array.isArray(value.value)) for (const v of value.value) if (typeof v === 'string') keys.push(v)
      }
      return {kind: 'ref', keys}
    }
    return undefined
  }

  /** The value of a literal or a parameter (a missing parameter is null, as in groq-js). */
  private constant(node: Node): {value: unknown} | undefined {
    switch (node.type) {
      case 'Value':
        return {value: node['value']}
      case 'Parameter':
        return {value: this.userParams[node['name'] as string] ?? null}
      case 'Group':
        return this.constant(node['base'] as Node)
      case 'Array': {
        const values: unknown[] = []
        for (const element of node['elements'] as Node[]) {
          if (element['isSplat']) return undefined
          const value = this.constant(element['value'] as Node)
          if (!value) return undefined
          values.push(value.value)
        }
        return {value: values}
      }
      default:
        return undefined
    }
  }

  private estimate(term: Term): number {
    if (term.kind === 'id') return term.keys.length
    const index = this.bucketsOf(term.kind)
    let total = 0
    for (const key of new Set(term.keys)) total += index.size(key)
    return total
  }

  private bucketsOf(kind: 'type' | 'slug' | 'ref') {
    const {indexes} = this.store
    return kind === 'type' ? indexes.byType : kind === 'slug' ? indexes.bySlug : indexes.byRef
  }

  /** The documents of this view for which the term is true, as `*` lists them (or in view order). */
  private candidates(term: Term, inOrder: boolean): unknown[] {
    const entries = new Set<Entry>()
    if (term.kind === 'id') {
      for (const key of new Set(term.keys)) {
        const entry = this.view.entryFor(key)
        if (entry) entries.add(entry)
      }
    } else {
      const buckets = this.bucketsOf(term.kind)
      for (const key of new Set(term.keys)) for (const entry of buckets.get(key)) entries.add(entry)
    }
    return this.view.visible([...entries], inOrder)
  }
}

/** What groq-js needs to evaluate `tree` in this view: `*` only if the tree reads it. */
export function evaluationOptions(tree: ExprNode, view: View, timestamp: Date) {
  return {
    timestamp,
    sanity: view.sanity,
    dataset: readsDataset(tree) ? view.all() : [],
    // Same answer as groq-js's own scan of `*` for the first document with that _id.
    dereference: ({_ref}: {_ref: string}) => view.get(_ref) as Record<string, unknown> | undefined,
  }
}

/** Whether evaluating the tree reads `*` (an Everything node, or `releases::all()`, which scans it). */
function readsDataset(tree: unknown): boolean {
  const seen = new Set<object>()
  const walk = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return false
    seen.add(value)
    if (Array.isArray(value)) return value.some(walk)
    if (!isNode(value)) return false
    if (value.type === 'Everything') return true
    if (value.type === 'FuncCall' && value['namespace'] === 'releases') return true
    return childEntries(value).some(([, child]) => walk(child))
  }
  return walk(tree)
}

/**
 * Whether the order of child `key` carries into what gets ordered: the input of `order()` and
 * `score()`, and below that the base of anything that keeps its base's order (filters,
 * projections, attribute access, dereferences) and both sides of `+`. A slice does not: which
 * members it picks depends on the order it is given.
 */
function isOrderedInput(node: Node, key: string, inOrder: boolean): boolean {
  if (node.type === 'PipeFuncCall') return key === 'base' && (node['name'] === 'order' || node['name'] === 'score' || inOrder)
  if (!inOrder || node.type === 'Slice' || node.type === 'AccessElement') return false
  if (node.type === 'OpCall') return node['op'] === '+' && (key === 'left' || key === 'right')
  return key === 'base'
}

/** Functions whose arguments are evaluated in the caller's scope. */
function isSameScopeFunction(node: Node): boolean {
  const namespace = node['namespace']
  return (
    (namespace === 'global' && ['count', 'defined', 'length', 'coalesce'].includes(node['name'] as string)) ||
    namespace === 'array' ||
    namespace === 'math'
  )
}

/** Whether a term is true for a document as the view shows it. */
function matches(term: Term, doc: unknown): boolean {
  const record = doc as Record<string, unknown>
  switch (term.kind) {
    case 'id':
      return term.keys.includes(record['_id'] as string)
    case 'type':
      return term.keys.includes(record['_type'] as string)
    case 'slug': {
      const slug = slugOf(record)
      return slug !== undefined && term.keys.includes(slug)
    }
    case 'ref': {
      const refs = referencesOf(record)
      return term.keys.some((key) => refs.has(key))
    }
  }
}

/** `_id`, `_type` or `slug.current` read from the document being filtered. */
export function fieldOf(node: Node): Field | undefined {
  const path = attributePath(node)
  if (!path) return undefined
  if (path.length === 1 && path[0] === '_id') return 'id'
  if (path.length === 1 && path[0] === '_type') return 'type'
  if (path.length === 2 && path[0] === 'slug' && path[1] === 'current') return 'slug'
  return undefined
}

/** `a.b.c` on the current document (`@`), as attribute names; undefined for anything else. */
function attributePath(node: Node): string[] | undefined {
  const path: string[] = []
  let current: Node | undefined = node
  while (current && current.type === 'AccessAttribute') {
    path.unshift(current['name'] as string)
    current = current['base'] as Node | undefined
  }
  if (current && current.type !== 'This') return undefined
  return path.length > 0 ? path : undefined
}

function orderKeys(args: Node[]): OrderKey[] | undefined {
  if (args.length === 0) return undefined
  const keys: OrderKey[] = []
  for (const arg of args) {
    const direction = arg.type === 'Desc' ? 'desc' : 'asc'
    const mapper = arg.type === 'Desc' || arg.type === 'Asc' ? (arg['base'] as Node) : arg
    const path = attributePath(mapper)
    if (!path) return undefined
    keys.push({path, direction})
  }
  return keys
}

export function conjuncts(node: Node): Node[] {
  if (node.type === 'And') return [...conjuncts(node['left'] as Node), ...conjuncts(node['right'] as Node)]
  if (node.type === 'Group') {
    const inner = node['base'] as Node
    if (inner.type === 'And') return conjuncts(inner)
  }
  return [node]
}

function disjuncts(node: Node): Node[] {
  if (node.type === 'Or') return [...disjuncts(node['left'] as Node), ...disjuncts(node['right'] as Node)]
  if (node.type === 'Group') return disjuncts(node['base'] as Node)
  return [node]
}

function conjunction(terms: Node[]): Node {
  return terms.reduce((left, right) => ({type: 'And', left, right}) as Node)
}
