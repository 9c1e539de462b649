import {CloseCircleIcon} from '@sanity/icons/CloseCircle'
import {defineField, defineType} from 'sanity'

export const commonMistake = defineType({
  name: 'commonMistake',
  title: 'Common mistake',
  type: 'object',
  icon: CloseCircleIcon,
  fields: [
    defineField({
      name: 'mistake',
      type: 'string',
      description: 'What people get wrong ("Swinging the feet").',
      validation: (rule) => rule.required().error('Describe the mistake.'),
    }),
    defineField({name: 'correction', type: 'string', description: 'What to do instead.'}),
  ],
  preview: {select: {title: 'mistake', subtitle: 'correction'}},
})
