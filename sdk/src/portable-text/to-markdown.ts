// Portable Text to CommonMark. All text is escaped (no raw HTML survives), links only carry URLs
// that pass safeUrl, custom objects go through the caller's per-type serializers.
import {buildMarksTree, type ToolkitNestedPortableTextSpan, type ToolkitTextNode} from '@portabletext/toolkit'
import type {PortableTextBlock, TypedObject} from '@portabletext/types'
import {safeUrl} from '../url.ts'
import {escapeMarkdown, markdownCode, markdownUrl} from './escape.ts'
import {isTextBlock, joinParagraphs} from './to-text.ts'
import type {NormalizedMarkDef, NormalizedNode, NormalizedObject, NormalizedTextBlock} from './normalize.ts'

export interface MarkdownSerializers {
  types: Record<string, (value: NormalizedObject) => string>
  /** Annotations other than `link`; return the wrapped text. */
  annotations?: Record<string, (text: string, value: NormalizedMarkDef) => string>
}

const HEADINGS: Record<string, string> = {h1: '#', h2: '##', h3: '###', h4: '####', h5: '#####', h6: '######'}

export function blocksToMarkdown(nodes: readonly NormalizedNode[], serializers: MarkdownSerializers): string {
  return joinParagraphs(
    nodes,
    (node, marker, level) => {
      const indent = '   '.repeat(level - 1)
      return `${indent}${marker} ${inlineMarkdown(node, serializers).replace(/\n/g, `\n${indent}   `)}`
    },
    (node) => (isTextBlock(node) ? blockMarkdown(node, serializers) : (serializers.types[node._type]?.(node) ?? '')),
  )
}

function blockMarkdown(block: NormalizedTextBlock, serializers: MarkdownSerializers): string {
  const text = inlineMarkdown(block, serializers)
  if (text.trim() === '') return ''
  const heading = HEADINGS[block.style]
  if (heading) return `${heading} ${text.replace(/\\\n/g, ' ')}`
  if (block.style === 'blockquote')
    return text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n')
  return text
}

export function inlineMarkdown(block: NormalizedTextBlock, serializers: MarkdownSerializers): string {
  const tree = buildMarksTree(block as unknown as PortableTextBlock)
  return tree.map((node) => renderInline(node, serializers)).join('')
}

function renderInline(node: ToolkitNestedPortableTextSpan | ToolkitTextNode | TypedObject, serializers: MarkdownSerializers): string {
  if (node._type === '@text') {
    const text = (node as ToolkitTextNode).text
    return text === '\n' ? '\\\n' : escapeMarkdown(text)
  }
  if (node._type === '@span') {
    const span = node as ToolkitNestedPortableTextSpan
    const inner = span.children.map((child) => renderInline(child, serializers)).join('')
    return wrapMark(inner, span, serializers)
  }
  return serializers.types[node._type]?.(node as NormalizedObject) ?? ''
}

function wrapMark(inner: string, span: ToolkitNestedPortableTextSpan, serializers: MarkdownSerializers): string {
  if (inner.trim() === '') return inner
  switch (span.markType) {
    case 'strong':
      return `**${inner}**`
    case 'em':
      return `_${inner}_`
    case 'strike-through':
      return `~~${inner}~~`
    case 'code':
      return markdownCode(plain(span))
    case 'link': {
      const href = safeUrl((span.markDef as {href?: unknown} | undefined)?.href)
      return href ? `[${inner}](${markdownUrl(href)})` : inner
    }
    default: {
      const serializer = serializers.annotations?.[span.markType]
      return serializer && span.markDef ? serializer(inner, span.markDef as NormalizedMarkDef) : inner
    }
  }
}

function plain(span: ToolkitNestedPortableTextSpan): string {
  return span.children
    .map((child) =>
      child._type === '@text'
        ? (child as ToolkitTextNode).text
        : child._type === '@span'
          ? plain(child as ToolkitNestedPortableTextSpan)
          : '',
    )
    .join('')
}
