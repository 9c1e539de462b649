// Names the importer recognises even when the dataset has no document for them yet: the muscle
// groups of the shared vocabulary and common gym equipment. A mention of one with no match in the
// dataset becomes a new draft (the dataset's own documents always win).
import {muscleGroups} from '@spotter/vocabulary'
import type {CatalogDocument} from './catalog.ts'

const EQUIPMENT: [string, string][] = [
  ['Barbell', 'free-weight'],
  ['Kettlebell', 'free-weight'],
  ['EZ bar', 'free-weight'],
  ['Trap bar', 'free-weight'],
  ['Sandbag', 'free-weight'],
  ['Medicine ball', 'ball'],
  ['Stability ball', 'ball'],
  ['Resistance band', 'other'],
  ['Foam roller', 'other'],
  ['Pull-up bar', 'other'],
  ['Suspension trainer', 'other'],
  ['Battle rope', 'other'],
  ['Plyo box', 'other'],
  ['Cable machine', 'machine'],
  ['Smith machine', 'machine'],
  ['Squat rack', 'other'],
  ['Power rack', 'other'],
  ['Incline bench', 'bench'],
  ['Decline bench', 'bench'],
  ['Preacher bench', 'bench'],
]

/** Stand-ins (`_id` "new:<type>:<slug>") for names the dataset lacks; `newFields` says what a new draft of one holds. */
export function knownNames(existing: CatalogDocument[]): CatalogDocument[] {
  const groups = new Set(existing.filter((d) => d._type === 'muscle').map((d) => d.group))
  const muscles = muscleGroups
    .filter((g) => !groups.has(g.value))
    .map((g) => ({_id: `new:muscle:${g.value}`, _type: 'muscle', name: g.title.replace(/\s*\(.*\)$/, ''), group: g.value}))
  const equipment = EQUIPMENT.map(([name, kind]) => ({
    _id: `new:equipment:${name.toLowerCase().replace(/\W+/g, '-')}`,
    _type: 'equipment',
    name,
    kind,
  }))
  return [...muscles, ...equipment]
}

export const isStandIn = (doc: CatalogDocument) => doc._id.startsWith('new:')
export const newFields = (doc: CatalogDocument): Record<string, unknown> => {
  const {_id, _type, ...fields} = doc
  return fields
}
