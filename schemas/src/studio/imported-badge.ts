// An "Imported" badge on a document whose draft the importer wrote and no editor has published
// since: the draft still carries its import record.
import type {DocumentBadgeComponent} from 'sanity'
import {importRecordOf} from './guessed-fields.ts'

export const ImportedBadge: DocumentBadgeComponent = ({draft}) => {
  const record = importRecordOf(draft)
  if (!record) return null
  const guessed = record.guessedFields?.length ?? 0
  return {
    label: 'Imported',
    title: `Imported from ${record.source ?? 'an article'}${guessed ? `; ${guessed} guessed field${guessed === 1 ? '' : 's'} to review` : ''}`,
    color: 'warning',
  }
}
