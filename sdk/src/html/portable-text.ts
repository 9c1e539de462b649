// The SDK's wrapper around @portabletext/to-html: input normalized against the schema vocabulary,
// every href through safeUrl, every text through escapeHtml, unknown types render nothing.
import {toHTML, type PortableTextHtmlComponents} from '@portabletext/to-html'
import {normalizePortableText, type NormalizedObject, type PortableTextVocabulary, type Warn} from '../portable-text/normalize.ts'
import {escapeHtml} from '../portable-text/escape.ts'
import {safeUrl} from '../url.ts'

export type HtmlComponents = Partial<PortableTextHtmlComponents>

export const baseHtmlComponents = {
  marks: {
    link: ({children, value}) => linkHtml((value as {href?: unknown} | undefined)?.href, children),
  },
  unknownType: () => '',
  unknownMark: ({children}) => children,
  escapeHTML: escapeHtml,
} satisfies HtmlComponents

/** An anchor if the URL is safe, else just the (already escaped) inner HTML. */
export function linkHtml(href: unknown, innerHtml: string, className?: string): string {
  const url = safeUrl(href)
  if (!url) return innerHtml
  const external = /^https?:\/\//i.test(url) || url.startsWith('//')
  const cls = className ? ` class="${escapeHtml(className)}"` : ''
  return `<a href="${escapeHtml(url)}"${cls}${external ? ' rel="noopener noreferrer"' : ''}>${innerHtml}</a>`
}

export function portableTextToHtml(
  value: unknown,
  vocabulary: PortableTextVocabulary,
  components: HtmlComponents,
  onWarning?: Warn,
  isValid?: (object: NormalizedObject) => boolean,
): string {
  const blocks = normalizePortableText(value, vocabulary, onWarning, isValid)
  return toHTML(blocks as never, {
    components: {...baseHtmlComponents, ...components, marks: {...baseHtmlComponents.marks, ...components.marks}},
    onMissingComponent: false,
  })
}

/** Optional class attribute. */
export function cls(className: string | undefined): string {
  return className ? ` class="${escapeHtml(className)}"` : ''
}
