import {defineQuery} from 'groq'
import * as z from 'zod'
import {articleCardModel, imageModel, personCardModel} from '../models.ts'
import {defineQueryDefinition, nonEmptyString} from '../query-definition.ts'
import {milestoneKinds} from '../vocabulary.ts'
import {ARTICLE_CARD, IMAGE} from './fragments.ts'

/** A person's profile: credentials, career facts, and the articles they wrote or reviewed. */
export const getPersonQuery = defineQuery(`*[_type == "person" && slug.current == $slug][0]{
  _id, name, unnamed, descriptor, "slug": slug.current, headline, roles, website, bio,
  "photo": photo${IMAGE},
  "credentials": credentials[]{_key, kind, title, subjects, issuingBody, year, verificationUrl},
  "affiliations": affiliations[]{_key, organization, role, description, "club": club->{name, "slug": slug.current}},
  "milestones": milestones[]{_key, kind, summary, year, age, durationYears, occurrences, value, unit},
  "articles": *[_type == "article" && (author._ref == ^._id || reviewer._ref == ^._id)] | order(publishedAt desc)${ARTICLE_CARD}
}`)

export const getPersonResult = personCardModel
  .extend({
    bio: z.string().nullable(),
    photo: imageModel.nullable(),
    affiliations: z
      .array(
        z.object({
          _key: z.string(),
          organization: z.string().nullable(),
          role: z.string().nullable(),
          description: z.string().nullable(),
          club: z.object({name: z.string(), slug: z.string().nullable()}).nullable(),
        }),
      )
      .nullable(),
    milestones: z
      .array(
        z.object({
          _key: z.string(),
          kind: z.enum(milestoneKinds).nullable(),
          summary: z.string(),
          year: z.number().nullable(),
          age: z.number().nullable(),
          durationYears: z.number().nullable(),
          occurrences: z.number().nullable(),
          value: z.number().nullable(),
          unit: z.string().nullable(),
        }),
      )
      .nullable(),
    articles: z.array(articleCardModel),
  })
  .nullable()
export type GetPersonResult = z.infer<typeof getPersonResult>
export interface GetPersonParams {
  slug: string
}

export const getPerson = defineQueryDefinition({
  name: 'getPerson',
  root: 'person',
  query: getPersonQuery,
  schema: getPersonResult,
  params: (slug: string): GetPersonParams => ({slug: nonEmptyString('slug', slug)}),
})
