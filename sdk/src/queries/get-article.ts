import {defineQuery} from 'groq'
import * as z from 'zod'
import {articleModel} from '../models.ts'
import {defineQueryDefinition, nonEmptyString} from '../query-definition.ts'
import {DISCLAIMER, EQUIPMENT, EXERCISE_CARD, EXERCISE_GUIDE, IMAGE, PERSON_CARD, PRESCRIPTION} from './fragments.ts'

/** Everything an article page needs, in one round trip: embeds resolved, people with credentials. */
export const getArticleQuery = defineQuery(`*[_type == "article" && slug.current == $slug][0]{
  _id, title, "slug": slug.current, kind, topics, excerpt, givesHealthAdvice,
  "heroImage": heroImage${IMAGE},
  "body": body[]{
    _type, _key,
    _type == "block" => {...},
    _type == "exerciseEmbed" => {display, note, "exercise": exercise->${EXERCISE_GUIDE}},
    _type == "prescriptionTable" => {title, "exercise": exercise->{name, "slug": slug.current}, "prescriptions": prescriptions[]${PRESCRIPTION}},
    _type == "disclaimerCallout" => {tone, "disclaimer": disclaimer->${DISCLAIMER}},
    _type == "creditedImage" => ${IMAGE},
    _type == "citation" => {kind, claim, statisticValue, statisticUnit, sourceTitle, sourceUrl, sourceNote, "attributedTo": attributedTo->${PERSON_CARD}},
    _type == "pullQuote" => {quote, attribution, "speaker": speaker->{name, descriptor, "slug": slug.current, headline}}
  },
  "exercises": exercises[]->${EXERCISE_CARD},
  "equipment": equipment[]->${EQUIPMENT},
  "author": author->${PERSON_CARD},
  "reviewer": reviewer->${PERSON_CARD},
  "publisher": publisher->{_type, name, "slug": slug.current, website, "logo": logo${IMAGE}},
  "disclaimers": disclaimers[]->${DISCLAIMER},
  publishedAt, updatedAt, lastReviewedAt, canonicalUrl,
  "seo": seo{title, description, noIndex, "image": image${IMAGE}},
  "syndication": syndication{licence, attributionText, allowedPartners}
}`)

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
