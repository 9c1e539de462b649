// Pins the public result and parameter types. A change to a query's zod model that changes what
// callers receive fails here first.
import {describe, expectTypeOf, it} from 'vitest'
import type {
  ArticleBlockType,
  ArticleBodyBlock,
  ArticleResult,
  ExerciseCardResult,
  ExerciseClient,
  ExerciseClientConfig,
  InvalidItemHandler,
  ExerciseGuideResult,
  GetArticleResult,
  GetClubResult,
  GetExerciseResult,
  GetPersonResult,
  ImageResult,
  ListArticlesInput,
  ListExercisesInput,
  ListExercisesResult,
  RelatedExercisesResult,
  ResultProblem,
} from '../src/index.ts'
import type {ResultMismatchError} from '../src/index.ts'

declare const client: ExerciseClient

describe('query results', () => {
  it('getExercise returns the guide or null', () => {
    expectTypeOf(client.getExercise).parameters.toEqualTypeOf<[slug: string]>()
    expectTypeOf(client.getExercise).returns.resolves.toEqualTypeOf<GetExerciseResult>()
    expectTypeOf<GetExerciseResult>().toEqualTypeOf<ExerciseGuideResult | null>()
    expectTypeOf<ExerciseGuideResult['name']>().toEqualTypeOf<string>()
    expectTypeOf<ExerciseGuideResult['slug']>().toEqualTypeOf<string | null>()
    expectTypeOf<ExerciseGuideResult['category']>().toEqualTypeOf<
      'strength' | 'hypertrophy' | 'mobility' | 'stability' | 'conditioning' | 'rehabilitation'
    >()
    expectTypeOf<NonNullable<ExerciseGuideResult['steps']>[number]>().toEqualTypeOf<{
      _key: string
      instruction: string
      phase: 'setup' | 'start' | 'concentric' | 'hold' | 'eccentric' | null
      cues: string[] | null
      image: ImageResult | null
    }>()
    expectTypeOf<NonNullable<ExerciseGuideResult['prescriptions']>[number]['reps']>().toEqualTypeOf<{min: number; max: number} | null>()
    expectTypeOf<NonNullable<ExerciseGuideResult['relatedExercises']>[number]['relation']>().toEqualTypeOf<
      'variation-of' | 'progression' | 'regression' | 'substitute' | 'complements'
    >()
  })

  it('images carry credit, alt and asset metadata', () => {
    expectTypeOf<ImageResult['alt']>().toEqualTypeOf<string>()
    expectTypeOf<ImageResult['credit']>().toEqualTypeOf<string>()
    expectTypeOf<ImageResult['licence']>().toEqualTypeOf<'stock' | 'owned' | 'cc-by-4.0' | 'cc0' | 'permission' | null>()
    expectTypeOf<NonNullable<ImageResult['asset']>>().toEqualTypeOf<{
      _id: string
      url: string
      width: number | null
      height: number | null
      lqip: string | null
    }>()
  })

  it('list queries return items with a total and take typed filters', () => {
    expectTypeOf(client.listExercises).returns.resolves.toEqualTypeOf<ListExercisesResult>()
    expectTypeOf<ListExercisesResult>().toEqualTypeOf<{total: number; items: ExerciseCardResult[]}>()
    expectTypeOf(client.listExercises).parameter(0).toEqualTypeOf<ListExercisesInput | undefined>()
    expectTypeOf<ListExercisesInput['level']>().toEqualTypeOf<'beginner' | 'intermediate' | 'advanced' | undefined>()
    expectTypeOf<ListArticlesInput['kind']>().toEqualTypeOf<
      'exercise-guide' | 'equipment-spotlight' | 'explainer' | 'club-news' | undefined
    >()
    // @ts-expect-error: not a level of the content model
    void client.listExercises({level: 'expert'})
    // @ts-expect-error: not a filter
    void client.listArticles({tag: 'x'})
  })

  it('exercisesForEquipment and relatedExercises', () => {
    expectTypeOf(client.exercisesForEquipment).returns.resolves.toEqualTypeOf<ExerciseCardResult[]>()
    expectTypeOf(client.relatedExercises)
      .parameter(1)
      .toEqualTypeOf<'variation-of' | 'progression' | 'regression' | 'substitute' | 'complements' | undefined>()
    expectTypeOf<NonNullable<NonNullable<RelatedExercisesResult>['related']>[number]['exercise']>().toEqualTypeOf<ExerciseCardResult>()
  })

  it('getArticle returns the article with a typed body', () => {
    expectTypeOf(client.getArticle).returns.resolves.toEqualTypeOf<GetArticleResult>()
    expectTypeOf<GetArticleResult>().toEqualTypeOf<ArticleResult | null>()
    expectTypeOf<ArticleResult['body']>().toEqualTypeOf<ArticleBodyBlock[]>()
    expectTypeOf<ArticleBlockType>().toEqualTypeOf<
      'block' | 'exerciseEmbed' | 'prescriptionTable' | 'disclaimerCallout' | 'creditedImage' | 'citation' | 'pullQuote'
    >()
    expectTypeOf<Extract<ArticleBodyBlock, {_type: 'exerciseEmbed'}>['exercise']>().toEqualTypeOf<ExerciseGuideResult>()
    expectTypeOf<Extract<ArticleBodyBlock, {_type: 'block'}>['style']>().toEqualTypeOf<'normal' | 'h2' | 'h3' | 'blockquote' | undefined>()
    expectTypeOf<NonNullable<ArticleResult['author']>['credentials']>().toEqualTypeOf<Array<{
      _key: string
      kind: 'education' | 'qualification' | 'certification' | 'accreditation' | 'licence' | 'degree'
      title: string
      subjects: string[] | null
      issuingBody: string | null
      year: number | null
      verificationUrl: string | null
    }> | null>()
  })

  it('getPerson and getClub', () => {
    expectTypeOf<NonNullable<GetPersonResult>['articles'][number]['title']>().toEqualTypeOf<string>()
    expectTypeOf<NonNullable<GetClubResult>['exercises']>().toEqualTypeOf<ExerciseCardResult[]>()
    expectTypeOf<NonNullable<NonNullable<GetClubResult>['equipment']>[number]['acquisition']>().toEqualTypeOf<
      'purchased' | 'leased' | 'donated' | null
    >()
  })

  it('the mismatch error lists problems', () => {
    expectTypeOf<ResultMismatchError['problems']>().toEqualTypeOf<readonly ResultProblem[]>()
    expectTypeOf<ResultProblem>().toEqualTypeOf<{path: string; message: string; value: unknown}>()
  })

  it('onInvalidItem receives the mismatch error of one left-out list item', () => {
    expectTypeOf<ExerciseClientConfig['onInvalidItem']>().toEqualTypeOf<InvalidItemHandler | undefined>()
    expectTypeOf<InvalidItemHandler>().parameters.toEqualTypeOf<[error: ResultMismatchError]>()
  })
})
