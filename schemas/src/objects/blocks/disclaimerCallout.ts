import {InfoOutlineIcon} from '@sanity/icons/InfoOutline'
import {defineField, defineType} from 'sanity'
import {calloutTones} from '../../options.ts'

export const disclaimerCallout = defineType({
  name: 'disclaimerCallout',
  title: 'Disclaimer callout',
  type: 'object',
  icon: InfoOutlineIcon,
  description: 'Shows a reusable disclaimer at this point of the article.',
  fields: [
    defineField({
      name: 'disclaimer',
      type: 'reference',
      to: [{type: 'disclaimer'}],
      validation: (rule) => rule.required().error('Choose the disclaimer to show.'),
    }),
    defineField({name: 'tone', type: 'string', options: {list: [...calloutTones], layout: 'radio'}, initialValue: 'caution'}),
  ],
  preview: {
    select: {title: 'disclaimer.title', tone: 'tone'},
    prepare: ({title, tone}: Record<string, string | undefined>) => ({
      title: title ?? 'Disclaimer',
      subtitle: `Disclaimer · ${tone ?? 'caution'}`,
    }),
  },
})
