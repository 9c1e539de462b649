import {OlistIcon} from '@sanity/icons/Olist'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {stepPhases} from '../options.ts'
import {optionTitle} from '../studio/option-title.ts'

export const step = defineType({
  name: 'step',
  title: 'Step',
  type: 'object',
  icon: OlistIcon,
  description: 'One instruction in the order it is performed, with short coaching cues.',
  fields: [
    defineField({
      name: 'instruction',
      type: 'text',
      rows: 3,
      description: 'What to do, in the second person ("Lie face down on the bench").',
      validation: (rule) => rule.required().error('Write the instruction for this step.'),
    }),
    defineField({
      name: 'phase',
      type: 'string',
      description: 'Which part of the repetition this step belongs to.',
      options: {list: [...stepPhases]},
    }),
    defineField({
      name: 'cues',
      type: 'array',
      description: 'Short reminders shown with the step ("Keep your feet close together").',
      of: [defineArrayMember({type: 'string'})],
    }),
    defineField({
      name: 'image',
      type: 'creditedImage',
      description: 'Optional photo of this position.',
    }),
  ],
  preview: {
    select: {title: 'instruction', phase: 'phase', media: 'image'},
    prepare: ({title, phase, media}: Record<string, string | undefined>) => ({
      title,
      subtitle: optionTitle(stepPhases, phase),
      media: media as never,
    }),
  },
})
