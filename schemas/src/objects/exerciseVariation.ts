import {SplitVerticalIcon} from '@sanity/icons/SplitVertical'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {variationChanges} from '../options.ts'

/** A typed edge from an exercise to a variant of it: what kind of change, and exactly what changes. */
export const exerciseVariation = defineType({
  name: 'exerciseVariation',
  title: 'Variation',
  type: 'object',
  icon: SplitVerticalIcon,
  description: 'A variant of this exercise and what it changes (load, stability, emphasis...).',
  fields: [
    defineField({
      name: 'name',
      type: 'string',
      validation: (rule) => rule.required().error('Name the variation ("Weighted reverse hyper").'),
    }),
    defineField({
      name: 'change',
      title: 'What kind of change',
      type: 'string',
      options: {list: [...variationChanges], layout: 'radio'},
      validation: (rule) => rule.required().error('Choose what kind of change this variation makes.'),
    }),
    defineField({
      name: 'description',
      title: 'What changes',
      type: 'text',
      rows: 3,
      description: 'Exactly what to do differently ("Add weight plates to the lifting arm").',
      validation: (rule) => rule.required().error('Describe what changes in this variation.'),
    }),
    defineField({
      name: 'equipment',
      type: 'array',
      description: 'Equipment this variation needs on top of, or instead of, the setup.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'equipment'}]})],
    }),
    defineField({
      name: 'emphasis',
      type: 'array',
      description: 'Muscles the variation shifts the focus to, if any.',
      of: [defineArrayMember({type: 'reference', to: [{type: 'muscle'}]})],
    }),
    defineField({
      name: 'variantExercise',
      title: 'Variant exercise',
      type: 'reference',
      description: 'Only if the variant has its own exercise document.',
      to: [{type: 'exercise'}],
    }),
    defineField({
      name: 'cautions',
      type: 'array',
      description: 'Safety points specific to this variation.',
      of: [defineArrayMember({type: 'string'})],
    }),
  ],
  preview: {select: {title: 'name', subtitle: 'change'}},
})
