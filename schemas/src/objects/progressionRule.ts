import {TrendUpwardIcon} from '@sanity/icons/TrendUpward'
import {defineField, defineType} from 'sanity'

/** "When you can do 4 x 15, hold a light dumbbell": a target to reach, then what to change. */
export const progressionRule = defineType({
  name: 'progressionRule',
  title: 'Progression rule',
  type: 'object',
  icon: TrendUpwardIcon,
  description: 'When the trainee reaches this target, make the exercise harder as described.',
  fields: [
    defineField({
      name: 'whenSets',
      title: 'When you can do (sets)',
      type: 'number',
      validation: (rule) => rule.integer().min(1).error('Sets must be a whole number of at least 1.'),
    }),
    defineField({
      name: 'whenReps',
      title: '… of (reps)',
      type: 'number',
      validation: (rule) => rule.integer().min(1).error('Reps must be a whole number of at least 1.'),
    }),
    defineField({
      name: 'then',
      title: 'Then',
      type: 'string',
      description: 'How to progress ("Hold a light dumbbell to your chest").',
      validation: (rule) => rule.required().error('Say how to progress once the target is reached.'),
    }),
  ],
  preview: {
    select: {sets: 'whenSets', reps: 'whenReps', then: 'then'},
    prepare: ({sets, reps, then}: {sets?: number; reps?: number; then?: string}) => ({
      title: then ?? 'Progression',
      subtitle: sets && reps ? `At ${sets} x ${reps}` : undefined,
    }),
  },
})
