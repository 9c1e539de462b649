// The content model's vocabulary: every option list (category, level, phase, licence...) and the
// Portable Text vocabularies of the article body and rich text. Plain data with no imports, the
// one source that the schema types (schemas/src/options.ts, the block types) and the SDK's
// validation and renderers (sdk/src/vocabulary.ts) both read.

export interface Option<V extends string = string> {
  readonly title: string
  readonly value: V
}

/** The values of an option list, as a tuple of its literal types (what z.enum takes). */
export type OptionValues<T extends readonly Option[]> = {readonly [K in keyof T]: T[K]['value']}

export function optionValues<const T extends readonly Option[]>(list: T): OptionValues<T> {
  return list.map((o) => o.value) as unknown as OptionValues<T>
}

export const exerciseCategories = [
  {title: 'Strength', value: 'strength'},
  {title: 'Hypertrophy', value: 'hypertrophy'},
  {title: 'Mobility', value: 'mobility'},
  {title: 'Stability', value: 'stability'},
  {title: 'Conditioning', value: 'conditioning'},
  {title: 'Rehabilitation', value: 'rehabilitation'},
] as const satisfies readonly Option[]
export type ExerciseCategory = (typeof exerciseCategories)[number]['value']
export const REHABILITATION: ExerciseCategory = 'rehabilitation'

export const exerciseLevels = [
  {title: 'Beginner', value: 'beginner'},
  {title: 'Intermediate', value: 'intermediate'},
  {title: 'Advanced', value: 'advanced'},
] as const satisfies readonly Option[]

export const exerciseMechanics = [
  {title: 'Compound (several joints)', value: 'compound'},
  {title: 'Isolation (one joint)', value: 'isolation'},
] as const satisfies readonly Option[]

export const exerciseForces = [
  {title: 'Push', value: 'push'},
  {title: 'Pull', value: 'pull'},
  {title: 'Hinge', value: 'hinge'},
  {title: 'Static hold', value: 'static'},
] as const satisfies readonly Option[]

/** Typed edges between exercises. "progression" points to a harder exercise, "regression" to an easier one. */
export const exerciseRelations = [
  {title: 'Variation of', value: 'variation-of'},
  {title: 'Progression (harder)', value: 'progression'},
  {title: 'Regression (easier)', value: 'regression'},
  {title: 'Substitute', value: 'substitute'},
  {title: 'Complements', value: 'complements'},
] as const satisfies readonly Option[]
export type ExerciseRelation = (typeof exerciseRelations)[number]['value']

/** What a variation changes compared with the standard exercise. */
export const variationChanges = [
  {title: 'Load (adds or removes weight)', value: 'load'},
  {title: 'Stability (less stable surface)', value: 'stability'},
  {title: 'Emphasis (shifts the muscles worked)', value: 'emphasis'},
  {title: 'Equipment', value: 'equipment'},
  {title: 'Range of motion', value: 'range'},
  {title: 'Tempo', value: 'tempo'},
] as const satisfies readonly Option[]

export const stepPhases = [
  {title: 'Setup', value: 'setup'},
  {title: 'Starting position', value: 'start'},
  {title: 'Lifting (concentric)', value: 'concentric'},
  {title: 'Pause / hold', value: 'hold'},
  {title: 'Lowering (eccentric)', value: 'eccentric'},
] as const satisfies readonly Option[]

export const biomechanicsAspects = [
  {title: 'Anatomy', value: 'anatomy'},
  {title: 'Injury mechanism', value: 'injury-mechanism'},
  {title: 'Training effect', value: 'training-effect'},
] as const satisfies readonly Option[]

export const contraindicationActions = [
  {title: 'Consult a physician first', value: 'consult-physician'},
  {title: 'Modify the exercise', value: 'modify'},
  {title: 'Avoid the exercise', value: 'avoid'},
] as const satisfies readonly Option[]

