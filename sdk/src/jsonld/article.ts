// schema.org JSON-LD for an article page: MedicalWebPage when the article gives health advice or
// carries a medical disclaimer (then reviewedBy / lastReviewed apply), Article otherwise. Authors
// are Persons with hasCredential; embedded exercises become HowTo with steps, their prescriptions
// ExercisePlans; images are ImageObjects with creditText, license and copyrightHolder.
import {credentialLabel, formatRange, isoDate, personName} from '../format.ts'
import {imageSources, toImageSource, type ImageConfig} from '../image.ts'
import type {ArticleResult, ExerciseGuideResult, ImageResult, PersonCardResult, PrescriptionResult} from '../models.ts'
import {safeUrl} from '../url.ts'

export type JsonLdNode = {[property: string]: JsonLdValue}
export type JsonLdValue = string | number | boolean | JsonLdNode | JsonLdValue[]

export interface ArticleJsonLdOptions {
  images: ImageConfig
  /** The page's own URL; defaults to the article's canonical URL. */
  url?: string
  /** Link for a person's profile page. */
  personUrl?: (slug: string) => string
}

const LICENCE_URLS: Record<string, string> = {
  'cc-by-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  cc0: 'https://creativecommons.org/publicdomain/zero/1.0/',
}
const LICENCE_NAMES: Record<string, string> = {
  stock: 'Licensed stock photo',
  owned: 'Owned by the publisher',
  permission: 'Used with permission',
  'all-rights-reserved': 'All rights reserved',
  'partners-only': 'Licensed to listed partners only',
}

export function articleJsonLd(article: ArticleResult, options: ArticleJsonLdOptions): JsonLdNode {
  const medical = article.givesHealthAdvice === true || (article.disclaimers ?? []).some((d) => d.kind === 'medical')
  const url = safeUrl(options.url) ?? safeUrl(article.canonicalUrl)
  const exercises = article.body.flatMap((b) => (b._type === 'exerciseEmbed' && b.exercise ? [b.exercise] : []))
  const uniqueExercises = [...new Map(exercises.map((e) => [e._id, e])).values()]
  const node: JsonLdNode = {
    '@context': 'https://schema.org',
    '@type': medical ? 'MedicalWebPage' : 'Article',
    headline: article.title,
    name: article.title,
    description: article.excerpt,
  }
  set(node, 'url', url)
  set(node, 'datePublished', article.publishedAt ?? undefined)
  set(node, 'dateModified', article.updatedAt ?? undefined)
  set(node, 'image', article.heroImage ? imageObject(article.heroImage, options.images) : undefined)
  set(node, 'author', article.author ? person(article.author, options) : undefined)
  if (medical) {
    set(node, 'reviewedBy', article.reviewer ? person(article.reviewer, options) : undefined)
    set(node, 'lastReviewed', isoDate(article.lastReviewedAt))
  }
  set(node, 'publisher', article.publisher ? organization(article.publisher, options.images) : undefined)
  set(node, 'keywords', article.topics?.length ? article.topics.join(', ') : undefined)
  const licence = article.syndication?.licence
  set(node, 'license', licence ? licenceValue(licence) : undefined)
  set(node, 'creditText', article.syndication?.attributionText ?? undefined)
  set(node, 'about', uniqueExercises.length ? uniqueExercises.map((e) => howTo(e, options.images)) : undefined)
  return node
}

/** An exercise page: the exercise as a HowTo, with its medical review when it has one. */
export function exerciseJsonLd(exercise: ExerciseGuideResult, options: ArticleJsonLdOptions): JsonLdNode {
  const node: JsonLdNode = {'@context': 'https://schema.org', ...howTo(exercise, options.images)}
  set(node, 'url', safeUrl(options.url))
  set(node, 'author', exercise.author ? person(exercise.author, options) : undefined)
  return node
}

