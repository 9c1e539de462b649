import {DownloadIcon} from '@sanity/icons/Download'
import {defineField, defineType} from 'sanity'

/** Where an imported draft came from and what the importer guessed: for the editor reviewing it. */
export const importInfo = defineType({
  name: 'importInfo',
  title: 'Import',
  type: 'object',
  icon: DownloadIcon,
  description: 'Set by the article importer. Check the guessed fields before publishing.',
  readOnly: true,
  fields: [
    defineField({name: 'source', type: 'string', description: 'The file or address the article was imported from.'}),
    defineField({name: 'importedAt', title: 'Imported at', type: 'datetime'}),
    defineField({name: 'format', type: 'string', description: 'html, markdown or text, as detected from the content.'}),
    defineField({
      name: 'guessedFields',
      title: 'Guessed fields',
      type: 'array',
      of: [{type: 'string'}],
      description: 'Fields the importer inferred rather than read from the text.',
    }),
  ],
})

/** The `importInfo` field of the document types the importer writes: read-only, shown only when set, never queried for readers. */
export const importInfoField = defineField({
  name: 'importInfo',
  title: 'Import',
  type: 'importInfo',
  readOnly: true,
  hidden: ({value}) => value === undefined,
})
