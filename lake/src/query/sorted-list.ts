// A sorted array kept sorted under removals and insertions (binary search + splice), or rebuilt by
// a merge when a batch is large, as an import is.

/** Entries kept sorted by a comparator under inserts and removals. */
export class SortedList<T> {
  items: T[] = []
  private readonly compare: (a: T, b: T) => number
  constructor(compare: (a: T, b: T) => number) {
    this.compare = compare
  }
  reset(items: Iterable<T>): void {
    this.items = [...items].sort(this.compare)
  }
  /** Removes and adds items: one by one for a few, by a merge for many (an import). */
  update(removed: ReadonlySet<T>, added: readonly T[]): void {
    if (removed.size + added.length <= 64) {
      for (const item of removed) this.remove(item)
      for (const item of added) this.insert(item)
      return
    }
    const kept = removed.size > 0 ? this.items.filter((item) => !removed.has(item)) : this.items
    const fresh = [...added].sort(this.compare)
    const merged: T[] = new Array(kept.length + fresh.length)
    let i = 0
    let j = 0
    let k = 0
    while (i < kept.length && j < fresh.length) merged[k++] = this.compare(kept[i]!, fresh[j]!) <= 0 ? kept[i++]! : fresh[j++]!
    while (i < kept.length) merged[k++] = kept[i++]!
    while (j < fresh.length) merged[k++] = fresh[j++]!
    this.items = merged
  }
  insert(item: T): void {
    this.items.splice(this.search(item), 0, item)
  }
  remove(item: T): void {
    const at = this.search(item)
    if (this.items[at] === item) this.items.splice(at, 1)
  }
  /** The item that compares equal to `probe`, if there is one. */
  find(probe: T): T | undefined {
    const found = this.items[this.search(probe)]
    return found !== undefined && this.compare(found, probe) === 0 ? found : undefined
  }
  private search(item: T): number {
    let low = 0
    let high = this.items.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.compare(this.items[mid]!, item) < 0) low = mid + 1
      else high = mid
    }
    return low
  }
}
