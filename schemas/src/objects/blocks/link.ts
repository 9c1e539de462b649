import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'

/** Link annotation. Only web and mail addresses: nothing else may reach an href. */
export const link = defineType({
  name: 'link',
  title: 'Link',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'href',
      title: 'Address',
      type: 'url',
      validation: (rule) =>
        rule
          .required()
          .uri({scheme: ['https', 'http', 'mailto'], allowRelative: true})
          .error('Enter a web address (https://...), a relative path (/exercises/...) or mailto:.'),
    }),
  ],
  preview: {select: {title: 'href'}},
})
