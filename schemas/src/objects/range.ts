import {EqualIcon} from '@sanity/icons/Equal'
import {defineField, defineType} from 'sanity'
import {minNotAboveMax} from '../rules/range.ts'

/** An inclusive whole-number range (sets, reps, sessions per week). A fixed value is min = max. */
export const range = defineType({
  name: 'range',
  title: 'Range',
  type: 'object',
  icon: EqualIcon,
  description: 'Lowest and highest value. For a fixed number ("two sets"), enter the same value twice.',
  options: {columns: 2},
  fields: [
    defineField({
      name: 'min',
      title: 'From',
      type: 'number',
      validation: (rule) =>
        rule.required().integer().min(0).error('Enter the lowest value as a whole number (0 or more).'),
    }),
    defineField({
      name: 'max',
      title: 'To',
      type: 'number',
      validation: (rule) =>
        rule.required().integer().min(0).error('Enter the highest value as a whole number (0 or more).').custom(minNotAboveMax),
    }),
  ],
  preview: {
    select: {min: 'min', max: 'max'},
    prepare: ({min, max}: {min?: number; max?: number}) => ({
      title: min === max ? `${min ?? '?'}` : `${min ?? '?'}–${max ?? '?'}`,
    }),
  },
})
