import {defineQuery} from 'groq'
import * as z from 'zod'
import {exerciseCardModel} from '../models.ts'
import {defineQueryDefinition, positiveInteger} from '../query-definition.ts'
import type {exerciseCategories, exerciseLevels} from '../vocabulary.ts'
import {EXERCISE_CARD} from './fragments.ts'

// Every filter is optional: a null param disables it. `muscle` matches primary and secondary
// muscles by slug, `equipment` any setup's equipment by slug, `search` the name, aliases and summary.
export const listExercisesQuery = defineQuery(`{
  "total": count(*[_type == "exercise"
    && ($muscle == null || $muscle in primaryMuscles[]->slug.current || $muscle in secondaryMuscles[]->slug.current)
    && ($equipment == null || $equipment in setups[].equipment[]->slug.current)
    && ($level == null || level == $level)
    && ($category == null || category == $category || $category in secondaryCategories)
    && ($search == null || name match $search || aliases[] match $search || summary match $search)]),
  "items": *[_type == "exercise"
    && ($muscle == null || $muscle in primaryMuscles[]->slug.current || $muscle in secondaryMuscles[]->slug.current)
    && ($equipment == null || $equipment in setups[].equipment[]->slug.current)
    && ($level == null || level == $level)
    && ($category == null || category == $category || $category in secondaryCategories)
    && ($search == null || name match $search || aliases[] match $search || summary match $search)]
    | order(name asc, _id asc) [$start...$end]${EXERCISE_CARD}
}`)

export const listExercisesResult = z.object({
  /** The query's count. In drafts, items left out as invalid (see `onInvalidItem`) are still counted. */
  total: z.number(),
  items: z.array(exerciseCardModel),
})
export type ListExercisesResult = z.infer<typeof listExercisesResult>

export interface ListExercisesInput {
  /** Muscle slug (primary or secondary). */
  muscle?: string
  /** Equipment slug used by any setup. */
  equipment?: string
  level?: (typeof exerciseLevels)[number]
  category?: (typeof exerciseCategories)[number]
  /** Words matched against name, aliases and summary (prefix match per word). */
  search?: string
  /** 1-based. */
  page?: number
  /** Default 20, at most 100. */
  pageSize?: number
}
export interface ListExercisesParams {
  muscle: string | null
  equipment: string | null
  level: string | null
  category: string | null
  search: string | null
  start: number
  end: number
}

export const listExercises = defineQueryDefinition({
  name: 'listExercises',
  root: 'result',
  query: listExercisesQuery,
  schema: listExercisesResult,
  itemLists: [{path: ['items'], schema: exerciseCardModel}],
  params: (input: ListExercisesInput = {}): ListExercisesParams => {
    const page = positiveInteger('page', input.page, 1, 100_000)
    const pageSize = positiveInteger('pageSize', input.pageSize, 20, 100)
    return {
      muscle: input.muscle ?? null,
      equipment: input.equipment ?? null,
      level: input.level ?? null,
      category: input.category ?? null,
      search: searchPattern(input.search),
      start: (page - 1) * pageSize,
      end: page * pageSize,
    }
  },
})

/** `reverse hyp` -> `reverse* hyp*`; GROQ match needs every term to match. */
export function searchPattern(search: string | undefined): string | null {
  const terms = (search ?? '')
    .split(/\s+/)
    .map((t) => t.replace(/[*]/g, ''))
    .filter(Boolean)
  return terms.length ? terms.map((t) => `${t}*`).join(' ') : null
}
