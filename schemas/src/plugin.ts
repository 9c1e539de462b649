// The Spotter content model as a Studio plugin: `plugins: [spotter()]` adds every document and
// object type (with their validation rules) and the initial value templates. The desk structure
// stays the Studio's choice: `structureTool({structure: spotterStructure})` gives Spotter's.
import {definePlugin} from 'sanity'
import {GuessedFieldMarker, ImportReviewInput} from './components/ImportReview.ts'
import {KeepTitleCase} from './components/KeepTitleCase.ts'
import {schemaTypes} from './schema-types.ts'
import {ImportedBadge} from './studio/imported-badge.ts'
import {templates} from './studio/templates.ts'

export const spotter = definePlugin({
  name: '@spotter/schemas',
  schema: {types: schemaTypes, templates},
  // Item titles in dialogs show as the editor wrote them.
  studio: {components: {layout: KeepTitleCase}},
  // An imported draft says so, lists the fields the importer guessed (its `importInfo`) and marks them.
  document: {badges: (previous) => [...previous, ImportedBadge]},
  form: {components: {input: ImportReviewInput, field: GuessedFieldMarker}},
})
