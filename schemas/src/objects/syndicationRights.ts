import {ShareIcon} from '@sanity/icons/Share'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {syndicationLicences, type SyndicationLicence} from '../options.ts'

interface Rights {
  licence?: SyndicationLicence
  attributionText?: string
  allowedPartners?: string[]
}

/** What partners may republish this content, under which licence, with which attribution. */
export const syndicationRights = defineType({
  name: 'syndicationRights',
  title: 'Syndication rights',
  type: 'object',
  icon: ShareIcon,
  description: 'Leave empty until the rights are cleared: content without rights is never syndicated.',
  fields: [
    defineField({
      name: 'licence',
      type: 'string',
      options: {list: [...syndicationLicences], layout: 'radio'},
      validation: (rule) => rule.required().error('Choose the licence partners receive this content under.'),
    }),
    defineField({
      name: 'attributionText',
      title: 'Attribution text',
      type: 'string',
      description: 'Printed with every syndicated copy ("Originally published by ...").',
      validation: (rule) =>
        rule.custom((value: string | undefined, context) => {
          const licence = (context.parent as Rights | undefined)?.licence
          if (licence && licence !== 'all-rights-reserved' && !value?.trim()) {
            return 'Syndicated content must carry attribution: write the attribution text.'
          }
          return true
        }),
    }),
    defineField({
      name: 'allowedPartners',
      title: 'Allowed partners',
      type: 'array',
      description: 'Partner ids as registered in the syndication service. Only used with "Partners only".',
      of: [defineArrayMember({type: 'string'})],
      validation: (rule) =>
        rule.unique().custom((value: string[] | undefined, context) => {
          const licence = (context.parent as Rights | undefined)?.licence
          if (licence === 'partners-only' && !value?.length) {
            return 'With "Partners only", list at least one partner allowed to republish.'
          }
          if (licence && licence !== 'partners-only' && value?.length) {
            return 'Allowed partners only apply to the "Partners only" licence: remove them or change the licence.'
          }
          return true
        }),
    }),
  ],
  preview: {select: {title: 'licence', subtitle: 'attributionText'}},
})
