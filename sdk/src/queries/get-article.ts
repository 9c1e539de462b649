import {defineQuery} from 'groq'
import type * as z from 'zod'
import {articleModel} from '../models.ts'
import {defineQueryDefinition, nonEmptyString} from '../query-definition.ts'
import {ARTICLE} from './fragments.ts'

/** Everything an article page needs, in one round trip: embeds resolved, people with credentials. */
export const getArticleQuery = defineQuery(`*[_type == "article" && slug.current == $slug][0]${ARTICLE}`)

export const getArticleResult = articleModel.nullable()
export type GetArticleResult = z.infer<typeof getArticleResult>
export interface GetArticleParams {
  slug: string
}

export const getArticle = defineQueryDefinition({
  name: 'getArticle',
  root: 'article',
  query: getArticleQuery,
  schema: getArticleResult,
  params: (slug: string): GetArticleParams => ({slug: nonEmptyString('slug', slug)}),
})
