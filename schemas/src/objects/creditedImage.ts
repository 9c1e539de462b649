import {ImageIcon} from '@sanity/icons/Image'
import {defineField, defineType} from 'sanity'
import {imageLicences} from '../options.ts'
import {ALT_TEXT_MESSAGE, CREDIT_MESSAGE, requireAsset} from '../rules/image.ts'

/** Every image in Spotter: alt text and a printed credit are mandatory, the licence travels with it. */
export const creditedImage = defineType({
  name: 'creditedImage',
  title: 'Image',
  type: 'image',
  icon: ImageIcon,
  description: 'An image with alt text and credit. Both are required wherever the image appears.',
  options: {hotspot: true},
  fields: [
    defineField({
      name: 'alt',
      title: 'Alt text',
      type: 'string',
      description: 'What the image shows, for screen readers and search engines ("A woman doing back hyperextensions").',
      validation: (rule) => rule.required().error(ALT_TEXT_MESSAGE),
    }),
    defineField({
      name: 'caption',
      type: 'string',
      description: 'Shown under the image. Optional.',
    }),
    defineField({
      name: 'credit',
      type: 'string',
      description: 'The credit line exactly as it must be printed, e.g. "DeanDrobot/iStock/Getty Images".',
      validation: (rule) => rule.required().error(CREDIT_MESSAGE),
    }),
    defineField({
      name: 'licence',
      type: 'string',
      description: 'Under what terms we may use the image. Leave empty if unknown; ask the picture desk.',
      options: {list: [...imageLicences]},
    }),
    defineField({
      name: 'copyrightHolder',
      title: 'Copyright holder',
      type: 'string',
      description: 'Who owns the rights, if different from the credit line.',
    }),
  ],
  validation: (rule) => rule.custom(requireAsset),
  preview: {
    select: {alt: 'alt', caption: 'caption', credit: 'credit', media: 'asset'},
    prepare: ({alt, caption, credit, media}: Record<string, string | undefined>) => ({
      title: caption || alt || 'Image',
      subtitle: credit ? `Credit: ${credit}` : 'Missing credit',
      media: media as never,
    }),
  },
})
