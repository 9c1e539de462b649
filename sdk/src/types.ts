// The public contract of @spotter/sdk: every result type, config and error in one place.
export type {ExerciseClientConfig, ExercisePerspective, WrapClientConfig} from './client.ts'
export type {ExerciseClient} from './exercise-client.ts'
export type {ImageConfig} from './image.ts'
export type {EditPath, EditPathSegment, StudioEditContext} from './studio-edit.ts'
export type {ResultProblem} from './errors.ts'
export type {InvalidItemHandler, ItemList, QueryDefinition} from './query-definition.ts'
export type {
  ArticleBodyBlock,
  ArticleBodyResult,
  ArticleCardResult,
  ArticleResult,
  CredentialResult,
  DisclaimerResult,
  EquipmentDetailResult,
  EquipmentResult,
  ExerciseCardResult,
  ExerciseGuideResult,
  ImageResult,
  MuscleResult,
  PersonCardResult,
  PersonLinkResult,
  PrescriptionResult,
  RichTextResult,
} from './models.ts'
export type {GetExerciseParams, GetExerciseResult} from './queries/get-exercise.ts'
export type {ListExercisesInput, ListExercisesParams, ListExercisesResult} from './queries/list-exercises.ts'
export type {ExercisesForEquipmentParams, ExercisesForEquipmentResult} from './queries/exercises-for-equipment.ts'
export type {ExerciseRelationName, RelatedExercisesParams, RelatedExercisesResult} from './queries/related-exercises.ts'
export type {GetArticleParams, GetArticleResult} from './queries/get-article.ts'
export type {ListArticlesInput, ListArticlesParams, ListArticlesResult} from './queries/list-articles.ts'
export type {GetPersonParams, GetPersonResult} from './queries/get-person.ts'
export type {GetClubParams, GetClubResult} from './queries/get-club.ts'

/** Block types of an article body, by `_type`. */
export type ArticleBlockType = import('./models.ts').ArticleBodyBlock['_type']
/** One body block of the given type. */
export type ArticleBlockOf<T extends ArticleBlockType> = Extract<import('./models.ts').ArticleBodyBlock, {_type: T}>
