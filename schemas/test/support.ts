// Shared test support: the compiled schema, the seed file, and Sanity's own document validation
// run with a real @sanity/client against a real lake process.
import {readFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {SanityClient} from '@sanity/client'
import {validateDocument, type DocumentValidationMarker} from '@sanity/validation'
import {createSchema, type SanityDocument} from 'sanity'
import {schemaTypes} from '../src/index.ts'

export const schema = createSchema({name: 'spotter', types: schemaTypes})
export const SEED_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../seed/spotter.ndjson')
export const seedIds: string[] = readFileSync(SEED_FILE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as {_id: string})._id)

export async function validate(client: SanityClient, document: Record<string, unknown>) {
  return validateDocument({document: document as SanityDocument, schema, client})
}

/** Markers whose path equals `path` (keyed segments compared by `_key`). */
export function markersAt(markers: DocumentValidationMarker[], path: unknown[]): DocumentValidationMarker[] {
  return markers.filter((m) => JSON.stringify(m.path) === JSON.stringify(path))
}

export function levelsOf(markers: DocumentValidationMarker[]): string[] {
  return markers.map((m) => m.level)
}

export function describeMarkers(markers: DocumentValidationMarker[]): string[] {
  return markers.map((m) => `${m.level} ${JSON.stringify(m.path)}: ${m.message}`)
}
