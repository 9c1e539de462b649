import {SearchIcon} from '@sanity/icons/Search'
import {defineField, defineType} from 'sanity'

export const seo = defineType({
  name: 'seo',
  title: 'SEO',
  type: 'object',
  icon: SearchIcon,
  description: 'How the page appears in search results and when shared. Empty fields fall back to the title and excerpt.',
  fields: [
    defineField({
      name: 'title',
      type: 'string',
      description: 'Up to about 60 characters.',
      validation: (rule) => rule.max(60).warning('Search engines cut titles longer than about 60 characters.'),
    }),
    defineField({
      name: 'description',
      type: 'text',
      rows: 2,
      description: 'Up to about 160 characters.',
      validation: (rule) => rule.max(160).warning('Search engines cut descriptions longer than about 160 characters.'),
    }),
    defineField({name: 'image', title: 'Share image', type: 'creditedImage'}),
    defineField({name: 'noIndex', title: 'Hide from search engines', type: 'boolean', initialValue: false}),
  ],
  preview: {select: {title: 'title', subtitle: 'description'}},
})
