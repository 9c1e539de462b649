import {CogIcon} from '@sanity/icons/Cog'
import {defineArrayMember, defineField, defineType} from 'sanity'

/** One way to perform an exercise and the complete equipment it needs (clubs filter on this). */
export const exerciseSetup = defineType({
  name: 'exerciseSetup',
  title: 'Setup',
  type: 'object',
  icon: CogIcon,
  description: 'An alternative way to do the exercise, naming ALL the equipment it needs.',
  fields: [
    defineField({
      name: 'name',
      type: 'string',
      description: 'Short name ("On a bench", "Selectorized machine").',
      validation: (rule) => rule.required().error('Name this setup.'),
    }),
    defineField({
      name: 'equipment',
      type: 'array',
      description: 'Everything this setup needs; a club with all of it can offer the exercise. Empty means no equipment.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'equipment'}]})],
      validation: (rule) => rule.unique().error('List each piece of equipment once.'),
    }),
    defineField({
      name: 'instructions',
      type: 'text',
      rows: 3,
      description: 'How this setup differs: position, grip, adjustments.',
    }),
    defineField({name: 'image', type: 'creditedImage'}),
  ],
  preview: {
    select: {title: 'name', e0: 'equipment.0.name', e1: 'equipment.1.name', media: 'image'},
    prepare: ({title, e0, e1, media}: Record<string, string | undefined>) => ({
      title,
      subtitle: [e0, e1].filter(Boolean).join(' + ') || 'No equipment',
      media: media as never,
    }),
  },
})
