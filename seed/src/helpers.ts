// Small builders for seed documents in Sanity's export shape. Keys are added at the end by
// `addKeys`, derived from the document id and the item's path, so they are stable across runs.
import {createHash} from 'node:crypto'

export type Doc = {_id: string; _type: string} & Record<string, unknown>

export const ref = (id: string) => ({_type: 'reference', _ref: id})
export const refs = (...ids: string[]) => ids.map(ref)

/** An image object the lake importer resolves: `_sanityAsset` points at a file next to the NDJSON. */
export function image(file: string, fields: {alt: string; credit: string; caption?: string}) {
  return {_type: 'creditedImage', _sanityAsset: `image@file://./images/${file}`, ...fields}
}

type BlockStyle = 'normal' | 'h2' | 'h3' | 'blockquote'

/** One Portable Text text block with a single unmarked span. */
export function block(text: string, style: BlockStyle = 'normal') {
  return {_type: 'block', style, markDefs: [], children: [{_type: 'span', text, marks: []}]}
}

export const h2 = (text: string) => block(text, 'h2')
export const h3 = (text: string) => block(text, 'h3')

export function listItems(kind: 'bullet' | 'number', ...texts: string[]) {
  return texts.map((text) => ({...block(text), listItem: kind, level: 1}))
}

export const range = (min: number, max: number = min) => ({_type: 'range', min, max})

/** Adds a `_key` to every object in every array that lacks one. */
export function addKeys<T>(docId: string, value: T, path = ''): T {
  if (Array.isArray(value)) {
    return value.map((item, index) => {
      const itemPath = `${path}[${index}]`
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const keyed = addKeys(docId, item, itemPath) as Record<string, unknown>
        return {_key: keyed._key ?? createHash('sha1').update(`${docId}${itemPath}`).digest('hex').slice(0, 12), ...keyed}
      }
      return addKeys(docId, item, itemPath)
    }) as T
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, addKeys(docId, v, path ? `${path}.${k}` : k)])) as T
  }
  return value
}
