import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import {defineField, defineType} from 'sanity'
import {disclaimerKinds} from '../options.ts'
import {importInfoField} from '../objects/importInfo.ts'

export const disclaimer = defineType({
  name: 'disclaimer',
  title: 'Disclaimer',
  type: 'document',
  icon: WarningOutlineIcon,
  description: 'A reusable disclaimer shown with exercises and articles.',
  fields: [
    importInfoField,
    defineField({
      name: 'title',
      type: 'string',
      description: 'Internal name for picking it in the Studio ("Consult your physician"); readers see only the text.',
      validation: (rule) => rule.required().error('Give the disclaimer a title.'),
    }),
    defineField({
      name: 'kind',
      type: 'string',
      description: '"Medical" disclaimers satisfy the rule for rehabilitation exercises.',
      options: {list: [...disclaimerKinds], layout: 'radio'},
      validation: (rule) => rule.required().error('Choose the kind of disclaimer.'),
    }),
    defineField({
      name: 'body',
      title: 'Text',
      type: 'richText',
      description: 'Exactly as readers see it.',
      validation: (rule) => rule.required().min(1).error('Write the disclaimer text.'),
    }),
  ],
  preview: {select: {title: 'title', subtitle: 'kind'}},
})
