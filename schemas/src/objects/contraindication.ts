import {StopIcon} from '@sanity/icons/Stop'
import {defineField, defineType} from 'sanity'
import {contraindicationActions} from '../options.ts'

/** A condition under which the exercise needs caution. Any contraindication requires a medical disclaimer. */
export const contraindication = defineType({
  name: 'contraindication',
  title: 'Contraindication',
  type: 'object',
  icon: StopIcon,
  description: 'Adding one means the exercise needs a medical disclaimer before it can be published.',
  fields: [
    defineField({
      name: 'condition',
      type: 'string',
      description: 'The condition ("Current lower back injury").',
      validation: (rule) => rule.required().error('Name the condition.'),
    }),
    defineField({name: 'action', type: 'string', options: {list: [...contraindicationActions]}}),
    defineField({name: 'guidance', type: 'text', rows: 2, description: "The advice, in the source's words."}),
  ],
  preview: {select: {title: 'condition', subtitle: 'action'}},
})
