import {ClockIcon} from '@sanity/icons/Clock'
import {defineArrayMember, defineField, defineType} from 'sanity'

const seconds = (name: string, title: string) =>
  defineField({
    name,
    title,
    type: 'number',
    fieldset: 'timing',
    validation: (rule) => rule.min(0).error('Seconds cannot be negative.'),
  })

/** Tempo in seconds per phase when the source gives numbers, and the pause cues in words. */
export const tempo = defineType({
  name: 'tempo',
  title: 'Tempo and pauses',
  type: 'object',
  icon: ClockIcon,
  description: 'How fast to move and where to pause. Leave the seconds empty when the source gives none.',
  fieldsets: [{name: 'timing', title: 'Seconds per phase', options: {columns: 4}}],
  fields: [
    seconds('eccentricSeconds', 'Lowering'),
    seconds('bottomPauseSeconds', 'Pause at bottom'),
    seconds('concentricSeconds', 'Lifting'),
    seconds('topPauseSeconds', 'Pause at top'),
    defineField({
      name: 'cues',
      type: 'array',
      description: 'Tempo and pause cues in words ("Pause briefly at the top").',
      of: [defineArrayMember({type: 'string'})],
    }),
  ],
  preview: {
    select: {cues: 'cues'},
    prepare: ({cues}: {cues?: string[]}) => ({title: cues?.[0] ?? 'Tempo'}),
  },
})
