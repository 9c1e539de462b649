import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'
import {exerciseRelations} from '../options.ts'
import {optionTitle} from '../studio/option-title.ts'

/** A typed edge to another exercise. Progression/regression edges must not form a loop. */
export const exerciseRelation = defineType({
  name: 'exerciseRelation',
  title: 'Related exercise',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'relation',
      type: 'string',
      description: 'How the other exercise relates to this one. "Progression" = it is harder than this one.',
      options: {list: [...exerciseRelations]},
      validation: (rule) => rule.required().error('Choose how the exercises are related.'),
    }),
    defineField({
      name: 'exercise',
      type: 'reference',
      to: [{type: 'exercise'}],
      validation: (rule) => rule.required().error('Choose the related exercise.'),
    }),
    defineField({
      name: 'note',
      type: 'string',
      description: 'Why they are related, e.g. the list the source puts it in ("Additional lower back exercises").',
    }),
  ],
  preview: {
    select: {title: 'exercise.name', relation: 'relation', note: 'note'},
    prepare: ({title, relation, note}: Record<string, string | undefined>) => ({
      title: title ?? 'Exercise',
      subtitle: [optionTitle(exerciseRelations, relation), note].filter(Boolean).join(' · '),
    }),
  },
})
