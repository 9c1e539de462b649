// A dataset's committed documents as the main thread holds them: not as objects but as where
// each one's JSON text is in the shared segments the query threads read (query/document-text.ts),
// so the process keeps one copy of every document. A read decodes that one document; iteration
// decodes one at a time. Kept as objects only: documents the query threads cannot take (written
// before the document limits, nested too deep to hand over), which queries leave out.
// Beside them, the reverse reference index the delete check reads (mutations/references.ts).
import {documentLimitViolation, nestsDeeperThan} from '../mutations/limits.ts'
import {ReferenceIndex} from '../mutations/references.ts'
import type {DatasetQueryEngine} from '../query/engine.ts'
import {collectGarbage, type Slot} from '../query/document-text.ts'
import type {DocumentChange, SanityDocument} from '../types.ts'

/** Beyond this nesting the query workers cannot take a document (structured cloning recurses). */
const QUERYABLE_NESTING = 512

export class StoredDocuments {
  readonly references = new ReferenceIndex()
  private readonly engine: DatasetQueryEngine
  private readonly dataset: string
  /** Documents the query threads do not hold (see the note at the top). */
  private readonly unqueried = new Map<string, SanityDocument>()

  constructor(dataset: string, engine: DatasetQueryEngine) {
    this.dataset = dataset
    this.engine = engine
  }

  get size(): number {
    return this.engine.slots.size + this.unqueried.size
  }

  /** A fresh copy of the document (decoded from its text). */
  get(id: string): SanityDocument | undefined {
    const slot = this.engine.slots.get(id)
    if (slot) return decode(this.engine.bytes(slot))
    return this.unqueried.get(id)
  }

  /** Every document, decoded one at a time. */
  *values(): Generator<SanityDocument> {
    for (const slot of this.engine.slots.values()) yield decode(this.engine.bytes(slot))
    yield* this.unqueried.values()
  }

  /** Replaces every document (a start: the restored set). */
  load(documents: Iterable<SanityDocument>): void {
    this.unqueried.clear()
    this.references.clear()
    for (const doc of this.engine.load(this.admit(documents))) this.unqueried.set(doc._id, doc)
    collectAfterStart()
  }

  /** Indexes each document's references and passes on those the query threads can take. */
  private *admit(documents: Iterable<SanityDocument>): Generator<SanityDocument> {
    for (const doc of documents) {
      this.references.add(doc._id, doc)
      if (this.queryable(doc)) yield doc
      else this.unqueried.set(doc._id, doc)
    }
  }

  /** Committed changes, in commit order; `previous` is what each document was before. */
  apply(changes: ReadonlyArray<DocumentChange & {previous: SanityDocument | null}>): void {
    for (const {id, previous, document} of changes) {
      this.unqueried.delete(id)
      this.references.replace(id, previous, document)
    }
    for (const {id, document} of this.engine.apply(changes.map(({id, document}) => ({id, document})))) {
      if (document) this.unqueried.set(id, document)
    }
  }

  /** The documents as they are now, to read later (snapshots, export, reset) while writes go on. */
  capture(): CapturedDocuments {
    return new CapturedDocuments(new Map(this.engine.slots), new Map(this.unqueried), this.engine.view())
  }

  /**
   * A data dir written before the document limits may hold documents over them: they still load
   * (with a warning), and one nested too deep to be copied to the query workers stays readable by
   * id and deletable, but out of queries.
   */
  private queryable(doc: SanityDocument): boolean {
    const violation = documentLimitViolation(doc, doc._id)
    if (violation === null) return true
    if (nestsDeeperThan(doc, QUERYABLE_NESTING)) {
      console.warn(
        `[lake] ${this.dataset}: ${violation.description}; it nests over ${QUERYABLE_NESTING} levels, so queries leave it out (delete or replace it)`,
      )
      return false
    }
    console.warn(`[lake] ${this.dataset}: ${violation.description}; loaded as stored (written before the lake enforced this limit)`)
    return true
  }
}

/** The documents at one point: their text stays readable however the dataset changes after. */
export class CapturedDocuments {
  private readonly slots: ReadonlyMap<string, Slot>
  private readonly unqueried: ReadonlyMap<string, SanityDocument>
  private readonly bytes: (slot: Slot) => Buffer

  constructor(slots: ReadonlyMap<string, Slot>, unqueried: ReadonlyMap<string, SanityDocument>, bytes: (slot: Slot) => Buffer) {
    this.slots = slots
    this.unqueried = unqueried
    this.bytes = bytes
  }

  get size(): number {
    return this.slots.size + this.unqueried.size
  }

  has(id: string): boolean {
    return this.slots.has(id) || this.unqueried.has(id)
  }

  ids(): IterableIterator<string> {
    return concat(this.slots.keys(), this.unqueried.keys())
  }

  /** Every document's JSON text, in the dataset's order. */
  *texts(): Generator<Buffer | string> {
    for (const slot of this.slots.values()) yield this.bytes(slot)
    for (const doc of this.unqueried.values()) yield JSON.stringify(doc)
  }

  /** The document's JSON text, as `JSON.stringify` wrote it. */
  text(id: string): Buffer | string | undefined {
    const slot = this.slots.get(id)
    if (slot) return this.bytes(slot)
    const doc = this.unqueried.get(id)
    return doc && JSON.stringify(doc)
  }

  /** A fresh copy of the document. */
  get(id: string): SanityDocument | undefined {
    const slot = this.slots.get(id)
    if (slot) return decode(this.bytes(slot))
    return this.unqueried.get(id)
  }

  /** Whether `id` is the same document here and in `other` (same JSON text). */
  same(id: string, other: CapturedDocuments): boolean {
    const a = this.slots.get(id)
    const b = other.slots.get(id)
    if (a && b) return a === b || this.bytes(a).equals(other.bytes(b))
    const doc = this.unqueried.get(id)
    return doc !== undefined && doc === other.unqueried.get(id)
  }
}

let collecting: NodeJS.Timeout | null = null

/**
 * A start decodes every document once: a second after the last dataset loaded, one full
 * collection gives back the heap that took (V8 would keep it until the heap fills again).
 */
function collectAfterStart(): void {
  if (collecting) clearTimeout(collecting)
  collecting = setTimeout(() => {
    collecting = null
    collectGarbage()
  }, 1_000)
  collecting.unref()
}

function decode(bytes: Buffer): SanityDocument {
  return JSON.parse(bytes.toString('utf8')) as SanityDocument
}

function* concat<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part
}
