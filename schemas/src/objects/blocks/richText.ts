import {BlockContentIcon} from '@sanity/icons/BlockContent'
import {defineArrayMember, defineType} from 'sanity'

/**
 * A text block with the formatting every text field shares (lists, strong/emphasis, links) and
 * the given paragraph styles; articleBody adds headings and quotes to the same block.
 */
export function textBlock(styles: {title: string; value: string}[]) {
  return defineArrayMember({
    type: 'block',
    styles,
    lists: [
      {title: 'Bullets', value: 'bullet'},
      {title: 'Numbers', value: 'number'},
    ],
    marks: {
      decorators: [
        {title: 'Strong', value: 'strong'},
        {title: 'Emphasis', value: 'em'},
      ],
      annotations: [defineArrayMember({type: 'link'})],
    },
  })
}

/** Plain formatted text (paragraphs, lists, emphasis, links) for disclaimers and bios. */
export const richText = defineType({
  name: 'richText',
  title: 'Text',
  type: 'array',
  icon: BlockContentIcon,
  of: [textBlock([{title: 'Normal', value: 'normal'}])],
})
