import {ActivityIcon} from '@sanity/icons/Activity'
import {defineField, defineType} from 'sanity'
import {exerciseEmbedDisplays} from '../../options.ts'

export const exerciseEmbed = defineType({
  name: 'exerciseEmbed',
  title: 'Exercise',
  type: 'object',
  icon: ActivityIcon,
  description: 'Shows an exercise from the library inside the article.',
  fields: [
    defineField({
      name: 'exercise',
      type: 'reference',
      to: [{type: 'exercise'}],
      validation: (rule) => rule.required().error('Choose the exercise to show.'),
    }),
    defineField({
      name: 'display',
      type: 'string',
      options: {list: [...exerciseEmbedDisplays], layout: 'radio'},
      initialValue: 'card',
    }),
    defineField({name: 'note', type: 'string', description: 'Optional line shown with the exercise.'}),
  ],
  preview: {
    select: {title: 'exercise.name', display: 'display'},
    prepare: ({title, display}: Record<string, string | undefined>) => ({
      title: title ?? 'Exercise',
      subtitle: `Exercise · ${display ?? 'card'}`,
    }),
  },
})
