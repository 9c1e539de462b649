import {defineQuery} from 'groq'
import type * as z from 'zod'
import {exerciseGuideModel} from '../models.ts'
import {defineQueryDefinition, nonEmptyString} from '../query-definition.ts'
import {EXERCISE_GUIDE} from './fragments.ts'

/** One exercise with everything a guide page shows, or null. */
export const getExerciseQuery = defineQuery(`*[_type == "exercise" && slug.current == $slug][0]${EXERCISE_GUIDE}`)

export const getExerciseResult = exerciseGuideModel.nullable()
export type GetExerciseResult = z.infer<typeof getExerciseResult>
export interface GetExerciseParams {
  slug: string
}

export const getExercise = defineQueryDefinition({
  name: 'getExercise',
  root: 'exercise',
  query: getExerciseQuery,
  schema: getExerciseResult,
  params: (slug: string): GetExerciseParams => ({slug: nonEmptyString('slug', slug)}),
})
