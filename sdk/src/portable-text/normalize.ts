// Every renderer (React, HTML, text, Markdown) first passes Portable Text through here. Content
// arrives from a network and may be malformed or hostile; renderers downstream then only ever see
// well-formed blocks built from the schema's vocabulary. Anything outside the vocabulary is dropped
// (with a warning in development), so a lookup like `components.types[_type]` can never hit an
// inherited property such as `constructor`, and nothing nests deeper than the list levels allowed.

/** What the schema allows in a Portable Text field. */
export interface PortableTextVocabulary {
  /** Custom block and inline object types (`_type` other than `block` and `span`). */
  types: readonly string[]
  styles: readonly string[]
  lists: readonly string[]
  decorators: readonly string[]
  /** Annotation (markDef) types, e.g. `link`. */
  annotations: readonly string[]
}

export interface NormalizedSpan {
  _type: 'span'
  _key?: string
  text: string
  marks: string[]
}

export interface NormalizedMarkDef {
  _type: string
  _key: string
  [field: string]: unknown
}

export interface NormalizedTextBlock {
  _type: 'block'
  _key?: string
  style: string
  listItem?: string
  level?: number
  markDefs: NormalizedMarkDef[]
  children: Array<NormalizedSpan | NormalizedObject>
}

export interface NormalizedObject {
  _type: string
  _key?: string
  [field: string]: unknown
}

export type NormalizedNode = NormalizedTextBlock | NormalizedObject

const MAX_LIST_LEVEL = 6
const MAX_MARKS_PER_SPAN = 16

export type Warn = (message: string) => void

/** Development-only console warning; silent when NODE_ENV is production. */
export const devWarn: Warn = (message) => {
  const env = (globalThis as {process?: {env?: Record<string, string | undefined>}}).process?.env?.NODE_ENV
  if (env !== 'production') console.warn(`[@spotter/sdk] ${message}`)
}

/**
 * @param isValid checks the shape of a custom object of an allowed type; invalid ones are
 *   skipped, so a renderer only ever receives the shape its type promises.
 */
export function normalizePortableText(
  value: unknown,
  vocabulary: PortableTextVocabulary,
  warn: Warn = devWarn,
  isValid: (object: NormalizedObject) => boolean = () => true,
): NormalizedNode[] {
  const items = Array.isArray(value) ? value : isRecord(value) ? [value] : []
  const allowed = allowedSets(vocabulary)
  const out: NormalizedNode[] = []
  const warned = new Set<string>()
  const warnOnce = (message: string) => {
    if (warned.has(message)) return
    warned.add(message)
    warn(message)
  }
  for (const item of items) {
    if (!isRecord(item) || typeof item._type !== 'string') continue
    if (item._type === 'block')
      out.push(isNormalBlock(item, allowed) ? (item as unknown as NormalizedTextBlock) : normalizeBlock(item, allowed, warnOnce))
    else if (!allowed.types.has(item._type)) warnOnce(`unknown block type ${JSON.stringify(item._type)} skipped`)
    else if (isValid(item as NormalizedObject)) out.push(withKey(item))
    else warnOnce(`${item._type} block with an invalid shape skipped`)
  }
  return out
}

interface Allowed {
  types: Set<string>
  styles: Set<string>
  lists: Set<string>
  decorators: Set<string>
  annotations: Set<string>
}

// The vocabularies are module constants, so their sets are built once each.
const allowedCache = new WeakMap<PortableTextVocabulary, Allowed>()
function allowedSets(vocabulary: PortableTextVocabulary): Allowed {
  let allowed = allowedCache.get(vocabulary)
  if (!allowed) {
    allowed = {
      types: new Set(vocabulary.types),
      styles: new Set(vocabulary.styles),
      lists: new Set(vocabulary.lists),
      decorators: new Set(vocabulary.decorators),
      annotations: new Set(vocabulary.annotations),
    }
    allowedCache.set(vocabulary, allowed)
  }
  return allowed
}

/**
 * True if normalizeBlock would return an equal block: every field already of its normalized
 * form. Such a block (the usual case: query results) is passed on as it is instead of copied.
 */
