// An "Imported" badge on a document whose draft the importer wrote and no editor has published
// since.
import type {DocumentBadgeComponent} from 'sanity'
import {awaitingReview} from './guessed-fields.ts'

export const ImportedBadge: DocumentBadgeComponent = ({draft, published}) => {
  const record = awaitingReview(draft, published)
  if (!record) return null
  const guessed = record.guessedFields?.length ?? 0
  return {
    label: 'Imported',
    title: `Imported from ${record.source ?? 'an article'}${guessed ? `; ${guessed} guessed field${guessed === 1 ? '' : 's'} to review` : ''}`,
    color: 'warning',
  }
}
