// The models of an article body's custom blocks and of everything they embed (images, people,
// disclaimers, prescriptions, exercise guides), with the shape check renderers run on blocks that
// did not come through a query. Split from models.ts so the React and HTML entries, which need
// only these, do not bundle the page-level models. models.ts re-exports all of it.
import * as z from 'zod'
import * as v from './vocabulary.ts'
import type {articleBlockTypes} from './vocabulary.ts'

export const str = z.string()
export const optStr = z.string().nullable()
export const optNum = z.number().nullable()
export const optBool = z.boolean().nullable()
export const key = z.string()
export const optEnum = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable()
export const list = <T extends z.ZodType>(item: T) => z.array(item).nullable()

export const imageModel = z.object({
  alt: str,
  caption: optStr,
  credit: str,
  licence: optEnum(v.imageLicences),
  copyrightHolder: optStr,
  crop: z.object({top: z.number(), bottom: z.number(), left: z.number(), right: z.number()}).nullable(),
  hotspot: z.object({x: z.number(), y: z.number(), width: z.number(), height: z.number()}).nullable(),
  asset: z.object({_id: str, url: str, width: optNum, height: optNum, lqip: optStr}).nullable(),
})
export type ImageResult = z.infer<typeof imageModel>

export const muscleModel = z.object({
  name: str,
  commonName: optStr,
  slug: optStr,
  region: z.enum(v.muscleRegions),
  group: optEnum(v.muscleGroups),
  function: optStr,
})
export type MuscleResult = z.infer<typeof muscleModel>

export const equipmentModel = z.object({name: str, slug: optStr, kind: z.enum(v.equipmentKinds)})
export type EquipmentResult = z.infer<typeof equipmentModel>

export const credentialModel = z.object({
  _key: key,
  kind: z.enum(v.credentialKinds),
  title: str,
  subjects: list(str),
  issuingBody: optStr,
  year: optNum,
  verificationUrl: optStr,
})
export type CredentialResult = z.infer<typeof credentialModel>

export const personCardModel = z.object({
  _id: str,
  name: optStr,
  unnamed: optBool,
  descriptor: optStr,
  slug: optStr,
  headline: optStr,
  roles: z.array(str),
  website: optStr,
  photo: imageModel.nullable(),
  credentials: list(credentialModel),
})
export type PersonCardResult = z.infer<typeof personCardModel>

// Portable Text as stored: spans, link annotations, the styles each field allows.
const span = z.object({_type: z.literal('span'), _key: key, text: z.string().optional(), marks: z.array(str).optional()})
const linkDef = z.object({_type: z.literal('link'), _key: key, href: z.string()})
export const textBlock = <const S extends readonly [string, ...string[]]>(styles: S) =>
  z.object({
    _type: z.literal('block'),
    _key: key,
    children: z.array(span).optional(),
    style: z.enum(styles).optional(),
    listItem: z.enum(['bullet', 'number']).optional(),
    markDefs: z.array(linkDef).optional(),
    level: z.number().optional(),
  })

export const richTextModel = z.array(textBlock(['normal']))
export type RichTextResult = z.infer<typeof richTextModel>

export const disclaimerModel = z.object({_id: str, kind: z.enum(v.disclaimerKinds), body: richTextModel})
export type DisclaimerResult = z.infer<typeof disclaimerModel>

const range = z.object({min: z.number(), max: z.number()}).nullable()

export const prescriptionModel = z.object({
  _key: key,
  goal: str,
  trainingPhase: optEnum(v.trainingPhases),
  audience: optStr,
  sets: range,
  reps: range,
  repsDescription: optStr,
  load: optStr,
  frequencyPerWeek: range,
  placement: optEnum(v.workoutPlacements),
  placementNote: optStr,
  duration: optStr,
  progression: optStr,
  progressionRule: z.object({whenSets: optNum, whenReps: optNum, then: str}).nullable(),
  equipment: list(equipmentModel),
  /** The article the prescription comes from. */
  source: z.object({title: str, slug: optStr}).nullable(),
})
export type PrescriptionResult = z.infer<typeof prescriptionModel>

export const exerciseLink = z.object({name: str, slug: optStr})

/** A credited person, by name and profile link. */
export const personLinkModel = z.object({name: optStr, descriptor: optStr, slug: optStr, headline: optStr})
export type PersonLinkResult = z.infer<typeof personLinkModel>

