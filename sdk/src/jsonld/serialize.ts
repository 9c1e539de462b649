// JSON-LD goes into a <script> element: escape what could end it or be read as markup.
import type {JsonLdNode} from './article.ts'

export function serializeJsonLd(data: JsonLdNode | JsonLdNode[]): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The complete `<script type="application/ld+json">` element as HTML. */
export function jsonLdScript(data: JsonLdNode | JsonLdNode[]): string {
  return `<script type="application/ld+json">${serializeJsonLd(data)}</script>`
}
