import {BlockContentIcon} from '@sanity/icons/BlockContent'
import {defineArrayMember, defineType} from 'sanity'
import {textBlock} from './richText.ts'

/** The article body: text plus the structured embeds an exercise article needs. */
export const articleBody = defineType({
  name: 'articleBody',
  title: 'Body',
  type: 'array',
  icon: BlockContentIcon,
  of: [
    textBlock([
      {title: 'Normal', value: 'normal'},
      {title: 'Heading 2', value: 'h2'},
      {title: 'Heading 3', value: 'h3'},
      {title: 'Quote', value: 'blockquote'},
    ]),
    defineArrayMember({type: 'exerciseEmbed'}),
    defineArrayMember({type: 'prescriptionTable'}),
    defineArrayMember({type: 'disclaimerCallout'}),
    defineArrayMember({type: 'creditedImage'}),
    defineArrayMember({type: 'citation'}),
    defineArrayMember({type: 'pullQuote'}),
  ],
})
