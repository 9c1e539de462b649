import {PinIcon} from '@sanity/icons/Pin'
import {defineField, defineType} from 'sanity'

export const location = defineType({
  name: 'location',
  title: 'Location',
  type: 'object',
  icon: PinIcon,
  options: {columns: 2},
  fields: [
    defineField({name: 'streetAddress', title: 'Street address', type: 'string'}),
    defineField({name: 'locality', title: 'Town or city', type: 'string'}),
    defineField({name: 'region', title: 'State or region', type: 'string'}),
    defineField({name: 'postalCode', title: 'Postal code', type: 'string'}),
    defineField({name: 'country', type: 'string'}),
  ],
  preview: {
    select: {locality: 'locality', region: 'region', country: 'country'},
    prepare: ({locality, region, country}: Record<string, string | undefined>) => ({
      title: [locality, region, country].filter(Boolean).join(', ') || 'Location',
    }),
  },
})
