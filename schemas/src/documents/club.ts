import {HomeIcon} from '@sanity/icons/Home'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {slugField} from '../rules/slug.ts'

export const club = defineType({
  name: 'club',
  title: 'Club',
  type: 'document',
  icon: HomeIcon,
  description: 'A gym or club. Its equipment inventory decides which exercises its members can do there.',
  groups: [
    {name: 'profile', title: 'Profile', default: true},
    {name: 'equipment', title: 'Equipment'},
  ],
  fields: [
    defineField({name: 'name', type: 'string', group: 'profile', validation: (rule) => rule.required().error("Enter the club's name.")}),
    slugField('name', 'profile'),
    defineField({name: 'location', type: 'location', group: 'profile'}),
    defineField({
      name: 'website',
      type: 'url',
      group: 'profile',
      validation: (rule) => rule.uri({scheme: ['https', 'http']}).error('Enter a full web address (https://...).'),
    }),
    defineField({name: 'logo', type: 'creditedImage', group: 'profile'}),
    defineField({
      name: 'description',
      type: 'text',
      rows: 3,
      group: 'profile',
      description: 'What the club is and how it chooses equipment.',
    }),
    defineField({
      name: 'equipmentInventory',
      title: 'Equipment inventory',
      type: 'array',
      group: 'equipment',
      of: [defineArrayMember({type: 'inventoryItem'})],
      validation: (rule) =>
        rule.custom((items: {equipment?: {_ref?: string}}[] | undefined) => {
          const seen = new Set<string>()
          for (const item of items ?? []) {
            const ref = item.equipment?._ref
            if (!ref) continue
            if (seen.has(ref)) return 'Each piece of equipment appears once: raise the quantity instead of repeating it.'
            seen.add(ref)
          }
          return true
        }),
    }),
  ],
  preview: {select: {title: 'name', subtitle: 'location.locality', media: 'logo'}},
})
