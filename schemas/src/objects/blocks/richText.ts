import {BlockContentIcon} from '@sanity/icons/BlockContent'
import {defineArrayMember, defineType} from 'sanity'
import {richTextStyles, textBlockAnnotations, textBlockDecorators, textBlockLists, type Option} from '../../options.ts'

/**
 * A text block with the formatting every text field shares (lists, strong/emphasis, links) and
 * the given paragraph styles; articleBody adds headings and quotes to the same block.
 */
export function textBlock(styles: readonly Option[]) {
  return defineArrayMember({
    type: 'block',
    styles: [...styles],
    lists: [...textBlockLists],
    marks: {
      decorators: [...textBlockDecorators],
      annotations: textBlockAnnotations.map((type) => defineArrayMember({type})),
    },
  })
}

/** Plain formatted text (paragraphs, lists, emphasis, links) for disclaimers and bios. */
export const richText = defineType({
  name: 'richText',
  title: 'Text',
  type: 'array',
  icon: BlockContentIcon,
  of: [textBlock(richTextStyles)],
})
