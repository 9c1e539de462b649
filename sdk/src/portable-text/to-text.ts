// Portable Text to plain text: paragraphs separated by blank lines, list items with their marker
// and indentation, custom objects through the caller's per-type serializers.
import type {NormalizedNode, NormalizedObject, NormalizedSpan, NormalizedTextBlock} from './normalize.ts'

export type TextSerializers = Record<string, (value: NormalizedObject) => string>

export function blocksToText(nodes: readonly NormalizedNode[], types: TextSerializers): string {
  // Paragraphs are separated by a blank line; the lines of one list stay together.
  const paragraphs: string[][] = []
  let list: string[] | undefined
  const counters: number[] = []
  for (const node of nodes) {
    if (isTextBlock(node) && node.listItem) {
      const level = node.level ?? 1
      counters.length = level
      counters[level - 1] = (counters[level - 1] ?? 0) + 1
      const marker = node.listItem === 'number' ? `${counters[level - 1]}.` : '-'
      if (!list) paragraphs.push((list = []))
      list.push(`${'  '.repeat(level - 1)}${marker} ${blockText(node, types)}`)
      continue
    }
    list = undefined
    counters.length = 0
    const text = isTextBlock(node) ? blockText(node, types) : (types[node._type]?.(node) ?? '')
    if (text.trim() !== '') paragraphs.push([text])
  }
  return paragraphs.map((lines) => lines.join('\n')).join('\n\n')
}

export function blockText(block: NormalizedTextBlock, types: TextSerializers): string {
  let text = ''
  for (const child of block.children) {
    if (child._type === 'span') text += (child as NormalizedSpan).text
    else {
      const inline = types[child._type]?.(child as NormalizedObject) ?? ''
      if (inline) text += text && !/\s$/.test(text) ? ` ${inline}` : inline
    }
  }
  return text
}

export function isTextBlock(node: NormalizedNode): node is NormalizedTextBlock {
  return node._type === 'block'
}
