// JSON-LD goes into a <script> element: escape what could end it or be read as markup.
import type {JsonLdNode} from './article.ts'

const ESCAPES: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}
const escapeChar = (char: string) => ESCAPES[char]!
const UNSAFE = /[<>&\u2028\u2029]/

export function serializeJsonLd(data: JsonLdNode | JsonLdNode[]): string {
  const json = JSON.stringify(data)
  // Most documents have none of these; testing first skips building a copy of the string.
  return UNSAFE.test(json) ? json.replace(/[<>&\u2028\u2029]/g, escapeChar) : json
}

/** The complete `<script type="application/ld+json">` element as HTML. */
export function jsonLdScript(data: JsonLdNode | JsonLdNode[]): string {
  return `<script type="application/ld+json">${serializeJsonLd(data)}</script>`
}
