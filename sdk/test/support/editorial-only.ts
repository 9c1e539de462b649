// Fields an editor fills that are not for readers: the SDK never queries them, so no site,
// feed or partner shows them. Every other field of the types the SDK renders is queried
// (sdk/test/field-coverage.test.ts holds both to the compiled schema). editorialValues() finds
// what the seed holds in them, for tests that prove none of it reaches an output.
import * as fs from 'node:fs'
import {schema} from '../../../schemas/test/support.ts'
import {SEED} from './lake.ts'
import type {CompiledSchema, CompiledType} from './projected-fields.ts'

export const EDITORIAL_ONLY: Readonly<Record<string, string>> = {
  'citation.sourceNote':
    'an editor\'s note on where a claim comes from ("The article does not name the source"), for fact-checking; readers see the claim and any named source',
  'disclaimer.title':
    'the disclaimer\'s internal name, for picking it in the Studio ("Consult your physician (lower back injuries)"); readers see its text',
  'article.importInfo':
    'where the article importer took this draft from and which fields it guessed, for the editor who reviews it; readers never see it',
  'exercise.importInfo':
    'where the article importer took this draft from and which fields it guessed, for the editor who reviews it; readers never see it',
  'person.importInfo':
    'where the article importer took this draft from and which fields it guessed, for the editor who reviews it; readers never see it',
  'disclaimer.importInfo':
    'where the article importer took this draft from and which fields it guessed, for the editor who reviews it; readers never see it',
  'equipment.importInfo':
    'where the article importer took this draft from and which fields it guessed, for the editor who reviews it; readers never see it',
  'muscle.importInfo':
    'where the article importer took this draft from and which fields it guessed, for the editor who reviews it; readers never see it',
  'importInfo.source': 'the file or address an imported draft came from',
  'importInfo.importedAt': 'when the importer wrote the draft',
  'importInfo.format': 'the format the importer detected (html, markdown, text)',
  'importInfo.guessedFields': 'fields the importer inferred, for the editor to check before publishing',
  'creditedImage.media':
    "the Studio's link to the image in Sanity's Media Library, set by the asset picker; readers get the image through `asset`",
}

interface SeedDocument {
  _id: string
  _type: string
  slug?: {current?: string}
  [field: string]: unknown
}
const compiled = schema as unknown as CompiledSchema
const seed: SeedDocument[] = fs
  .readFileSync(SEED, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SeedDocument)
export const slugsOf = (type: string) => seed.filter((d) => d._type === type && d.slug?.current).map((d) => d.slug!.current!)

/** The text of every editorial-only field in the seed, found by walking each document with its schema type. */
export function editorialValues(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const texts = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(texts)
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => (k.startsWith('_') ? [] : texts(v)))
          : []
  const walk = (value: unknown, type: CompiledType | undefined): void => {
    if (!type || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) {
        const itemType = (item as {_type?: string})?._type
        walk(item, type.of?.find((m) => m.name === itemType) ?? (type.of?.length === 1 ? type.of[0] : undefined))
      }
      return
    }
    const named = compiled.get(type.name) ?? type
    for (const field of named.fields ?? []) {
      const fieldValue = (value as Record<string, unknown>)[field.name]
      if (fieldValue === undefined) continue
      const key = `${named.name}.${field.name}`
      if (key in EDITORIAL_ONLY) found.set(key, [...(found.get(key) ?? []), ...texts(fieldValue).filter((t) => t.trim().length >= 8)])
      walk(fieldValue, field.type.jsonType === 'array' ? field.type : (compiled.get(field.type.name) ?? field.type))
    }
  }
  for (const document of seed) walk(document, compiled.get(document._type))
  return found
}
