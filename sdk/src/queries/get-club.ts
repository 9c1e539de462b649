import {defineQuery} from 'groq'
import * as z from 'zod'
import {equipmentModel, exerciseCardModel, imageModel} from '../models.ts'
import {defineQueryDefinition, nonEmptyString} from '../query-definition.ts'
import {acquisitionKinds} from '../vocabulary.ts'
import {EQUIPMENT, EXERCISE_CARD, IMAGE} from './fragments.ts'

/**
 * A club, its equipment inventory, and the exercises its members can do there: those with a
 * setup whose equipment the club owns entirely (same rule as exercisesForEquipment).
 */
export const getClubQuery = defineQuery(`*[_type == "club" && slug.current == $slug][0]{
  _id, name, "slug": slug.current, website, description,
  "location": location{streetAddress, locality, region, postalCode, country},
  "logo": logo${IMAGE},
  "equipment": equipmentInventory[]{_key, quantity, acquisition, acquiredOn, reason, "equipment": equipment->${EQUIPMENT}},
  "exercises": *[_type == "exercise"
    && count(setups[count(equipment[!(_ref in ^.^.^.equipmentInventory[].equipment._ref)]) == 0 || !defined(equipment)]) > 0
  ] | order(name asc)${EXERCISE_CARD}
}`)

export const getClubResult = z
  .object({
    _id: z.string(),
    name: z.string(),
    slug: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    location: z
      .object({
        streetAddress: z.string().nullable(),
        locality: z.string().nullable(),
        region: z.string().nullable(),
        postalCode: z.string().nullable(),
        country: z.string().nullable(),
      })
      .nullable(),
    logo: imageModel.nullable(),
    equipment: z
      .array(
        z.object({
          _key: z.string(),
          quantity: z.number().nullable(),
          acquisition: z.enum(acquisitionKinds).nullable(),
          acquiredOn: z.string().nullable(),
          reason: z.string().nullable(),
          equipment: equipmentModel,
        }),
      )
      .nullable(),
    exercises: z.array(exerciseCardModel),
  })
  .nullable()
export type GetClubResult = z.infer<typeof getClubResult>
export interface GetClubParams {
  slug: string
}

export const getClub = defineQueryDefinition({
  name: 'getClub',
  root: 'club',
  query: getClubQuery,
  schema: getClubResult,
  itemLists: [{path: ['exercises'], schema: exerciseCardModel}],
  params: (slug: string): GetClubParams => ({slug: nonEmptyString('slug', slug)}),
})
