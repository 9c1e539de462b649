import {DoubleQuoteIcon} from '@sanity/icons/DoubleQuote'
import {defineField, defineType} from 'sanity'

export const pullQuote = defineType({
  name: 'pullQuote',
  title: 'Pull quote',
  type: 'object',
  icon: DoubleQuoteIcon,
  fields: [
    defineField({
      name: 'quote',
      type: 'text',
      rows: 3,
      description: 'Verbatim words from the article or the speaker.',
      validation: (rule) => rule.required().error('Enter the quote.'),
    }),
    defineField({name: 'speaker', type: 'reference', description: 'Who said it, if they have a profile.', to: [{type: 'person'}]}),
    defineField({name: 'attribution', type: 'string', description: 'Attribution as printed, when there is no profile or to add context.'}),
  ],
  preview: {
    select: {title: 'quote', speaker: 'speaker.name', attribution: 'attribution'},
    prepare: ({title, speaker, attribution}: Record<string, string | undefined>) => ({
      title,
      subtitle: speaker ?? attribution ?? 'Pull quote',
    }),
  },
})
