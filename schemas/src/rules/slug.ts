import {defineField, type CustomValidator, type SlugIsUniqueValidator, type SlugSourceFn} from 'sanity'
import {publishedId, VALIDATION_API_VERSION} from './ids.ts'

/**
 * Unique slugs per document type, excluding the document's own draft and release versions.
 * Same semantics as Sanity's default `isUnique` (raw perspective, `sanity::versionOf`), written out
 * so it is ours to test and behaves the same against the hosted API and the local lake.
 */
export const isUniqueSlug: SlugIsUniqueValidator = async (slug, context) => {
  const {document, getClient} = context
  if (!document) throw new Error('Slug uniqueness needs the document in the validation context')
  const client = getClient({apiVersion: VALIDATION_API_VERSION}).withConfig({perspective: 'raw'})
  const taken = await client.fetch<boolean>(
    'defined(*[_type == $type && !sanity::versionOf($published) && slug.current == $slug][0]._id)',
    {type: document._type, published: publishedId(document._id), slug},
    {signal: context.signal, tag: 'validation.slug-is-unique'},
  )
  return !taken
}

/** Required, with a message that says why (slugs build the page address). */
export const requireSlug: CustomValidator<{current?: string} | undefined> = (value) =>
  value?.current?.trim()
    ? true
    : {
        code: 'spotter.slug-required',
        message: 'Add a slug: it becomes the page address. Click "Generate" to make one from the name.',
      }

/** A document's `slug` field: generated from `source`, unique per type, required. */
export function slugField(source: string | SlugSourceFn, group?: string) {
  return defineField({
    name: 'slug',
    type: 'slug',
    ...(group ? {group} : {}),
    options: {source, isUnique: isUniqueSlug},
    validation: (rule) => rule.custom(requireSlug),
  })
}
