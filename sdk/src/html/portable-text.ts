// The SDK's wrapper around @portabletext/to-html: input normalized against the schema vocabulary,
// every href through safeUrl, every text through escapeHtml, unknown types render nothing.
import {toHTML, type PortableTextHtmlComponents} from '@portabletext/to-html'
import {normalizePortableText, type NormalizedObject, type PortableTextVocabulary, type Warn} from '../portable-text/normalize.ts'
import {escapeHtml} from '../portable-text/escape.ts'
import type {EditProps} from '../studio-edit.ts'
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
export function linkHtml(href: unknown, innerHtml: string, className?: string, edit: EditAttribute = {}): string {
  const url = safeUrl(href)
  if (!url) return innerHtml
  const external = /^https?:\/\//i.test(url) || url.startsWith('//')
  const cls = className ? ` class="${escapeHtml(className)}"` : ''
  return `<a href="${escapeHtml(url)}"${cls}${external ? ' rel="noopener noreferrer"' : ''}${editAttr(edit)}>${innerHtml}</a>`
}

/** What `EditProps` returns: a click-to-edit attribute, or nothing outside draft mode. */
export type EditAttribute = {'data-sanity'?: string}

/** ` data-sanity="…"`, escaped (ids and keys come from content), or nothing. */
export function editAttr(edit: EditAttribute): string {
  const value = edit['data-sanity']
  return value === undefined ? '' : ` data-sanity="${escapeHtml(value)}"`
}

/** The block components keyed for click-to-edit: each text block and list item carries its `_key`'s attribute. */
function editableBlocks(edit: EditProps): HtmlComponents {
  type Keyed = {value?: {_key?: string}; children?: string}
  const keyed =
    (tag: string) =>
    ({value, children}: Keyed) =>
      `<${tag}${value?._key ? editAttr(edit({_key: value._key})) : ''}>${children ?? ''}</${tag}>`
  const styles = ['normal', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']
  return {
    block: Object.fromEntries(styles.map((style) => [style, keyed(style === 'normal' ? 'p' : style)])),
    listItem: keyed('li'),
  }
}

export function portableTextToHtml(
  value: unknown,
  vocabulary: PortableTextVocabulary,
  components: HtmlComponents,
  onWarning?: Warn,
  isValid?: (object: NormalizedObject) => boolean,
  /** Click-to-edit attributes for the text blocks (by `_key`), when editing. */
  editBlock?: EditProps,
): string {
  const blocks = normalizePortableText(value, vocabulary, onWarning, isValid)
  const base = editBlock ? {...baseHtmlComponents, ...editableBlocks(editBlock)} : baseHtmlComponents
  return toHTML(blocks as never, {
    components: {...base, ...components, marks: {...baseHtmlComponents.marks, ...components.marks}},
    onMissingComponent: false,
  })
}

/** Optional class attribute. */
export function cls(className: string | undefined): string {
  return className ? ` class="${escapeHtml(className)}"` : ''
}
