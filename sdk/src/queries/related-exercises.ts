import {defineQuery} from 'groq'
import * as z from 'zod'
import {exerciseCardModel} from '../models.ts'
import {defineQueryDefinition, nonEmptyString} from '../query-definition.ts'
import {exerciseRelations} from '../vocabulary.ts'
import {EXERCISE_CARD} from './fragments.ts'

/** The typed edges from one exercise (optionally of one relation), each with the target's card. */
export const relatedExercisesQuery = defineQuery(`*[_type == "exercise" && slug.current == $slug][0]{
  "related": relatedExercises[$relation == null || relation == $relation]{
    _key, relation, note,
    "exercise": exercise->${EXERCISE_CARD}
  }
}`)

const relatedEdge = z.object({
  _key: z.string(),
  relation: z.enum(exerciseRelations),
  note: z.string().nullable(),
  exercise: exerciseCardModel,
})
export const relatedExercisesResult = z.object({related: z.array(relatedEdge).nullable()}).nullable()
export type RelatedExercisesResult = z.infer<typeof relatedExercisesResult>
export type ExerciseRelationName = (typeof exerciseRelations)[number]
export interface RelatedExercisesParams {
  slug: string
  relation: ExerciseRelationName | null
}

export const relatedExercises = defineQueryDefinition({
  name: 'relatedExercises',
  root: 'exercise',
  query: relatedExercisesQuery,
  schema: relatedExercisesResult,
  itemLists: [{path: ['related'], schema: relatedEdge}],
  params: ({slug, relation}: {slug: string; relation?: ExerciseRelationName}): RelatedExercisesParams => {
    if (relation !== undefined && !exerciseRelations.includes(relation)) {
      throw new TypeError(`relation must be one of ${exerciseRelations.join(', ')}, received ${JSON.stringify(relation)}`)
    }
    return {slug: nonEmptyString('slug', slug), relation: relation ?? null}
  },
})
