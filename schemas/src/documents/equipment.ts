import {WrenchIcon} from '@sanity/icons/Wrench'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {equipmentKinds} from '../options.ts'
import {slugField} from '../rules/slug.ts'
import {importInfoField} from '../objects/importInfo.ts'

export const equipment = defineType({
  name: 'equipment',
  title: 'Equipment',
  type: 'document',
  icon: WrenchIcon,
  description: 'A piece of gym equipment that exercise setups and club inventories refer to.',
  fields: [
    importInfoField,
    defineField({name: 'name', type: 'string', validation: (rule) => rule.required().error('Name the equipment.')}),
    slugField('name'),
    defineField({name: 'aliases', type: 'array', description: 'Other names ("Roman chair").', of: [defineArrayMember({type: 'string'})]}),
    defineField({
      name: 'kind',
      type: 'string',
      options: {list: [...equipmentKinds]},
      validation: (rule) => rule.required().error('Choose the kind of equipment.'),
    }),
    defineField({name: 'description', type: 'text', rows: 3}),
    defineField({
      name: 'features',
      type: 'array',
      description: 'Parts that instructions refer to ("Lifting arm for weight plates", "Adjustable pad height").',
      of: [defineArrayMember({type: 'string'})],
    }),
    defineField({name: 'developedBy', title: 'Developed by', type: 'reference', to: [{type: 'person'}]}),
    defineField({name: 'image', type: 'creditedImage'}),
  ],
  preview: {select: {title: 'name', subtitle: 'kind', media: 'image'}},
})