export function howTo(exercise: ExerciseGuideResult, images: ImageConfig): JsonLdNode {
  const node: JsonLdNode = {'@type': 'HowTo', name: exercise.name}
  set(node, 'description', exercise.summary ?? undefined)
  set(node, 'image', exercise.media?.[0] ? imageObject(exercise.media[0], images) : undefined)
  const tools = [...new Set((exercise.setups ?? []).flatMap((s) => (s.equipment ?? []).map((e) => e.name)))]
  set(node, 'tool', tools.length ? tools.map((name) => ({'@type': 'HowToTool', name})) : undefined)
  set(
    node,
    'step',
    exercise.steps?.length
      ? exercise.steps.map((step, i) => {
          const s: JsonLdNode = {'@type': 'HowToStep', position: i + 1, text: step.instruction}
          set(s, 'image', step.image ? imageObject(step.image, images) : undefined)
          return s
        })
      : undefined,
  )
  const plans = (exercise.prescriptions ?? []).map((p) => exercisePlan(p, exercise.name))
  set(node, 'hasPart', plans.length ? plans : undefined)
  return node
}

export function exercisePlan(p: PrescriptionResult, exerciseName: string): JsonLdNode {
  const node: JsonLdNode = {'@type': 'ExercisePlan', name: p.goal, exerciseType: exerciseName}
  if (p.reps) node.repetitions = {'@type': 'QuantitativeValue', minValue: p.reps.min, maxValue: p.reps.max, unitText: 'repetitions'}
  set(node, 'description', p.repsDescription ?? undefined)
  const frequency = formatRange(p.frequencyPerWeek)
  set(node, 'activityFrequency', frequency ? `${frequency} times per week` : undefined)
  set(node, 'workload', p.load ?? undefined)
  set(node, 'additionalVariable', p.sets ? `${formatRange(p.sets)} sets` : undefined)
  set(node, 'activityDuration', p.duration ?? undefined)
  return node
}

export function person(p: PersonCardResult, options: Pick<ArticleJsonLdOptions, 'personUrl'>): JsonLdNode {
  const node: JsonLdNode = {'@type': 'Person', name: personName(p)}
  set(node, 'jobTitle', p.headline ?? undefined)
  set(node, 'url', safeUrl(p.slug && options.personUrl ? options.personUrl(p.slug) : undefined) ?? safeUrl(p.website))
  const credentials = (p.credentials ?? []).map((c) => {
    const credential: JsonLdNode = {
      '@type': 'EducationalOccupationalCredential',
      name: c.title,
      credentialCategory: c.kind,
      description: credentialLabel(c),
    }
    set(credential, 'recognizedBy', c.issuingBody ? {'@type': 'Organization', name: c.issuingBody} : undefined)
    set(credential, 'dateCreated', c.year ? String(c.year) : undefined)
    set(credential, 'url', safeUrl(c.verificationUrl))
    return credential
  })
  set(node, 'hasCredential', credentials.length ? credentials : undefined)
  return node
}

export function imageObject(image: ImageResult, images: ImageConfig): JsonLdNode {
  const node: JsonLdNode = {'@type': 'ImageObject', creditText: image.credit}
  // One URL is enough here: the largest standard width the image has.
  const sources = imageSources(toImageSource(image), images, {
    widths: [image.asset?.width && image.asset.width < 1920 ? image.asset.width : 1920],
  })
  set(node, 'contentUrl', sources?.src)
  // The size of contentUrl (after the editor's crop), not of the original upload.
  set(node, 'width', sources?.width ?? image.asset?.width ?? undefined)
  set(node, 'height', sources?.height ?? image.asset?.height ?? undefined)
  set(node, 'caption', image.caption ?? image.alt)
  set(node, 'license', image.licence ? licenceValue(image.licence) : undefined)
  set(node, 'copyrightHolder', image.copyrightHolder ? {'@type': 'Organization', name: image.copyrightHolder} : undefined)
  return node
}

function organization(org: NonNullable<ArticleResult['publisher']>, images: ImageConfig): JsonLdNode {
  const node: JsonLdNode = {'@type': 'Organization', name: org.name}
  set(node, 'url', safeUrl(org.website))
  set(node, 'logo', org.logo ? imageObject(org.logo, images) : undefined)
  return node
}

function licenceValue(licence: string): JsonLdValue {
  return LICENCE_URLS[licence] ?? {'@type': 'CreativeWork', name: LICENCE_NAMES[licence] ?? licence}
}

function set(node: JsonLdNode, property: string, value: JsonLdValue | undefined): void {
  if (value !== undefined && value !== '') node[property] = value
}
