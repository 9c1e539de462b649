import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({api: {projectId: 'consumer', dataset: 'production'}})
