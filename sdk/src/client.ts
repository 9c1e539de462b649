// The exercise client: one @sanity/client underneath, the same code against hosted Sanity and the
// local lake. Published content by default; draft preview only with a token (drafts are private).
import {createClient, type SanityClient} from '@sanity/client'
import type * as z from 'zod'
import {ExerciseClientConfigError} from './errors.ts'
import {dropInvalidItems, parseResult, type InvalidItemHandler, type QueryDefinition} from './query-definition.ts'

export type ExercisePerspective = 'published' | 'drafts'

export interface ExerciseClientConfig {
  projectId: string
  dataset: string
  /** Defaults to `2025-02-19`. */
  apiVersion?: string
  /** Needed for `perspective: 'drafts'` and private datasets. */
  token?: string
  /** `published` (default) or `drafts` (preview; needs a token). */
  perspective?: ExercisePerspective
  /** Defaults to true for anonymous published reads, false otherwise (drafts are never cached). */
  useCdn?: boolean
  /** e.g. the lake's `http://127.0.0.1:PORT`. */
  apiHost?: string
  /** Defaults to true only for the hosted API (no apiHost); a local lake has no project hostnames. */
  useProjectHostname?: boolean
  /**
   * Outside the published perspective, list queries leave out an item (e.g. a half-finished draft)
   * that fails its model and report it here. Default: a console warning outside production.
   * Under `published` an invalid item still throws: published content has passed validation.
   */
  onInvalidItem?: InvalidItemHandler
}

export interface WrapClientConfig {
  /** A SanityClient the app already has; it is not modified (the SDK derives its own). */
  client: SanityClient
  perspective?: ExercisePerspective
  /**
   * Outside the published perspective, list queries leave out an item (e.g. a half-finished draft)
   * that fails its model and report it here. Default: a console warning outside production.
   * Under `published` an invalid item still throws: published content has passed validation.
   */
  onInvalidItem?: InvalidItemHandler
}

export const DEFAULT_API_VERSION = '2025-02-19'

export interface ExerciseClientBase {
  /** The underlying SanityClient, configured with the chosen perspective. */
  readonly sanity: SanityClient
  readonly perspective: ExercisePerspective
  /** Runs any query definition: fetch, then parse against its schema. */
  run<Input, Params extends object, Schema extends z.ZodType>(
    definition: QueryDefinition<Input, Params, Schema>,
    input: Input,
  ): Promise<z.output<Schema>>
}

export function createBaseClient(config: ExerciseClientConfig | WrapClientConfig): ExerciseClientBase {
  const perspective = config.perspective ?? 'published'
  if (perspective !== 'published' && perspective !== 'drafts') {
    throw new ExerciseClientConfigError(`perspective must be "published" or "drafts", received ${JSON.stringify(perspective)}`)
  }
  const sanity = 'client' in config ? wrap(config.client, perspective) : create(config, perspective)
  if (perspective === 'drafts' && !sanity.config().token) {
    throw new ExerciseClientConfigError('perspective "drafts" needs a token: drafts are not readable anonymously')
  }
  const onInvalidItem = config.onInvalidItem ?? warnInvalidItem
  return {
    sanity,
    perspective,
    async run(definition, input) {
      const params = definition.params(input)
      const raw: unknown = await sanity.fetch<unknown, Record<string, unknown>>(definition.query, params as Record<string, unknown>)
      return parseResult(definition, perspective === 'published' ? raw : dropInvalidItems(definition, raw, onInvalidItem))
    },
  }
}

function create(config: ExerciseClientConfig, perspective: ExercisePerspective): SanityClient {
  if (!config.projectId) throw new ExerciseClientConfigError('projectId is required')
  if (!config.dataset) throw new ExerciseClientConfigError('dataset is required')
  const anonymousPublished = perspective === 'published' && !config.token
  return createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion ?? DEFAULT_API_VERSION,
    token: config.token,
    perspective,
    useCdn: perspective === 'drafts' ? false : (config.useCdn ?? anonymousPublished),
    ...(config.apiHost === undefined ? {} : {apiHost: config.apiHost}),
    useProjectHostname: config.useProjectHostname ?? config.apiHost === undefined,
  })
}

function wrap(client: SanityClient, perspective: ExercisePerspective): SanityClient {
  return client.withConfig({perspective, ...(perspective === 'drafts' ? {useCdn: false} : {})})
}

/** Default onInvalidItem: a development warning; silent when NODE_ENV is production. */
function warnInvalidItem(error: Error): void {
  const env = (globalThis as {process?: {env?: Record<string, string | undefined>}}).process?.env?.NODE_ENV
  if (env !== 'production') console.warn(`[@spotter/sdk] left out of the result: ${error.message}`)
}
