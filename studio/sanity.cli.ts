import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({
  // What `sanity dataset import`, `sanity deploy` and other CLI commands run from studio/ work on:
  // the same variables as the Studio (src/environment.ts); the lake's project by default.
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'spotter',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  // No auto-updating Studio modules from a CDN: the build is self-contained and offline.
  deployment: {autoUpdates: false},
  typegen: {
    path: '../sdk/src/**/*.ts',
    schema: './schema.json',
    generates: './sanity.types.ts',
  },
})
