// What a stored document may be, as the hosted Content Lake's technical limits say
// (sanity.io/docs/content-lake/technical-limits): at most 32 MB of JSON (SI units), at most 20
// levels of attribute nesting and at most 1,000 attributes (the free and growth plans' limit); and `_id` / `_type` never change once a document exists
// (cannotModifyImmutableAttributeError). Every write is checked here before it is logged.
//
// Depth counts attribute names on the path to a value: `a.b.c` is 3 levels. An object inside an
// array sits at its array's level (`body[].children[].text` is 3, as the hosted store indexes
// it), and an array directly inside an array adds a level. An attribute is a unique path and
// datatype: `tags` (array) with strings in it is 2 (`tags`, `tags[]` string), whatever the length. The walk is iterative, so a body nested
// 100,000 levels deep is refused cleanly instead of overflowing the stack.
import {HttpError} from '../errors.ts'
import type {SanityDocument} from '../types.ts'
import type {PendingChange} from './transaction.ts'

export const MAX_DOCUMENT_BYTES = 32_000_000
export const MAX_DOCUMENT_DEPTH = 20
export const MAX_DOCUMENT_ATTRIBUTES = 1_000

/**
 * How many objects/arrays deep any recursive code of the lake may walk a request value. A
 * document within MAX_DOCUMENT_DEPTH nests at most 2 * MAX_DOCUMENT_DEPTH + 1 containers (every
 * level not counted is an object directly in a counted array), so walkers that stop here never
 * change the outcome: whatever lies deeper is refused by checkDocumentLimits anyway.
 */
export const MAX_WALK_NESTING = 64

export interface LimitViolation {
  type: 'documentTooDeepError' | 'documentTooLargeError' | 'documentTooManyAttributesError'
  description: string
  details: Record<string, unknown>
}

/** The first limit `doc` exceeds, or null. Never recurses. */
export function documentLimitViolation(doc: SanityDocument | Record<string, unknown>, id: string): LimitViolation | null {
  const deep = tooDeepPath(doc)
  if (deep !== null) {
    return {
      type: 'documentTooDeepError',
      description: `Document "${id}" exceeds the maximum attribute nesting depth of ${MAX_DOCUMENT_DEPTH} levels at ${deep}`,
      details: {documentId: id, path: deep, limit: MAX_DOCUMENT_DEPTH},
    }
  }
  const attributes = attributeCount(doc, MAX_DOCUMENT_ATTRIBUTES)
  if (attributes > MAX_DOCUMENT_ATTRIBUTES) {
    return {
      type: 'documentTooManyAttributesError',
      description: `Document "${id}" has over ${MAX_DOCUMENT_ATTRIBUTES.toLocaleString('en')} attributes (unique paths and datatypes), the maximum per document`,
      details: {documentId: id, limit: MAX_DOCUMENT_ATTRIBUTES},
    }
  }
  // Safe to serialise now: the depth is bounded.
  const bytes = Buffer.byteLength(JSON.stringify(doc), 'utf8')
  if (bytes > MAX_DOCUMENT_BYTES) {
    return {
      type: 'documentTooLargeError',
      description: `Document "${id}" is ${bytes.toLocaleString('en')} bytes of JSON, over the maximum document size of ${MAX_DOCUMENT_BYTES.toLocaleString('en')} bytes (32 MB)`,
      details: {documentId: id, size: bytes, limit: MAX_DOCUMENT_BYTES},
    }
  }
  return null
}

/** Throws a 400 naming the limit, the document and (for depth) the path. */
export function checkDocumentLimits(doc: SanityDocument | Record<string, unknown>, id: string): void {
  const violation = documentLimitViolation(doc, id)
  if (violation) throw new HttpError(400, violation.type, violation.description, violation.details)
}

