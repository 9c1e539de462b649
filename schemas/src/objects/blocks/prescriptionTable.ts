import {ThListIcon} from '@sanity/icons/ThList'
import {defineArrayMember, defineField, defineType} from 'sanity'

export const prescriptionTable = defineType({
  name: 'prescriptionTable',
  title: 'Prescription table',
  type: 'object',
  icon: ThListIcon,
  description: 'Sets, reps and frequency as a table in the article.',
  fields: [
    defineField({name: 'title', type: 'string', description: 'Heading above the table ("How many reps").'}),
    defineField({name: 'exercise', type: 'reference', description: 'The exercise the rows are for.', to: [{type: 'exercise'}]}),
    defineField({
      name: 'prescriptions',
      title: 'Rows',
      type: 'array',
      of: [defineArrayMember({type: 'prescription'})],
      validation: (rule) => rule.required().min(1).error('Add at least one row to the table.'),
    }),
  ],
  preview: {
    select: {title: 'title', exercise: 'exercise.name'},
    prepare: ({title, exercise}: Record<string, string | undefined>) => ({
      title: title ?? exercise ?? 'Prescription table',
      subtitle: 'Prescription table',
    }),
  },
})
