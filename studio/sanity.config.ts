import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {visionTool} from '@sanity/vision'
import {schemaTypes} from '@spotter/schemas'

// The editors' Studio. The project id and dataset match the local lake's defaults; the lake
// issue's transport decides the apiHost (see studio/README.md once the Studio runs on the lake).
export default defineConfig({
  name: 'default',
  title: 'Spotter',
  projectId: 'spotter',
  dataset: 'production',
  plugins: [structureTool(), visionTool()],
  schema: {types: schemaTypes},
})