export const trainingPhases = [
  {title: 'General training', value: 'general'},
  {title: 'Strength cycle', value: 'strength'},
  {title: 'Hypertrophy', value: 'hypertrophy'},
  {title: 'Getting started', value: 'introductory'},
  {title: 'Rehabilitation / therapeutic', value: 'rehabilitation'},
] as const satisfies readonly Option[]

export const workoutPlacements = [
  {title: 'Start of the workout', value: 'start'},
  {title: 'Main lift', value: 'main'},
  {title: 'Supplementary (after the main lifts)', value: 'supplementary'},
  {title: 'End of the workout', value: 'end'},
] as const satisfies readonly Option[]

export const muscleRegions = [
  {title: 'Neck', value: 'neck'},
  {title: 'Shoulders', value: 'shoulders'},
  {title: 'Chest', value: 'chest'},
  {title: 'Arms', value: 'arms'},
  {title: 'Upper and mid back', value: 'upper-back'},
  {title: 'Lower back', value: 'lower-back'},
  {title: 'Core / trunk', value: 'core'},
  {title: 'Hips', value: 'hips'},
  {title: 'Thighs', value: 'thighs'},
  {title: 'Lower legs', value: 'lower-legs'},
] as const satisfies readonly Option[]

export const muscleGroups = [
  {title: 'Erector spinae', value: 'erector-spinae'},
  {title: 'Paraspinals', value: 'paraspinals'},
  {title: 'Quadratus lumborum', value: 'quadratus-lumborum'},
  {title: 'Gluteals', value: 'gluteals'},
  {title: 'Hamstrings', value: 'hamstrings'},
  {title: 'Hip flexors (psoas)', value: 'hip-flexors'},
  {title: 'Core and abdominals', value: 'core'},
  {title: 'Mid back', value: 'mid-back'},
  {title: 'Quadriceps', value: 'quadriceps'},
] as const satisfies readonly Option[]

export const equipmentKinds = [
  {title: 'Machine', value: 'machine'},
  {title: 'Bench or apparatus', value: 'bench'},
  {title: 'Free weight', value: 'free-weight'},
  {title: 'Ball', value: 'ball'},
  {title: 'Mat', value: 'mat'},
  {title: 'Other', value: 'other'},
] as const satisfies readonly Option[]

export const disclaimerKinds = [
  {title: 'Medical', value: 'medical'},
  {title: 'Information only', value: 'information-only'},
  {title: 'Injury', value: 'injury'},
] as const satisfies readonly Option[]
export type DisclaimerKind = (typeof disclaimerKinds)[number]['value']
export const MEDICAL: DisclaimerKind = 'medical'

export const personRoles = [
  {title: 'Author', value: 'author'},
  {title: 'Reviewer', value: 'reviewer'},
  {title: 'Quoted expert', value: 'expert'},
  {title: 'Coach / trainer', value: 'trainer'},
] as const satisfies readonly Option[]

export const credentialKinds = [
  {title: 'Education', value: 'education'},
  {title: 'Qualification', value: 'qualification'},
  {title: 'Certification', value: 'certification'},
  {title: 'Accreditation', value: 'accreditation'},
  {title: 'Licence', value: 'licence'},
  {title: 'Degree', value: 'degree'},
] as const satisfies readonly Option[]

export const milestoneKinds = [
  {title: 'Career', value: 'career'},
  {title: 'Record or achievement', value: 'record'},
  {title: 'Invention', value: 'invention'},
  {title: 'Injury', value: 'injury'},
  {title: 'Rehabilitation', value: 'rehabilitation'},
  {title: 'Writing', value: 'writing'},
] as const satisfies readonly Option[]

export const organizationKinds = [
  {title: 'Publisher', value: 'publisher'},
  {title: 'Photo agency', value: 'agency'},
  {title: 'Training centre', value: 'training-centre'},
  {title: 'Education or certification body', value: 'education'},
  {title: 'Other', value: 'other'},
] as const satisfies readonly Option[]

export const acquisitionKinds = [
  {title: 'Purchased', value: 'purchased'},
  {title: 'Leased', value: 'leased'},
  {title: 'Donated', value: 'donated'},
] as const satisfies readonly Option[]

