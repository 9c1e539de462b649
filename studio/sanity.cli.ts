import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({
  api: {projectId: 'spotter', dataset: 'production'},
  typegen: {
    path: '../sdk/src/**/*.ts',
    schema: './schema.json',
    generates: './sanity.types.ts',
  },
})
