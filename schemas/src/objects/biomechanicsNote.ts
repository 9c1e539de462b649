import {BulbOutlineIcon} from '@sanity/icons/BulbOutline'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {biomechanicsAspects} from '../options.ts'
import {optionTitle} from '../studio/option-title.ts'

/** One point of how and why the exercise works (anatomy, injury mechanism, training effect). */
export const biomechanicsNote = defineType({
  name: 'biomechanicsNote',
  title: 'Biomechanics point',
  type: 'object',
  icon: BulbOutlineIcon,
  fields: [
    defineField({
      name: 'title',
      type: 'string',
      description: 'The principle in a few words ("Decompression").',
      validation: (rule) => rule.required().error('Give the point a short title.'),
    }),
    defineField({name: 'aspect', type: 'string', options: {list: [...biomechanicsAspects]}}),
    defineField({
      name: 'explanation',
      type: 'text',
      rows: 4,
      validation: (rule) => rule.required().error('Explain the point.'),
    }),
    defineField({
      name: 'structures',
      type: 'array',
      description: 'Joints, tissues or nerves involved ("L5/S1 joint", "Sacroiliac (SI) joint").',
      of: [defineArrayMember({type: 'string'})],
    }),
    defineField({
      name: 'muscles',
      type: 'array',
      of: [defineArrayMember({type: 'reference', to: [{type: 'muscle'}]})],
    }),
  ],
  preview: {
    select: {title: 'title', aspect: 'aspect'},
    prepare: ({title, aspect}: Record<string, string | undefined>) => ({title, subtitle: optionTitle(biomechanicsAspects, aspect)}),
  },
})
