// Runs one of the SDK's query definitions through next-sanity's `sanityFetch` and validates the
// result with the SDK's zod model. Published reads are cached and tagged; in draft mode drafts are
// read with the server token and a half-finished draft is left out of lists (the SDK's rule).
import {PHASE_PRODUCTION_BUILD} from 'next/constants'
import {draftMode} from 'next/headers'
import {connection} from 'next/server'
import {dropInvalidItems, parseResult, type QueryDefinition} from '@spotter/sdk'
import type * as z from 'zod'
import {CONTENT_TAG, sanityFetch} from './live.ts'

export async function isDraftMode(): Promise<boolean> {
  return (await draftMode()).isEnabled
}

export async function load<Input, Params extends object, Schema extends z.ZodType>(
  definition: QueryDefinition<Input, Params, Schema>,
  input: Input,
): Promise<z.output<Schema>> {
  // A build has no content API to read (the site is configured when it starts): a page that would
  // read content while being built is rendered per request instead, its results still cached.
  // Pages with a parameter (a slug, or app/[page]'s name) are not built ahead (generateStaticParams
  // gives none): they are rendered on their first request and then served from the cache until
  // their content changes.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) await connection()
  const drafts = await isDraftMode()
  const {data} = await sanityFetch({
    query: definition.query,
    params: definition.params(input) as Record<string, unknown>,
    perspective: drafts ? 'drafts' : 'published',
    stega: false,
    tags: [CONTENT_TAG],
  })
  return parseResult(definition, drafts ? dropInvalidItems(definition, data, () => {}) : data)
}
