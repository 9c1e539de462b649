// Structured data as a script element; the JSON is escaped so no content can close the element.
import {createElement as h, type ReactNode} from 'react'
import type {JsonLdNode} from '../jsonld/article.ts'
import {serializeJsonLd} from '../jsonld/serialize.ts'

export function JsonLd({data}: {data: JsonLdNode | JsonLdNode[]}): ReactNode {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: serializeJsonLd escapes <, > and & so nothing can end the element
  return h('script', {type: 'application/ld+json', dangerouslySetInnerHTML: {__html: serializeJsonLd(data)}})
}
