// A Studio config with the plugin and the desk structure, type-checked like consumer.ts.
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {spotter, spotterStructure, typeNames, type DocumentTypeName} from '@spotter/schemas'

const exercise: DocumentTypeName = typeNames.exercise
export default defineConfig({
  name: 'default',
  projectId: 'consumer',
  dataset: exercise === 'exercise' ? 'production' : 'other',
  plugins: [spotter(), structureTool({structure: spotterStructure})],
})
