// createExerciseClient: the SDK's typed functions on top of one SanityClient.
import {createBaseClient, type ExerciseClientBase, type ExerciseClientConfig, type WrapClientConfig} from './client.ts'
import type {ImageConfig} from './image.ts'
import {exercisesForEquipment, type ExercisesForEquipmentResult} from './queries/exercises-for-equipment.ts'
import {getArticle, type GetArticleResult} from './queries/get-article.ts'
import {getClub, type GetClubResult} from './queries/get-club.ts'
import {getExercise, type GetExerciseResult} from './queries/get-exercise.ts'
import {getPerson, type GetPersonResult} from './queries/get-person.ts'
import {listArticles, type ListArticlesInput, type ListArticlesResult} from './queries/list-articles.ts'
import {listExercises, type ListExercisesInput, type ListExercisesResult} from './queries/list-exercises.ts'
import {relatedExercises, type ExerciseRelationName, type RelatedExercisesResult} from './queries/related-exercises.ts'

export interface ExerciseClient extends ExerciseClientBase {
  /** Where image URLs for this project point (pass to the renderers). */
  readonly images: ImageConfig
  getExercise(slug: string): Promise<GetExerciseResult>
  listExercises(input?: ListExercisesInput): Promise<ListExercisesResult>
  exercisesForEquipment(slugs: readonly string[]): Promise<ExercisesForEquipmentResult>
  relatedExercises(slug: string, relation?: ExerciseRelationName): Promise<RelatedExercisesResult>
  getArticle(slug: string): Promise<GetArticleResult>
  listArticles(input?: ListArticlesInput): Promise<ListArticlesResult>
  getPerson(slug: string): Promise<GetPersonResult>
  getClub(slug: string): Promise<GetClubResult>
}

export function createExerciseClient(config: ExerciseClientConfig | WrapClientConfig): ExerciseClient {
  const base = createBaseClient(config)
  const sanityConfig = base.sanity.config()
  const custom = sanityConfig.useProjectHostname === false && sanityConfig.apiHost
  return {
    ...base,
    images: {
      projectId: sanityConfig.projectId ?? '',
      dataset: sanityConfig.dataset ?? '',
      ...(custom ? {baseUrl: sanityConfig.apiHost} : {}),
    },
    getExercise: (slug) => base.run(getExercise, slug),
    listExercises: (input = {}) => base.run(listExercises, input),
    exercisesForEquipment: (slugs) => base.run(exercisesForEquipment, slugs),
    relatedExercises: (slug, relation) => base.run(relatedExercises, relation === undefined ? {slug} : {slug, relation}),
    getArticle: (slug) => base.run(getArticle, slug),
    listArticles: (input = {}) => base.run(listArticles, input),
    getPerson: (slug) => base.run(getPerson, slug),
    getClub: (slug) => base.run(getClub, slug),
  }
}
