import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({
  api: {projectId: 'spotter', dataset: 'production'},
  // No auto-updating Studio modules from a CDN: the build is self-contained and offline.
  deployment: {autoUpdates: false},
  typegen: {
    path: '../sdk/src/**/*.ts',
    schema: './schema.json',
    generates: './sanity.types.ts',
  },
})
