import {CaseIcon} from '@sanity/icons/Case'
import {defineField, defineType} from 'sanity'
import {organizationKinds} from '../options.ts'
import {slugField} from '../rules/slug.ts'

export const organization = defineType({
  name: 'organization',
  title: 'Organisation',
  type: 'document',
  icon: CaseIcon,
  description: 'A publisher or other organisation that is not a club.',
  fields: [
    defineField({name: 'name', type: 'string', validation: (rule) => rule.required().error("Enter the organisation's name.")}),
    slugField('name'),
    defineField({
      name: 'kind',
      type: 'string',
      options: {list: [...organizationKinds]},
      validation: (rule) => rule.required().error('Choose the kind of organisation.'),
    }),
    defineField({
      name: 'website',
      type: 'url',
      validation: (rule) => rule.uri({scheme: ['https', 'http']}).error('Enter a full web address (https://...).'),
    }),
    defineField({name: 'logo', type: 'creditedImage'}),
  ],
  preview: {select: {title: 'name', subtitle: 'kind', media: 'logo'}},
})