/** True when `value` nests more than `limit` objects/arrays deep (iterative). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{value: unknown; depth: number}> = [{value, depth: 0}]
  while (stack.length > 0) {
    const {value: current, depth} = stack.pop()!
    if (typeof current !== 'object' || current === null) continue
    if (depth >= limit) return true
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push({value: child, depth: depth + 1})
    }
  }
  return false
}

function datatype(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float'
  return typeof value
}

/** Unique attribute path + datatype pairs, counting stops once past `limit` (iterative). */
function attributeCount(doc: unknown, limit: number): number {
  const seen = new Set<string>()
  const stack: Array<{value: unknown; path: string}> = [{value: doc, path: ''}]
  const add = (path: string, value: unknown) => {
    seen.add(`${path}\u0000${datatype(value)}`)
    if (typeof value === 'object' && value !== null) stack.push({value, path})
  }
  while (stack.length > 0 && seen.size <= limit) {
    const {value, path} = stack.pop()!
    if (Array.isArray(value)) {
      for (const item of value) add(`${path}[]`, item)
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) add(path === '' ? key : `${path}.${key}`, child)
    }
  }
  return seen.size
}

interface Frame {
  value: unknown
  depth: number
  /** Index into `segments` of this value's own path segment (-1 for the root). */
  segment: number
}

/** The path (e.g. `a.b[0].c`) to the first value deeper than MAX_DOCUMENT_DEPTH, or null. */
function tooDeepPath(doc: unknown): string | null {
  // Parent links instead of path strings: the path is only built for the one value reported.
  const segments: Array<{name: string; parent: number}> = []
  const stack: Frame[] = [{value: doc, depth: 0, segment: -1}]
  while (stack.length > 0) {
    const frame = stack.pop()!
    const {value} = frame
    if (typeof value !== 'object' || value === null) continue
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item = value[i]
        if (typeof item !== 'object' || item === null) continue
        // An object in an array is at the array's level; an array in an array adds one.
        const depth = Array.isArray(item) ? frame.depth + 1 : frame.depth
        segments.push({name: `[${i}]`, parent: frame.segment})
        if (depth > MAX_DOCUMENT_DEPTH) return pathOf(segments, segments.length - 1)
        stack.push({value: item, depth, segment: segments.length - 1})
      }
      continue
    }
    for (const [key, child] of Object.entries(value)) {
      const depth = frame.depth + 1
      if (depth > MAX_DOCUMENT_DEPTH) {
        segments.push({name: key, parent: frame.segment})
        return pathOf(segments, segments.length - 1)
      }
      if (typeof child !== 'object' || child === null) continue
      segments.push({name: key, parent: frame.segment})
      stack.push({value: child, depth, segment: segments.length - 1})
    }
  }
  return null
}

function pathOf(segments: ReadonlyArray<{name: string; parent: number}>, index: number): string {
  const names: string[] = []
  for (let i = index; i >= 0; i = segments[i]!.parent) names.push(segments[i]!.name)
  return names.reverse().reduce((path, name) => (name.startsWith('[') || path === '' ? path + name : `${path}.${name}`), '')
}

/** Hosted's answer to a write that would change `_id` or `_type` of an existing document. */
export function immutableAttributeError(attribute: '_id' | '_type', documentId: string): HttpError {
  return new HttpError(400, 'cannotModifyImmutableAttributeError', `Cannot modify immutable attribute "${attribute}"`, {
    attribute,
    documentId,
  })
}

/**
 * Checks a transaction's resulting documents before anything is logged: each within the limits,
 * and none with another `_type` than the committed document of the same id had (hosted refuses
 * that for createOrReplace, patches and a delete + create in one transaction alike).
 */
export function checkChanges(changes: readonly PendingChange[]): void {
  for (const change of changes) {
    if (!change.document) continue
    if (change.previous && change.previous._type !== change.document._type) throw immutableAttributeError('_type', change.id)
    checkDocumentLimits(change.document, change.id)
  }
}

/**
 * Beyond the documents, what the client sent is logged too (for history and listeners): a value
 * that changed nothing (setIfMissing on a set field, createIfNotExists on an existing id) must not
 * nest deeper than a document could either. The margin covers the request's own envelope
 * (`{mutations: [{patch: {insert: {items: [...]}}}]}`).
 */
export const MAX_REQUEST_NESTING = MAX_WALK_NESTING + 8

export function checkRequestNesting(request: unknown): void {
  if (nestsDeeperThan(request, MAX_REQUEST_NESTING)) {
    throw new HttpError(
      400,
      'requestTooDeepError',
      `The request nests more than ${MAX_REQUEST_NESTING} objects/arrays deep, deeper than any document may (at most ${MAX_DOCUMENT_DEPTH} levels of attributes)`,
      {limit: MAX_REQUEST_NESTING},
    )
  }
}