function isNormalBlock(block: Record<string, unknown>, allowed: Allowed): boolean {
  const {_key, style, listItem, level, markDefs, children} = block
  if ((_key !== undefined && typeof _key !== 'string') || typeof style !== 'string' || !allowed.styles.has(style)) return false
  if (listItem === undefined ? level !== undefined : typeof listItem !== 'string' || !allowed.lists.has(listItem) || !isListLevel(level))
    return false
  if (!Array.isArray(markDefs) || !Array.isArray(children)) return false
  for (const def of markDefs) {
    if (!isRecord(def) || typeof def._key !== 'string' || typeof def._type !== 'string' || !allowed.annotations.has(def._type)) return false
  }
  for (const child of children) {
    if (!isRecord(child) || (child._key !== undefined && typeof child._key !== 'string')) return false
    if (child._type !== 'span') {
      if (typeof child._type !== 'string' || !allowed.types.has(child._type)) return false
      continue
    }
    const marks = child.marks
    if (typeof child.text !== 'string' || !Array.isArray(marks) || marks.length > MAX_MARKS_PER_SPAN) return false
    for (let i = 0; i < marks.length; i++) {
      const mark: unknown = marks[i]
      if (typeof mark !== 'string' || marks.indexOf(mark) !== i) return false
      if (!allowed.decorators.has(mark) && !markDefs.some((def) => (def as NormalizedMarkDef)._key === mark)) return false
    }
  }
  return true
}

function isListLevel(level: unknown): boolean {
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= MAX_LIST_LEVEL
}

function normalizeBlock(block: Record<string, unknown>, allowed: Allowed, warn: Warn): NormalizedTextBlock {
  const markDefs: NormalizedMarkDef[] = []
  if (Array.isArray(block.markDefs)) {
    for (const def of block.markDefs) {
      if (!isRecord(def) || typeof def._key !== 'string' || typeof def._type !== 'string') continue
      if (!allowed.annotations.has(def._type)) {
        warn(`unknown annotation type ${JSON.stringify(def._type)} skipped`)
        continue
      }
      markDefs.push(def as NormalizedMarkDef)
    }
  }
  const defKeys = new Set(markDefs.map((def) => def._key))
  const children: Array<NormalizedSpan | NormalizedObject> = []
  if (Array.isArray(block.children)) {
    for (const child of block.children) {
      if (!isRecord(child) || typeof child._type !== 'string') continue
      if (child._type === 'span') children.push(normalizeSpan(child, allowed, defKeys, warn))
      else if (allowed.types.has(child._type)) children.push(withKey(child))
      else warn(`unknown inline type ${JSON.stringify(child._type)} skipped`)
    }
  }
  const style = typeof block.style === 'string' && allowed.styles.has(block.style) ? block.style : 'normal'
  const normalized: NormalizedTextBlock = {_type: 'block', style, markDefs, children}
  if (typeof block._key === 'string') normalized._key = block._key
  if (typeof block.listItem === 'string') {
    normalized.listItem = allowed.lists.has(block.listItem) ? block.listItem : (allowed.lists.values().next().value ?? 'bullet')
    const level = typeof block.level === 'number' && Number.isFinite(block.level) ? Math.trunc(block.level) : 1
    normalized.level = Math.min(Math.max(level, 1), MAX_LIST_LEVEL)
  }
  return normalized
}

function normalizeSpan(span: Record<string, unknown>, allowed: Allowed, defKeys: Set<string>, warn: Warn): NormalizedSpan {
  const text = typeof span.text === 'string' ? span.text : typeof span.text === 'number' ? String(span.text) : ''
  const marks: string[] = []
  if (Array.isArray(span.marks)) {
    for (const mark of span.marks) {
      if (typeof mark !== 'string' || marks.includes(mark)) continue
      if (allowed.decorators.has(mark) || defKeys.has(mark)) marks.push(mark)
      else warn(`unknown mark ${JSON.stringify(mark)} skipped`)
      if (marks.length === MAX_MARKS_PER_SPAN) break
    }
  }
  const normalized: NormalizedSpan = {_type: 'span', text, marks}
  if (typeof span._key === 'string') normalized._key = span._key
  return normalized
}

function withKey(item: Record<string, unknown>): NormalizedObject {
  if (item._key === undefined || typeof item._key === 'string') return item as NormalizedObject
  const {_key: _ignored, ...rest} = item
  return rest as NormalizedObject
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
