import type {CustomValidator} from 'sanity'
import {MEDICAL, REHABILITATION} from '../options.ts'
import {refsOf, VALIDATION_API_VERSION} from './ids.ts'

interface ExerciseLike {
  category?: string
  secondaryCategories?: string[]
  contraindications?: unknown[]
}

export const MEDICAL_DISCLAIMER_MESSAGE =
  'This exercise is used in rehabilitation or lists contraindications, so it needs a medical disclaimer before it can be published. Add a disclaimer whose kind is "Medical".'

/** Why an exercise needs a medical disclaimer, or null when it does not. */
export function medicalDisclaimerReason(doc: ExerciseLike | undefined): string | null {
  if (!doc) return null
  if (doc.category === REHABILITATION || doc.secondaryCategories?.includes(REHABILITATION)) {
    return 'rehabilitation'
  }
  if (Array.isArray(doc.contraindications) && doc.contraindications.length > 0) return 'contraindications'
  return null
}

/**
 * Runs on `exercise.disclaimers`. Disclaimers are references, so their kind is looked up in the
 * published dataset: what a reader will see once this exercise is published.
 */
export const requireMedicalDisclaimer: CustomValidator<unknown> = async (value, context) => {
  const reason = medicalDisclaimerReason(context.document as ExerciseLike | undefined)
  if (!reason) return true
  const ids = refsOf(value)
  if (ids.length > 0) {
    const client = context.getClient({apiVersion: VALIDATION_API_VERSION}).withConfig({perspective: 'published'})
    const medical = await client.fetch<number>(
      'count(*[_id in $ids && kind == $kind])',
      {ids, kind: MEDICAL},
      {signal: context.signal, tag: 'validation.medical-disclaimer'},
    )
    if (medical > 0) return true
  }
  return {code: 'spotter.medical-disclaimer', message: MEDICAL_DISCLAIMER_MESSAGE, details: {reason}}
}
