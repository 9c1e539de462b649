import {ClipboardIcon} from '@sanity/icons/Clipboard'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {trainingPhases, workoutPlacements} from '../options.ts'
import {formatRange, type RangeValue as RangeLike} from '../rules/range.ts'

/** How to program an exercise for one goal: volume as ranges, frequency, placement, progression. */
export const prescription = defineType({
  name: 'prescription',
  title: 'Prescription',
  type: 'object',
  icon: ClipboardIcon,
  description: 'Sets, reps, frequency and progression for one goal or training phase.',
  fieldsets: [{name: 'volume', title: 'Volume', options: {columns: 2}}],
  fields: [
    defineField({
      name: 'goal',
      type: 'string',
      description: 'What this prescription is for ("Supplementary work", "Strength cycle", "Lower back and core priority").',
      validation: (rule) => rule.required().error('Say what this prescription is for.'),
    }),
    defineField({name: 'trainingPhase', title: 'Training phase', type: 'string', options: {list: [...trainingPhases]}}),
    defineField({
      name: 'audience',
      type: 'text',
      rows: 2,
      description: 'Who should follow it, in the source\'s words ("If training your lower back is a priority...").',
    }),
    defineField({name: 'sets', type: 'range', fieldset: 'volume', description: 'Sets per session.'}),
    defineField({name: 'reps', title: 'Reps', type: 'range', fieldset: 'volume', description: 'Repetitions per set.'}),
    defineField({
      name: 'repsDescription',
      title: 'Reps (in words)',
      type: 'string',
      description: 'Only when the source gives no numbers ("High repetitions"). Prefer the range above.',
    }),
    defineField({
      name: 'load',
      type: 'string',
      description: 'Weight guidance ("Start with light weight", "With or without added weight").',
    }),
    defineField({
      name: 'frequencyPerWeek',
      title: 'Sessions per week',
      type: 'range',
      description: 'How many times a week. "Twice a week" is 2 to 2.',
    }),
    defineField({name: 'placement', type: 'string', description: 'Where it goes in the workout.', options: {list: [...workoutPlacements]}}),
    defineField({
      name: 'placementNote',
      title: 'Placement note',
      type: 'string',
      description: 'Extra guidance on placement ("Reps slightly higher than your primary exercise").',
    }),
    defineField({name: 'duration', type: 'string', description: 'How long to stay on it ("For the first few sessions").'}),
    defineField({
      name: 'progression',
      type: 'text',
      rows: 2,
      description: 'How to progress over time ("Gradually increase sets and reps").',
    }),
    defineField({name: 'progressionRule', title: 'Progression rule', type: 'progressionRule'}),
    defineField({
      name: 'equipment',
      type: 'array',
      description: 'Only when the prescription applies to one setup (e.g. the selectorized machine).',
      of: [defineArrayMember({type: 'reference', to: [{type: 'equipment'}]})],
    }),
    defineField({
      name: 'source',
      type: 'reference',
      description: 'The article this prescription comes from.',
      to: [{type: 'article'}],
    }),
  ],
  preview: {
    select: {goal: 'goal', sets: 'sets', reps: 'reps', repsText: 'repsDescription'},
    prepare: ({goal, sets, reps, repsText}: {goal?: string; sets?: RangeLike; reps?: RangeLike; repsText?: string}) => {
      const s = formatRange(sets)
      const r = formatRange(reps) ?? repsText
      return {title: goal ?? 'Prescription', subtitle: [s && `${s} sets`, r && `${r} reps`].filter(Boolean).join(' x ')}
    },
  },
})
