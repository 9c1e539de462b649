import {PackageIcon} from '@sanity/icons/Package'
import {defineField, defineType} from 'sanity'
import {acquisitionKinds} from '../options.ts'
import {optionTitle} from '../studio/option-title.ts'

/** A piece of equipment a club has: what members can use there. */
export const inventoryItem = defineType({
  name: 'inventoryItem',
  title: 'Equipment item',
  type: 'object',
  icon: PackageIcon,
  fields: [
    defineField({
      name: 'equipment',
      type: 'reference',
      to: [{type: 'equipment'}],
      validation: (rule) => rule.required().error('Choose the equipment.'),
    }),
    defineField({
      name: 'quantity',
      type: 'number',
      description: 'Leave empty if unknown.',
      validation: (rule) => rule.integer().min(1).error('Quantity must be a whole number of at least 1.'),
    }),
    defineField({name: 'acquisition', title: 'How the club got it', type: 'string', options: {list: [...acquisitionKinds]}}),
    defineField({name: 'acquiredOn', title: 'Acquired on', type: 'date'}),
    defineField({name: 'reason', type: 'text', rows: 2, description: 'Why the club added it.'}),
  ],
  preview: {
    select: {title: 'equipment.name', quantity: 'quantity', acquisition: 'acquisition'},
    prepare: ({title, quantity, acquisition}: Record<string, string | number | undefined>) => ({
      title: String(title ?? 'Equipment'),
      subtitle: [quantity && `x${quantity}`, optionTitle(acquisitionKinds, acquisition as string | undefined)].filter(Boolean).join(' · '),
    }),
  },
})
