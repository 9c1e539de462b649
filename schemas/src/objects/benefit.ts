import {ThumbsUpIcon} from '@sanity/icons/ThumbsUp'
import {defineArrayMember, defineField, defineType} from 'sanity'

export const benefit = defineType({
  name: 'benefit',
  title: 'Benefit',
  type: 'object',
  icon: ThumbsUpIcon,
  fields: [
    defineField({
      name: 'benefit',
      type: 'string',
      description: 'The benefit in a few words ("Decompresses the lower back").',
      validation: (rule) => rule.required().error('State the benefit.'),
    }),
    defineField({name: 'explanation', type: 'text', rows: 3}),
    defineField({
      name: 'muscles',
      type: 'array',
      of: [defineArrayMember({type: 'reference', to: [{type: 'muscle'}]})],
    }),
    defineField({
      name: 'attributedTo',
      title: 'Claimed by',
      type: 'reference',
      description: 'The expert who makes this claim, when it is their opinion rather than established fact.',
      to: [{type: 'person'}],
    }),
    defineField({
      name: 'relatedExercises',
      title: 'Helps with',
      type: 'array',
      description: 'Exercises this benefit carries over to ("squats and deadlifts").',
      of: [defineArrayMember({type: 'reference', to: [{type: 'exercise'}]})],
    }),
  ],
  preview: {select: {title: 'benefit', subtitle: 'explanation'}},
})
