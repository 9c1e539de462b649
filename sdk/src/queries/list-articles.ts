import {defineQuery} from 'groq'
import * as z from 'zod'
import {articleCardModel} from '../models.ts'
import {defineQueryDefinition, positiveInteger} from '../query-definition.ts'
import type {articleKinds} from '../vocabulary.ts'
import {ARTICLE_CARD} from './fragments.ts'

export const listArticlesQuery = defineQuery(`{
  "total": count(*[_type == "article"
    && ($kind == null || kind == $kind)
    && ($exercise == null || $exercise in exercises[]->slug.current)
    && ($author == null || author->slug.current == $author)]),
  "items": *[_type == "article"
    && ($kind == null || kind == $kind)
    && ($exercise == null || $exercise in exercises[]->slug.current)
    && ($author == null || author->slug.current == $author)]
    | order(publishedAt desc, title asc, _id asc) [$start...$end]${ARTICLE_CARD}
}`)

export const listArticlesResult = z.object({
  /** The query's count. In drafts, items left out as invalid (see `onInvalidItem`) are still counted. */
  total: z.number(),
  items: z.array(articleCardModel),
})
export type ListArticlesResult = z.infer<typeof listArticlesResult>

export interface ListArticlesInput {
  kind?: (typeof articleKinds)[number]
  /** Exercise slug the article covers. */
  exercise?: string
  /** Author (person) slug. */
  author?: string
  /** 1-based. */
  page?: number
  /** Default 20, at most 100. */
  pageSize?: number
}
export interface ListArticlesParams {
  kind: string | null
  exercise: string | null
  author: string | null
  start: number
  end: number
}

export const listArticles = defineQueryDefinition({
  name: 'listArticles',
  root: 'result',
  query: listArticlesQuery,
  schema: listArticlesResult,
  itemLists: [{path: ['items'], schema: articleCardModel}],
  params: (input: ListArticlesInput = {}): ListArticlesParams => {
    const page = positiveInteger('page', input.page, 1, 100_000)
    const pageSize = positiveInteger('pageSize', input.pageSize, 20, 100)
    return {
      kind: input.kind ?? null,
      exercise: input.exercise ?? null,
      author: input.author ?? null,
      start: (page - 1) * pageSize,
      end: page * pageSize,
    }
  },
})
