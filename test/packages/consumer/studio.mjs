// A Studio config that only adds the plugin, resolved by Sanity itself (prepareConfig: plugins
// merged, schema compiled, no network), plus the plugin's templates as a Studio resolves them.
// Prints a JSON report.
import {defaultTemplatesForSchema, defineConfig, prepareConfig} from 'sanity'
import {spotter, spotterStructure} from '@spotter/schemas'

const config = defineConfig({
  name: 'consumer',
  projectId: 'consumer',
  dataset: 'production',
  apiHost: 'http://127.0.0.1:9',
  plugins: [spotter()],
})
const [workspace] = prepareConfig(config).workspaces
const schema = workspace.schema
const errors = (schema._validation ?? []).flatMap((group) =>
  group.problems.filter((p) => p.severity === 'error').map((p) => `${group.path.map((s) => s.name).join('.')}: ${p.message}`),
)
const plugin = spotter()
const templates = plugin.schema.templates(defaultTemplatesForSchema(schema), {
  schema,
  currentUser: null,
  projectId: 'consumer',
  dataset: 'production',
  getClient: () => undefined,
})
const exercise = templates.find((t) => t.id === 'exercise')
const slugField = schema.get('exercise').fields.find((f) => f.name === 'slug')
console.log(
  JSON.stringify({
    types: schema
      .getTypeNames()
      .filter(
        (name) =>
          !name.startsWith('sanity.') &&
          ![
            'string',
            'number',
            'boolean',
            'object',
            'array',
            'block',
            'span',
            'image',
            'file',
            'reference',
            'crossDatasetReference',
            'globalDocumentReference',
            'date',
            'datetime',
            'document',
            'email',
            'geopoint',
            'slug',
            'text',
            'url',
          ].includes(name),
      )
      .sort(),
    errors,
    templates: templates.map((t) => t.id),
    newExercise: Object.keys(await exercise.value({})),
    slugHasValidation: Boolean(slugField?.type?.validation?.length),
    structure: typeof spotterStructure,
  }),
)
process.exit(0)
