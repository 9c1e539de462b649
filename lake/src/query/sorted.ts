// Documents of one `_type` kept sorted the way groq-js's `order()` sorts them, so an ordered first
// page reads the first few entries instead of sorting everything. Created on first use by a query,
// then maintained by every write (binary search + splice).

import {SortedList} from './sorted-list.ts'
import type {Entry} from './store.ts'

export interface OrderKey {
  /** Attribute names from the document, e.g. ['slug', 'current']. */
  path: string[]
  direction: 'asc' | 'desc'
}

/** `keys`: the one key of a one-key order itself (most orders), else the array of keys. */
interface Item {
  entry: Entry
  keys: unknown
}

export class SortedIndex {
  private readonly list: SortedList<Item>
  readonly type: string
  readonly order: OrderKey[]
  private readonly read: (entry: Entry) => unknown

  /**
   * `tie` orders documents with equal keys: their order in the view (`*`), as groq-js's stable sort keeps it.
   * `read` decodes a document, once as it enters the index: the index keeps its keys.
   */
  constructor(
    type: string,
    order: OrderKey[],
    tie: (a: Entry, b: Entry) => number,
    entries: Iterable<Entry>,
    read: (entry: Entry) => unknown,
  ) {
    this.type = type
    this.order = order
    this.read = read
    const key = order.length === 1 ? (item: Item) => item.keys : (item: Item, i: number) => (item.keys as unknown[])[i]
    this.list = new SortedList<Item>((a, b) => {
      for (let i = 0; i < order.length; i++) {
        let c = totalCompare(key(a, i), key(b, i))
        if (order[i]!.direction === 'desc') c = -c
        if (c !== 0) return c
      }
      return tie(a.entry, b.entry)
    })
    this.list.reset(Array.from(entries, (entry) => this.item(entry)))
  }

  update(removed: ReadonlySet<Entry>, added: readonly Entry[]): void {
    // A removed entry's text is still readable (its segment is released after this change), so
    // its item is found by its own keys.
    const gone = new Set<Item>()
    for (const entry of removed) {
      const item = this.list.find(this.item(entry))
      if (item?.entry === entry) gone.add(item)
    }
    this.list.update(
      gone,
      added.map((entry) => this.item(entry)),
    )
  }

  /** Entries in order: the keys as `order()` compares them, ties in view order. */
  *entries(): Iterable<Entry> {
    for (const item of this.list.items) yield item.entry
  }

  private item(entry: Entry): Item {
    const doc = this.read(entry)
    const keys = this.order.map((key) => valueAt(doc, key.path))
    return {entry, keys: keys.length === 1 ? keys[0] : keys}
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
