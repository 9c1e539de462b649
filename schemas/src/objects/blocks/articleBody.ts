import {BlockContentIcon} from '@sanity/icons/BlockContent'
import {defineArrayMember, defineType} from 'sanity'
import {articleBlockTypes, articleBodyStyles} from '../../options.ts'
import {textBlock} from './richText.ts'

/** The article body: text plus the structured embeds an exercise article needs. */
export const articleBody = defineType({
  name: 'articleBody',
  title: 'Body',
  type: 'array',
  icon: BlockContentIcon,
  of: [textBlock(articleBodyStyles), ...articleBlockTypes.map((type) => defineArrayMember({type}))],
})
