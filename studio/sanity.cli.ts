import {defineCliConfig} from 'sanity/cli'
import {defaultClientConditions, defaultServerConditions} from 'vite'

export default defineCliConfig({
  // What `sanity dataset import`, `sanity deploy` and other CLI commands run from studio/ work on:
  // the same variables as the Studio (src/environment.ts); the lake's project by default.
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'spotter',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  // No auto-updating Studio modules from a CDN: the build is self-contained and offline.
  deployment: {autoUpdates: false},
  // The repository's packages resolve to their sources (export condition "spotter-source"), so
  // the Studio builds, and the CLI loads its config (server side), from schemas/src without a
  // build of @spotter/schemas.
  vite: (config) => ({
    ...config,
    resolve: {...config.resolve, conditions: ['spotter-source', ...(config.resolve?.conditions ?? defaultClientConditions)]},
    ssr: {
      ...config.ssr,
      resolve: {...config.ssr?.resolve, conditions: ['spotter-source', ...(config.ssr?.resolve?.conditions ?? defaultServerConditions)]},
    },
  }),
  typegen: {
    path: '../sdk/src/**/*.ts',
    schema: './schema.json',
    generates: './sanity.types.ts',
  },
})
