import type {CustomValidator} from 'sanity'
import {refOf, VALIDATION_API_VERSION} from './ids.ts'

export const HEALTH_ADVICE_NO_AUTHOR_MESSAGE =
  'This article gives health advice, so it needs an author with at least one credential. Choose the author.'

/**
 * Runs on `article.author`. An article flagged `givesHealthAdvice` must be written by someone
 * whose profile lists a credential (qualification, certification...): readers and the SDK's
 * JSON-LD (`hasCredential`) rely on it.
 */
export const requireCredentialedAuthor: CustomValidator<unknown> = async (value, context) => {
  const doc = context.document as {givesHealthAdvice?: boolean} | undefined
  if (doc?.givesHealthAdvice !== true) return true
  const authorId = refOf(value)
  if (!authorId) return {code: 'spotter.health-advice-author', message: HEALTH_ADVICE_NO_AUTHOR_MESSAGE}
  const client = context.getClient({apiVersion: VALIDATION_API_VERSION}).withConfig({perspective: 'published'})
  const author = await client.fetch<{label?: string; credentials: number} | null>(
    '*[_id == $id][0]{"label": coalesce(name, descriptor), "credentials": count(credentials)}',
    {id: authorId},
    {signal: context.signal, tag: 'validation.health-advice-author'},
  )
  if (author && author.credentials > 0) return true
  const who = author?.label ? `${author.label} has` : 'The chosen author has'
  return {
    code: 'spotter.health-advice-author',
    message: `This article gives health advice, so its author needs at least one credential. ${who} none: add a credential to their profile or choose another author.`,
  }
}
