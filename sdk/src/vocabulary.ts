// The option values of the content model, as the SDK validates them. Kept in the SDK (which must
// not depend on `sanity` or the schema package); sdk/test/vocabulary.test.ts checks they equal
// schemas/src/options.ts, so the two cannot drift apart silently.

export const exerciseCategories = ['strength', 'hypertrophy', 'mobility', 'stability', 'conditioning', 'rehabilitation'] as const
export const exerciseLevels = ['beginner', 'intermediate', 'advanced'] as const
export const exerciseMechanics = ['compound', 'isolation'] as const
export const exerciseForces = ['push', 'pull', 'hinge', 'static'] as const
export const exerciseRelations = ['variation-of', 'progression', 'regression', 'substitute', 'complements'] as const
export const variationChanges = ['load', 'stability', 'emphasis', 'equipment', 'range', 'tempo'] as const
export const stepPhases = ['setup', 'start', 'concentric', 'hold', 'eccentric'] as const
export const biomechanicsAspects = ['anatomy', 'injury-mechanism', 'training-effect'] as const
export const contraindicationActions = ['consult-physician', 'modify', 'avoid'] as const
export const trainingPhases = ['general', 'strength', 'hypertrophy', 'introductory', 'rehabilitation'] as const
export const workoutPlacements = ['start', 'main', 'supplementary', 'end'] as const
export const muscleRegions = ['neck', 'shoulders', 'chest', 'arms', 'upper-back', 'lower-back', 'core', 'hips', 'thighs', 'lower-legs'] as const
export const muscleGroups = ['erector-spinae', 'paraspinals', 'quadratus-lumborum', 'gluteals', 'hamstrings', 'hip-flexors', 'core', 'mid-back', 'quadriceps'] as const
export const equipmentKinds = ['machine', 'bench', 'free-weight', 'ball', 'mat', 'other'] as const
export const disclaimerKinds = ['medical', 'information-only', 'injury'] as const
export const personRoles = ['author', 'reviewer', 'expert', 'trainer'] as const
export const credentialKinds = ['education', 'qualification', 'certification', 'accreditation', 'licence', 'degree'] as const
export const organizationKinds = ['publisher', 'agency', 'training-centre', 'education', 'other'] as const
export const acquisitionKinds = ['purchased', 'leased', 'donated'] as const
export const articleKinds = ['exercise-guide', 'equipment-spotlight', 'explainer', 'club-news'] as const
export const citationKinds = ['statistic', 'expert-opinion', 'study', 'claim'] as const
export const imageLicences = ['stock', 'owned', 'cc-by-4.0', 'cc0', 'permission'] as const
export const syndicationLicences = ['cc-by-4.0', 'partners-only', 'all-rights-reserved'] as const
export const calloutTones = ['info', 'caution', 'critical'] as const
export const exerciseEmbedDisplays = ['card', 'steps', 'full'] as const

/** The block vocabulary of `articleBody` and `richText` (schemas/src/objects/blocks). */
export const articleBlockTypes = ['exerciseEmbed', 'prescriptionTable', 'disclaimerCallout', 'creditedImage', 'citation', 'pullQuote'] as const
export const articleBodyVocabulary = {
  types: articleBlockTypes,
  styles: ['normal', 'h2', 'h3', 'blockquote'],
  lists: ['bullet', 'number'],
  decorators: ['strong', 'em'],
  annotations: ['link'],
} as const
export const richTextVocabulary = {
  types: [],
  styles: ['normal'],
  lists: ['bullet', 'number'],
  decorators: ['strong', 'em'],
  annotations: ['link'],
} as const
export const milestoneKinds = ['career', 'record', 'invention', 'injury', 'rehabilitation', 'writing'] as const
