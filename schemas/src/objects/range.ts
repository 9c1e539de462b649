import {EqualIcon} from '@sanity/icons/Equal'
import {defineField, defineType} from 'sanity'
import {RangeInput} from '../components/RangeInput.ts'
import {formatRange, minNotAboveMax} from '../rules/range.ts'

/** An inclusive whole-number range (sets, reps, sessions per week). A fixed value is min = max. */
export const range = defineType({
  name: 'range',
  title: 'Range',
  type: 'object',
  icon: EqualIcon,
  description: 'A number ("3") or a range as you would write it ("8-12", "8 to 12").',
  // One text box for the whole range; the stored value stays {min, max}.
  components: {input: RangeInput},
  fields: [
    defineField({
      name: 'min',
      title: 'From',
      type: 'number',
      validation: (rule) => rule.required().integer().min(0).error('Enter the lowest value as a whole number (0 or more).'),
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
    prepare: ({min, max}: {min?: number; max?: number}) => ({title: formatRange({min, max}) ?? '?'}),
  },
})
