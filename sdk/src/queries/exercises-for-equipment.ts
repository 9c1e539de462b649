import {defineQuery} from 'groq'
import * as z from 'zod'
import {exerciseCardModel} from '../models.ts'
import {defineQueryDefinition} from '../query-definition.ts'
import {EXERCISE_CARD} from './fragments.ts'

/**
 * The exercises someone can do with exactly this equipment: at least one setup none of whose
 * equipment is missing from the given set (a setup that needs nothing qualifies too).
 */
export const exercisesForEquipmentQuery = defineQuery(`*[_type == "exercise"
  && count(setups[count(equipment[!(@->slug.current in $slugs)]) == 0 || !defined(equipment)]) > 0
] | order(name asc)${EXERCISE_CARD}`)

export const exercisesForEquipmentResult = z.array(exerciseCardModel)
export type ExercisesForEquipmentResult = z.infer<typeof exercisesForEquipmentResult>
export interface ExercisesForEquipmentParams {
  slugs: string[]
}

export const exercisesForEquipment = defineQueryDefinition({
  name: 'exercisesForEquipment',
  root: 'exercises',
  query: exercisesForEquipmentQuery,
  schema: exercisesForEquipmentResult,
  itemLists: [{path: [], schema: exerciseCardModel}],
  params: (slugs: readonly string[]): ExercisesForEquipmentParams => {
    if (!Array.isArray(slugs) || slugs.some((s) => typeof s !== 'string')) {
      throw new TypeError('slugs must be an array of equipment slugs (strings)')
    }
    return {slugs: [...slugs]}
  },
})
