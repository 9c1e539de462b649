import {TimelineIcon} from '@sanity/icons/Timeline'
import {defineField, defineType} from 'sanity'
import {milestoneKinds} from '../options.ts'

/** A dated or measured fact about a person's career ("730 lb deadlift at 57", "writing since 2008"). */
export const milestone = defineType({
  name: 'milestone',
  title: 'Career fact',
  type: 'object',
  icon: TimelineIcon,
  fieldsets: [{name: 'numbers', title: 'Numbers', options: {columns: 2}}],
  fields: [
    defineField({name: 'kind', type: 'string', options: {list: [...milestoneKinds]}}),
    defineField({
      name: 'summary',
      type: 'string',
      validation: (rule) => rule.required().error('Summarise the fact in a sentence.'),
    }),
    defineField({
      name: 'year',
      type: 'number',
      fieldset: 'numbers',
      validation: (rule) => rule.integer().min(1900).max(2100).error('Enter a four-digit year.'),
    }),
    defineField({
      name: 'age',
      type: 'number',
      fieldset: 'numbers',
      description: 'Age at the time.',
      validation: (rule) => rule.integer().min(0).error('Age must be a whole number.'),
    }),
    defineField({
      name: 'durationYears',
      title: 'Duration (years)',
      type: 'number',
      fieldset: 'numbers',
      validation: (rule) => rule.min(0).error('Duration cannot be negative.'),
    }),
    defineField({
      name: 'occurrences',
      type: 'number',
      fieldset: 'numbers',
      description: 'How many times it happened.',
      validation: (rule) => rule.integer().min(1).error('Use a whole number of at least 1.'),
    }),
    defineField({name: 'value', type: 'number', fieldset: 'numbers', description: 'A measured result (730).'}),
    defineField({
      name: 'unit',
      type: 'string',
      fieldset: 'numbers',
      description: 'Unit of the value ("lb").',
      validation: (rule) =>
        rule.custom((unit: string | undefined, context) =>
          typeof (context.parent as {value?: number} | undefined)?.value === 'number' && !unit?.trim()
            ? 'Give the unit of the measured value ("lb", "kg").'
            : true,
        ),
    }),
  ],
  preview: {select: {title: 'summary', subtitle: 'kind'}},
})
