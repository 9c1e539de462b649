// The Spotter content model as lists of Sanity schema types (the `spotter()` plugin adds them to a
// Studio; `schemaTypes` also goes straight into `createSchema`).
import type {SchemaTypeDefinition} from 'sanity'
import {articleBlockTypes} from '@spotter/vocabulary'
import {article} from './documents/article.ts'
import {club} from './documents/club.ts'
import {disclaimer} from './documents/disclaimer.ts'
import {equipment} from './documents/equipment.ts'
import {exercise} from './documents/exercise.ts'
import {muscle} from './documents/muscle.ts'
import {organization} from './documents/organization.ts'
import {person} from './documents/person.ts'
import {affiliation} from './objects/affiliation.ts'
import {benefit} from './objects/benefit.ts'
import {biomechanicsNote} from './objects/biomechanicsNote.ts'
import {articleBody} from './objects/blocks/articleBody.ts'
import {disclaimerCallout} from './objects/blocks/disclaimerCallout.ts'
import {exerciseEmbed} from './objects/blocks/exerciseEmbed.ts'
import {link} from './objects/blocks/link.ts'
import {prescriptionTable} from './objects/blocks/prescriptionTable.ts'
import {pullQuote} from './objects/blocks/pullQuote.ts'
import {richText} from './objects/blocks/richText.ts'
import {citation} from './objects/citation.ts'
import {commonMistake} from './objects/commonMistake.ts'
import {contraindication} from './objects/contraindication.ts'
import {credential} from './objects/credential.ts'
import {creditedImage} from './objects/creditedImage.ts'
import {exerciseRelation} from './objects/exerciseRelation.ts'
import {exerciseSetup} from './objects/exerciseSetup.ts'
import {exerciseVariation} from './objects/exerciseVariation.ts'
import {inventoryItem} from './objects/inventoryItem.ts'
import {location} from './objects/location.ts'
import {milestone} from './objects/milestone.ts'
import {prescription} from './objects/prescription.ts'
import {progressionRule} from './objects/progressionRule.ts'
import {importInfo} from './objects/importInfo.ts'
import {range} from './objects/range.ts'
import {safetyNote} from './objects/safetyNote.ts'
import {seo} from './objects/seo.ts'
import {step} from './objects/step.ts'
import {syndicationRights} from './objects/syndicationRights.ts'
import {tempo} from './objects/tempo.ts'

export const documentTypes: SchemaTypeDefinition[] = [exercise, equipment, muscle, disclaimer, person, organization, club, article]

export const objectTypes: SchemaTypeDefinition[] = [
  range,
  creditedImage,
  step,
  tempo,
  prescription,
  progressionRule,
  importInfo,
  exerciseSetup,
  exerciseVariation,
  exerciseRelation,
  commonMistake,
  safetyNote,
  contraindication,
  benefit,
  biomechanicsNote,
  credential,
  milestone,
  affiliation,
  inventoryItem,
  location,
  seo,
  syndicationRights,
  citation,
  link,
  richText,
  articleBody,
  exerciseEmbed,
  prescriptionTable,
  disclaimerCallout,
  pullQuote,
]

export const schemaTypes: SchemaTypeDefinition[] = [...documentTypes, ...objectTypes]

/** Document type names, for queries and Studio structure. */
export const DOCUMENT_TYPES = documentTypes.map((t) => t.name as DocumentTypeName)
export const typeNames = {
  exercise: 'exercise',
  equipment: 'equipment',
  muscle: 'muscle',
  disclaimer: 'disclaimer',
  person: 'person',
  organization: 'organization',
  club: 'club',
  article: 'article',
} as const
export type DocumentTypeName = (typeof typeNames)[keyof typeof typeNames]

/** Portable Text block types an article body may contain (renderers must cover all of them). */
export const ARTICLE_BODY_BLOCK_TYPES = ['block', ...articleBlockTypes] as const
