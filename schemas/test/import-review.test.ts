// What an imported draft shows the editor: the importer's guessed field paths by the titles the
// form gives them (through the compiled schema), and the "Imported" badge only while the draft
// carries an import record.
import {describe, expect, it} from 'vitest'
import type {DocumentBadgeProps} from 'sanity'
import {guessedFieldTitle} from '../src/index.ts'
import {ImportedBadge} from '../src/studio/imported-badge.ts'
import {schema} from './support.ts'

const titleIn = (type: string, path: string) => guessedFieldTitle(schema.get(type) as never, path)

describe('guessed fields by title', () => {
  it('names top-level fields, fields of array items and fields of body embeds as the form does', () => {
    expect(titleIn('exercise', 'category')).toBe('Category')
    expect(titleIn('exercise', 'steps.phase')).toBe('Steps › Phase')
    expect(titleIn('exercise', 'prescriptions.trainingPhase')).toBe('Prescriptions › Training phase')
    expect(titleIn('article', 'givesHealthAdvice')).toBe('Gives health advice')
    expect(titleIn('article', 'body.alt')).toBe('Body › Alt text')
    expect(titleIn('person', 'credentials.kind')).toBe('Credentials › Kind')
  })

  it('reads a path the schema does not know as words, never failing', () => {
    expect(titleIn('exercise', 'steps.somethingNew')).toBe('Steps › Something new')
    expect(titleIn('muscle', 'notAField.deeper')).toBe('Not a field › Deeper')
  })
})

describe('the Imported badge', () => {
  const badge = (draft: Record<string, unknown> | null, published: Record<string, unknown> | null = null) =>
    ImportedBadge({id: 'x', type: 'exercise', draft, published} as unknown as DocumentBadgeProps)
  const imported = {_id: 'drafts.x', importInfo: {source: 'a.html', importedAt: '2026-03-01T10:00:00Z', guessedFields: ['category']}}

  it('shows on a draft with an import record and counts its guessed fields', () => {
    expect(badge({_id: 'drafts.x', importInfo: {source: 'a.html', guessedFields: ['category', 'steps.phase']}})).toEqual({
      label: 'Imported',
      title: 'Imported from a.html; 2 guessed fields to review',
      color: 'warning',
    })
  })

  it('does not show without a draft or without an import record', () => {
    expect(badge(null)).toBeNull()
    expect(badge({_id: 'drafts.x', name: 'Squat'})).toBeNull()
  })

  it('shows on a draft of a document published before the import, not once a version is published after it', () => {
    expect(badge(imported, {_id: 'x', _updatedAt: '2025-12-01T00:00:00Z'})).toMatchObject({label: 'Imported'})
    expect(badge(imported, {_id: 'x', _updatedAt: '2026-03-01T10:05:00Z'})).toBeNull()
  })
})
