// The result models: zod schemas of what the queries return, and the types inferred from them.
// Nullability mirrors the content model: a field the schema requires is non-null (published
// content passed validation), anything optional or dereferenced may be null. Sanity TypeGen,
// run over the same schema and queries, must infer the same types (sdk/test/typegen.test.ts).
import * as z from 'zod'
import {
  bodyImageModel,
  citationModel,
  disclaimerCalloutModel,
  disclaimerModel,
  equipmentModel,
  exerciseEmbedModel,
  imageModel,
  key,
  list,
  markParsed,
  muscleModel,
  optBool,
  optEnum,
  optStr,
  personCardModel,
  personLinkModel,
  prescriptionTableModel,
  pullQuoteModel,
  str,
  textBlock,
} from './block-models.ts'
import * as v from './vocabulary.ts'
import {articleBlockTypes} from './vocabulary.ts'

// The block-level models live in block-models.ts (the renderers' entries need only those).
export {
  articleCustomBlockModels,
  bodyImageModel,
  citationModel,
  credentialModel,
  disclaimerCalloutModel,
  disclaimerModel,
  equipmentModel,
  exerciseEmbedModel,
  exerciseGuideModel,
  imageModel,
  isValidArticleBlock,
  muscleModel,
  personCardModel,
  personLinkModel,
  prescriptionModel,
  prescriptionTableModel,
  pullQuoteModel,
  richTextModel,
} from './block-models.ts'
export type {
  CredentialResult,
  DisclaimerResult,
  EquipmentResult,
  ExerciseGuideResult,
  ImageResult,
  MuscleResult,
  PersonCardResult,
  PersonLinkResult,
  PrescriptionResult,
  RichTextResult,
} from './block-models.ts'

export const exerciseCardModel = z.object({
  _id: str,
  name: str,
  slug: optStr,
  aliases: list(str),
  summary: optStr,
  category: z.enum(v.exerciseCategories),
  level: optEnum(v.exerciseLevels),
  mechanic: optEnum(v.exerciseMechanics),
  force: optEnum(v.exerciseForces),
  primaryMuscles: list(muscleModel),
  setups: list(z.object({_key: key, name: str, equipment: list(equipmentModel)})),
  image: imageModel.nullable(),
})
export type ExerciseCardResult = z.infer<typeof exerciseCardModel>

/** Equipment an article features, with everything an editor wrote about it. */
export const equipmentDetailModel = equipmentModel.extend({
  aliases: list(str),
  description: optStr,
  features: list(str),
  developedBy: personLinkModel.nullable(),
  image: imageModel.nullable(),
})
export type EquipmentDetailResult = z.infer<typeof equipmentDetailModel>

export const articleCardModel = z.object({
  _id: str,
  title: str,
  slug: optStr,
  kind: z.enum(v.articleKinds),
  excerpt: str,
  topics: list(str),
  publishedAt: optStr,
  heroImage: imageModel.nullable(),
  author: z.object({name: optStr, unnamed: optBool, descriptor: optStr, slug: optStr}).nullable(),
})
export type ArticleCardResult = z.infer<typeof articleCardModel>

export const articleTextBlockModel = textBlock(['normal', 'h2', 'h3', 'blockquote'])

const articleBlock = z.discriminatedUnion('_type', [
  articleTextBlockModel,
  exerciseEmbedModel,
  prescriptionTableModel,
  disclaimerCalloutModel,
  bodyImageModel,
  citationModel,
  pullQuoteModel,
])
const knownBlockTypes = new Set<string>(['block', ...articleBlockTypes])

/**
 * The article body. A block type this SDK version does not know (the schema grew) is dropped
 * rather than failing the whole article; a known type with a wrong shape still fails.
 */
export const articleBodyModel = z
  .array(z.unknown())
  .transform((blocks) => blocks.map((b) => (isKnownBlock(b) ? b : null)))
  .pipe(z.array(articleBlock.nullable()))
  .transform((blocks) => {
    const known = blocks.filter((b): b is z.infer<typeof articleBlock> => b !== null)
    // Only custom blocks are ever re-checked (text blocks are normalized instead), so only they are marked.
    for (const block of known) if (block._type !== 'block') markParsed(block)
    return known
  })
export type ArticleBodyBlock = z.infer<typeof articleBlock>

export type ArticleBodyResult = ArticleBodyBlock[]

function isKnownBlock(block: unknown): boolean {
  const type = typeof block === 'object' && block !== null ? (block as {_type?: unknown})._type : undefined
  return typeof type !== 'string' || knownBlockTypes.has(type)
}

/** A club or an organisation as an article's publisher; only organisations have a kind. */
const publisherFields = {name: str, slug: optStr, website: optStr, logo: imageModel.nullable()}

export const articleModel = z.object({
  _id: str,
  title: str,
  slug: optStr,
  kind: z.enum(v.articleKinds),
  topics: list(str),
  excerpt: str,
  givesHealthAdvice: optBool,
  heroImage: imageModel.nullable(),
  body: articleBodyModel,
  exercises: list(exerciseCardModel),
  equipment: list(equipmentDetailModel),
  author: personCardModel.nullable(),
  reviewer: personCardModel.nullable(),
  publisher: z
    .discriminatedUnion('_type', [
      z.object({_type: z.literal('club'), ...publisherFields, kind: z.null()}),
      z.object({_type: z.literal('organization'), ...publisherFields, kind: z.enum(v.organizationKinds)}),
    ])
    .nullable(),
  disclaimers: list(disclaimerModel),
  publishedAt: optStr,
  updatedAt: optStr,
  lastReviewedAt: optStr,
  canonicalUrl: optStr,
  seo: z.object({title: optStr, description: optStr, noIndex: optBool, image: imageModel.nullable()}).nullable(),
  syndication: z.object({licence: z.enum(v.syndicationLicences), attributionText: optStr, allowedPartners: list(str)}).nullable(),
})
export type ArticleResult = z.infer<typeof articleModel>
