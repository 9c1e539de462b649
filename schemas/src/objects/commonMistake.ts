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
  // The correction is what the editor needs to see in the list: "Instead: ..." under the mistake.
  preview: {
    select: {title: 'mistake', correction: 'correction'},
    prepare: ({title, correction}: Record<string, string | undefined>) => ({
      title: title ?? 'Common mistake',
      subtitle: correction ? `Instead: ${correction}` : 'No correction yet',
    }),
  },
})
