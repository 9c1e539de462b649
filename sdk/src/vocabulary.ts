// The option values of the content model, as the SDK validates them (z.enum tuples), read from the
// shared vocabulary module that the schema types read too: one source, no copy to keep in step.
// Plain data only, so the SDK still does not depend on `sanity`.
import * as shared from '@spotter/vocabulary'

const values = shared.optionValues

export const exerciseCategories = values(shared.exerciseCategories)
export const exerciseLevels = values(shared.exerciseLevels)
export const exerciseMechanics = values(shared.exerciseMechanics)
export const exerciseForces = values(shared.exerciseForces)
export const exerciseRelations = values(shared.exerciseRelations)
export const variationChanges = values(shared.variationChanges)
export const stepPhases = values(shared.stepPhases)
export const biomechanicsAspects = values(shared.biomechanicsAspects)
export const contraindicationActions = values(shared.contraindicationActions)
export const trainingPhases = values(shared.trainingPhases)
export const workoutPlacements = values(shared.workoutPlacements)
export const muscleRegions = values(shared.muscleRegions)
export const muscleGroups = values(shared.muscleGroups)
export const equipmentKinds = values(shared.equipmentKinds)
export const disclaimerKinds = values(shared.disclaimerKinds)
export const personRoles = values(shared.personRoles)
export const credentialKinds = values(shared.credentialKinds)
export const milestoneKinds = values(shared.milestoneKinds)
export const organizationKinds = values(shared.organizationKinds)
export const acquisitionKinds = values(shared.acquisitionKinds)
export const articleKinds = values(shared.articleKinds)
export const citationKinds = values(shared.citationKinds)
export const imageLicences = values(shared.imageLicences)
export const syndicationLicences = values(shared.syndicationLicences)
export const calloutTones = values(shared.calloutTones)
export const exerciseEmbedDisplays = values(shared.exerciseEmbedDisplays)

/** The block vocabulary of `articleBody` and `richText`. */
export {articleBlockTypes, articleBodyVocabulary, richTextVocabulary} from '@spotter/vocabulary'
