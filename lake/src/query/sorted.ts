// Documents of one `_type` kept sorted the way groq-js's `order()` sorts them, so an ordered first
// page reads the first few entries instead of sorting everything. Created on first use by a query,
// then maintained by every write (binary search + splice).

import type {Entry} from './store.ts'

export interface OrderKey {
  /** Attribute names from the document, e.g. ['slug', 'current']. */
  path: string[]
  direction: 'asc' | 'desc'
}

interface Item {
  entry: Entry
  keys: unknown[]
}

export class SortedIndex {
  private items: Item[] = []
  private byId = new Map<string, Item>()
  readonly type: string
  readonly order: OrderKey[]

  /** Orders documents with equal keys: their order in the view (`*`), as groq-js's stable sort keeps it. */
  private readonly tie: (a: Entry, b: Entry) => number

  constructor(type: string, order: OrderKey[], tie: (a: Entry, b: Entry) => number, entries: Iterable<Entry>) {
    this.type = type
    this.order = order
    this.tie = tie
    for (const entry of entries) {
      const item = {entry, keys: order.map((key) => valueAt(entry.doc, key.path))}
      this.items.push(item)
      this.byId.set(entry.id, item)
    }
    this.items.sort((a, b) => this.compare(a, b))
  }

  insert(entry: Entry): void {
    const item = {entry, keys: this.order.map((key) => valueAt(entry.doc, key.path))}
    this.items.splice(this.search(item), 0, item)
    this.byId.set(entry.id, item)
  }

  remove(entry: Entry): void {
    const item = this.byId.get(entry.id)
    if (!item) return
    this.byId.delete(entry.id)
    const at = this.search(item)
    if (this.items[at] === item) this.items.splice(at, 1)
  }

  /** Entries in order: the keys as `order()` compares them, ties in view order. */
  *entries(): Iterable<Entry> {
    for (const item of this.items) yield item.entry
  }

  /** First index whose item sorts at or after `item`. */
  private search(item: Item): number {
    let low = 0
    let high = this.items.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.compare(this.items[mid]!, item) < 0) low = mid + 1
      else high = mid
    }
    return low
  }

  private compare(a: Item, b: Item): number {
    for (let i = 0; i < this.order.length; i++) {
      let c = totalCompare(a.keys[i], b.keys[i])
      if (this.order[i]!.direction === 'desc') c = -c
      if (c !== 0) return c
    }
    return this.tie(a.entry, b.entry)
  }
}

/** What `a.b.c` evaluates to on a document: an own property of an object at every step. */
export function valueAt(doc: unknown, path: readonly string[]): unknown {
  let value = doc
  for (const name of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, name)) return null
    value = (value as Record<string, unknown>)[name]
  }
  return value ?? null
}

// groq-js's total order for `order()`: by type (number < string < boolean < everything else),
// then by value within numbers, strings and booleans; everything else compares equal.
const TYPE_RANK: Record<string, number> = {number: 2, string: 3, boolean: 4}

export function totalCompare(a: unknown, b: unknown): number {
  const aRank = rankOf(a)
  const bRank = rankOf(b)
  if (aRank !== bRank) return aRank - bRank
  if (typeof a === 'number' || typeof a === 'boolean') return (a as number) - (b as number)
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0
  return 0
}

function rankOf(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'object') return 100
  return TYPE_RANK[typeof value] ?? 100
}