export const articleKinds = [
  {title: 'Exercise guide', value: 'exercise-guide'},
  {title: 'Equipment spotlight', value: 'equipment-spotlight'},
  {title: 'Explainer', value: 'explainer'},
  {title: 'Club news', value: 'club-news'},
] as const satisfies readonly Option[]

export const citationKinds = [
  {title: 'Statistic', value: 'statistic'},
  {title: 'Expert opinion', value: 'expert-opinion'},
  {title: 'Study', value: 'study'},
  {title: 'Claim', value: 'claim'},
] as const satisfies readonly Option[]

export const imageLicences = [
  {title: 'Licensed stock (rights managed / royalty free)', value: 'stock'},
  {title: 'Owned by us', value: 'owned'},
  {title: 'CC BY 4.0', value: 'cc-by-4.0'},
  {title: 'CC0 (public domain)', value: 'cc0'},
  {title: 'Used with permission', value: 'permission'},
] as const satisfies readonly Option[]

export const syndicationLicences = [
  {title: 'CC BY 4.0 (anyone, with attribution)', value: 'cc-by-4.0'},
  {title: 'Partners only (listed partners)', value: 'partners-only'},
  {title: 'All rights reserved (no syndication)', value: 'all-rights-reserved'},
] as const satisfies readonly Option[]
export type SyndicationLicence = (typeof syndicationLicences)[number]['value']

export const calloutTones = [
  {title: 'Info', value: 'info'},
  {title: 'Caution', value: 'caution'},
  {title: 'Critical', value: 'critical'},
] as const satisfies readonly Option[]

export const exerciseEmbedDisplays = [
  {title: 'Card', value: 'card'},
  {title: 'Steps only', value: 'steps'},
  {title: 'Full guide', value: 'full'},
] as const satisfies readonly Option[]

export const rangeUnits = [
  {title: 'Sets', value: 'sets'},
  {title: 'Repetitions', value: 'reps'},
  {title: 'Sessions per week', value: 'per-week'},
] as const satisfies readonly Option[]

/** Custom block types an article body holds besides text blocks (every renderer covers each). */
export const articleBlockTypes = [
  'exerciseEmbed',
  'prescriptionTable',
  'disclaimerCallout',
  'creditedImage',
  'citation',
  'pullQuote',
] as const
export type ArticleBlockTypeName = (typeof articleBlockTypes)[number]

export const textBlockLists = [
  {title: 'Bullets', value: 'bullet'},
  {title: 'Numbers', value: 'number'},
] as const satisfies readonly Option[]
export const textBlockDecorators = [
  {title: 'Strong', value: 'strong'},
  {title: 'Emphasis', value: 'em'},
] as const satisfies readonly Option[]
/** Annotation types on text (each is an object type of the schema). */
export const textBlockAnnotations = ['link'] as const

export const richTextStyles = [{title: 'Normal', value: 'normal'}] as const satisfies readonly Option[]
export const articleBodyStyles = [
  {title: 'Normal', value: 'normal'},
  {title: 'Heading 2', value: 'h2'},
  {title: 'Heading 3', value: 'h3'},
  {title: 'Quote', value: 'blockquote'},
] as const satisfies readonly Option[]

/** What a Portable Text field may contain: block types, styles, lists, decorators, annotations. */
export interface BlockVocabulary {
  readonly types: readonly string[]
  readonly styles: readonly string[]
  readonly lists: readonly string[]
  readonly decorators: readonly string[]
  readonly annotations: readonly string[]
}

export const articleBodyVocabulary = {
  types: articleBlockTypes,
  styles: optionValues(articleBodyStyles),
  lists: optionValues(textBlockLists),
  decorators: optionValues(textBlockDecorators),
  annotations: textBlockAnnotations,
} as const satisfies BlockVocabulary

export const richTextVocabulary = {
  types: [],
  styles: optionValues(richTextStyles),
  lists: optionValues(textBlockLists),
  decorators: optionValues(textBlockDecorators),
  annotations: textBlockAnnotations,
} as const satisfies BlockVocabulary