export const exerciseGuideModel = z.object({
  _id: str,
  name: str,
  slug: optStr,
  aliases: list(str),
  summary: optStr,
  category: z.enum(v.exerciseCategories),
  secondaryCategories: list(str),
  level: optEnum(v.exerciseLevels),
  mechanic: optEnum(v.exerciseMechanics),
  force: optEnum(v.exerciseForces),
  primaryMuscles: list(muscleModel),
  secondaryMuscles: list(muscleModel),
  stabilizerMuscles: list(muscleModel),
  biomechanics: list(
    z.object({
      _key: key,
      title: str,
      aspect: optEnum(v.biomechanicsAspects),
      explanation: str,
      structures: list(str),
      muscles: list(muscleModel),
    }),
  ),
  setups: list(z.object({_key: key, name: str, instructions: optStr, equipment: list(equipmentModel), image: imageModel.nullable()})),
  steps: list(z.object({_key: key, instruction: str, phase: optEnum(v.stepPhases), cues: list(str), image: imageModel.nullable()})),
  tempo: z
    .object({eccentricSeconds: optNum, bottomPauseSeconds: optNum, concentricSeconds: optNum, topPauseSeconds: optNum, cues: list(str)})
    .nullable(),
  commonMistakes: list(z.object({_key: key, mistake: str, correction: optStr})),
  safetyNotes: list(z.object({_key: key, note: str, equipment: list(equipmentModel)})),
  contraindications: list(z.object({_key: key, condition: str, action: optEnum(v.contraindicationActions), guidance: optStr})),
  benefits: list(
    z.object({
      _key: key,
      benefit: str,
      explanation: optStr,
      muscles: list(muscleModel),
      attributedTo: personLinkModel.nullable(),
      relatedExercises: list(exerciseLink),
    }),
  ),
  prescriptions: list(prescriptionModel),
  variations: list(
    z.object({
      _key: key,
      name: str,
      change: z.enum(v.variationChanges),
      description: str,
      cautions: list(str),
      equipment: list(equipmentModel),
      emphasis: list(muscleModel),
      variantExercise: exerciseLink.nullable(),
    }),
  ),
  relatedExercises: list(z.object({_key: key, relation: z.enum(v.exerciseRelations), note: optStr, exercise: exerciseLink})),
  media: list(imageModel),
  disclaimers: list(disclaimerModel),
  author: personCardModel.nullable(),
  reviewer: personCardModel.nullable(),
  reviewedAt: optStr,
})
export type ExerciseGuideResult = z.infer<typeof exerciseGuideModel>

// Article body blocks, with their references resolved by getArticle's query.
export const exerciseEmbedModel = z.object({
  _type: z.literal('exerciseEmbed'),
  _key: key,
  display: optEnum(v.exerciseEmbedDisplays),
  note: optStr,
  exercise: exerciseGuideModel,
})
export const prescriptionTableModel = z.object({
  _type: z.literal('prescriptionTable'),
  _key: key,
  title: optStr,
  exercise: exerciseLink.nullable(),
  prescriptions: z.array(prescriptionModel),
})
export const disclaimerCalloutModel = z.object({
  _type: z.literal('disclaimerCallout'),
  _key: key,
  tone: optEnum(v.calloutTones),
  disclaimer: disclaimerModel,
})
export const bodyImageModel = imageModel.extend({_type: z.literal('creditedImage'), _key: key})
export const citationModel = z.object({
  _type: z.literal('citation'),
  _key: key,
  kind: z.enum(v.citationKinds),
  claim: str,
  statisticValue: optNum,
  statisticUnit: optStr,
  sourceTitle: optStr,
  sourceUrl: optStr,
  attributedTo: personCardModel.nullable(),
})
export const pullQuoteModel = z.object({
  _type: z.literal('pullQuote'),
  _key: key,
  quote: str,
  attribution: optStr,
  speaker: personLinkModel.nullable(),
})
/**
 * Blocks that came out of articleBodyModel carry this (non-enumerable, so invisible to JSON and
 * equality) mark; renderers need not validate them again. A symbol cannot arrive in JSON, so
 * content cannot forge it. Cheaper than a WeakSet, whose entries the GC must trace.
 */
const PARSED = Symbol('spotter.parsed')
export function markParsed(block: object): void {
  Object.defineProperty(block, PARSED, {value: true})
}

/** The model of each custom block type, for validating bodies that did not come through a query. */
export const articleCustomBlockModels = {
  exerciseEmbed: exerciseEmbedModel,
  prescriptionTable: prescriptionTableModel,
  disclaimerCallout: disclaimerCalloutModel,
  creditedImage: bodyImageModel,
  citation: citationModel,
  pullQuote: pullQuoteModel,
} satisfies {[T in (typeof articleBlockTypes)[number]]: z.ZodType}

/** True if a custom block has its type's shape (checked once per object). */
export function isValidArticleBlock(block: {_type: string}): boolean {
  if ((block as {[PARSED]?: true})[PARSED]) return true
  const model = (articleCustomBlockModels as Record<string, z.ZodType | undefined>)[block._type]
  if (!model?.safeParse(block).success) return false
  if (Object.isExtensible(block)) markParsed(block)
  return true
}
