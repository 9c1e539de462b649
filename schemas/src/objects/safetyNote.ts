import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import {defineArrayMember, defineField, defineType} from 'sanity'

export const safetyNote = defineType({
  name: 'safetyNote',
  title: 'Safety note',
  type: 'object',
  icon: WarningOutlineIcon,
  fields: [
    defineField({
      name: 'note',
      type: 'text',
      rows: 2,
      validation: (rule) => rule.required().error('Write the safety note.'),
    }),
    defineField({
      name: 'equipment',
      title: 'Applies when using',
      type: 'array',
      description: 'Leave empty if it applies to every setup.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'equipment'}]})],
    }),
  ],
  preview: {select: {title: 'note', subtitle: 'equipment.0.name'}},
})
