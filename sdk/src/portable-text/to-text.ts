// Portable Text to plain text: paragraphs separated by blank lines, list items with their marker
// and indentation, custom objects through the caller's per-type serializers.
import type {NormalizedNode, NormalizedObject, NormalizedSpan, NormalizedTextBlock} from './normalize.ts'

export type TextSerializers = Record<string, (value: NormalizedObject) => string>

export function blocksToText(nodes: readonly NormalizedNode[], types: TextSerializers): string {
  return joinParagraphs(
    nodes,
    (node, marker, level) => `${'  '.repeat(level - 1)}${marker} ${blockText(node, types)}`,
    (node) => (isTextBlock(node) ? blockText(node, types) : (types[node._type]?.(node) ?? '')),
  )
}

/**
 * The paragraph layout shared by the text and Markdown output: paragraphs are separated by a
 * blank line, the lines of one list stay together, and numbered items count per nesting level.
 * `listItem` renders one item given its marker (`-` or `N.`); `block` renders anything else.
 */
export function joinParagraphs(
  nodes: readonly NormalizedNode[],
  listItem: (node: NormalizedTextBlock, marker: string, level: number) => string,
  block: (node: NormalizedNode) => string,
): string {
  const paragraphs: string[][] = []
  let list: string[] | undefined
  const counters: number[] = []
  for (const node of nodes) {
    if (isTextBlock(node) && node.listItem) {
      // One level deeper than the item before at most: a deeper jump has no parent to nest in, and
      // Markdown would read its extra indentation as a code block.
      const level = Math.min(node.level ?? 1, counters.length + 1)
      counters.length = level
      counters[level - 1] = (counters[level - 1] ?? 0) + 1
      const marker = node.listItem === 'number' ? `${counters[level - 1]}.` : '-'
      if (!list) paragraphs.push((list = []))
      list.push(listItem(node, marker, level))
      continue
    }
    list = undefined
    counters.length = 0
    const text = block(node)
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
