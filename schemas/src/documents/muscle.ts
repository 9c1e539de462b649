import {TargetIcon} from '@sanity/icons/Target'
import {defineField, defineType} from 'sanity'
import {muscleGroups, muscleRegions} from '../options.ts'
import {slugField} from '../rules/slug.ts'
import {importInfoField} from '../objects/importInfo.ts'

export const muscle = defineType({
  name: 'muscle',
  title: 'Muscle',
  type: 'document',
  icon: TargetIcon,
  description: 'A muscle or muscle group that exercises work.',
  fields: [
    importInfoField,
    defineField({
      name: 'name',
      type: 'string',
      description: 'Anatomical name ("Gluteus maximus").',
      validation: (rule) => rule.required().error("Enter the muscle's name."),
    }),
    defineField({name: 'commonName', title: 'Common name', type: 'string', description: 'What readers call it ("Glutes").'}),
    slugField('name'),
    defineField({
      name: 'region',
      type: 'string',
      options: {list: [...muscleRegions]},
      validation: (rule) => rule.required().error('Choose the body region.'),
    }),
    defineField({
      name: 'group',
      type: 'string',
      description: 'The functional group, used to filter exercises.',
      options: {list: [...muscleGroups]},
    }),
    defineField({name: 'function', type: 'text', rows: 2, description: 'What it does ("Extends the spine").'}),
  ],
  preview: {
    select: {title: 'name', common: 'commonName', region: 'region'},
    prepare: ({title, common, region}: Record<string, string | undefined>) => ({
      title,
      subtitle: [common, region].filter(Boolean).join(' · '),
    }),
  },
})
