import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {visionTool} from '@sanity/vision'
import {spotter, spotterStructure} from '@spotter/schemas'
import {environmentSettings, resolveStudioEnvironment, type RuntimeLake} from './src/environment.ts'
import {importArticleTool} from './src/import-article/plugin.ts'
import {clubSitePresentation} from './src/presentation/tool.ts'

declare global {
  interface Window {
    /** Written into index.html by studio/serve.ts when it serves the Studio for a lake. */
    __SPOTTER_LAKE__?: RuntimeLake
  }
}

// The editors' Studio, on the local lake or on hosted Sanity (studio/README.md,
// src/environment.ts). `sanity build` inlines the SANITY_STUDIO_* variables, so each is read
// by its full name.
const environment = resolveStudioEnvironment({
  runtimeLake: typeof window === 'undefined' ? undefined : window.__SPOTTER_LAKE__,
  SANITY_STUDIO_LAKE_URL: process.env.SANITY_STUDIO_LAKE_URL,
  SANITY_STUDIO_PROJECT_ID: process.env.SANITY_STUDIO_PROJECT_ID,
  SANITY_STUDIO_DATASET: process.env.SANITY_STUDIO_DATASET,
  SANITY_STUDIO_PREVIEW_URL: process.env.SANITY_STUDIO_PREVIEW_URL,
})

export default defineConfig({
  name: 'default',
  title: 'Spotter',
  ...environmentSettings(environment),
  // The content model, its validation and templates come from the @spotter/schemas plugin, the
  // desk from its structure, exactly as any other Studio would use them.
  // The Presentation tool when the club site's address is known (studio/README.md).
  plugins: [
    spotter(),
    structureTool({structure: spotterStructure}),
    ...(environment.previewUrl ? [clubSitePresentation(environment.previewUrl)] : []),
    visionTool({defaultApiVersion: '2025-02-19'}),
    importArticleTool(),
  ],
})
