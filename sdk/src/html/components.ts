// HTML strings for the same components as the React entry. Every text goes through escapeHtml,
// every URL through safeUrl (linkHtml); attributes are always quoted.
import {
  aboutSections,
  credentialLabel,
  creditLine,
  formatRange,
  humanize,
  isoDate,
  mistakeParts,
  personName,
  prescriptionNotes,
  relatedSection,
  safetyItems,
  tempoItems,
  variationText,
} from '../format.ts'
import {imageSources, imageStyle, toImageSource, type ImageConfig} from '../image.ts'
import type {
  DisclaimerResult,
  ExerciseCardResult,
  ExerciseGuideResult,
  ImageResult,
  PersonCardResult,
  PrescriptionResult,
} from '../models.ts'
import {escapeHtml as e} from '../portable-text/escape.ts'
import {headingLevel as clamp, type HeadingLevel} from '../portable-text/heading-levels.ts'
import {richTextVocabulary} from '../vocabulary.ts'
import {cls, linkHtml, portableTextToHtml} from './portable-text.ts'

export interface CreditedImageHtmlOptions {
  sizes?: string
  aspectRatio?: number
  widths?: readonly number[]
  className?: string
  loading?: 'lazy' | 'eager'
}

export function creditedImageHtml(image: ImageResult, images: ImageConfig, options: CreditedImageHtmlOptions = {}): string {
  const sources = imageSources(toImageSource(image), images, {
    ...(options.widths ? {widths: options.widths} : {}),
    ...(options.aspectRatio ? {aspectRatio: options.aspectRatio} : {}),
  })
  // Attribute order matches the React entry, so both produce the same markup.
  const img = sources
    ? `<img${attrs({
        src: sources.src,
        srcset: sources.srcSet,
        sizes: options.sizes ?? '100vw',
        width: sources.width,
        height: sources.height,
        alt: image.alt,
        loading: options.loading ?? 'lazy',
        decoding: 'async',
        style: cssText(imageStyle(image, sources)),
      })}/>`
    : ''
  const caption = image.caption ? `<span class="caption">${e(image.caption)}</span>` : ''
  return `<figure${cls(options.className)}>${img}<figcaption>${caption}<small class="credit">${e(creditLine(image))}</small></figcaption></figure>`
}

export interface LinkOptions {
  exerciseHref?: ((slug: string) => string) | undefined
  personHref?: ((slug: string) => string) | undefined
}

export function bylineHtml(
  input: {author: PersonCardResult | null; reviewer?: PersonCardResult | null; publishedAt?: string | null; lastReviewedAt?: string | null},
  options: LinkOptions & {className?: string} = {},
): string {
  const person = (p: PersonCardResult, role: string) => {
    const name =
      p.slug && options.personHref ? linkHtml(options.personHref(p.slug), e(personName(p))) : `<strong>${e(personName(p))}</strong>`
    const headline = p.headline ? `<span class="headline"> · ${e(p.headline)}</span>` : ''
    const credentials = p.credentials?.length
      ? `<ul class="credentials">${p.credentials.map((c) => `<li>${c.verificationUrl ? linkHtml(c.verificationUrl, e(credentialLabel(c))) : e(credentialLabel(c))}</li>`).join('')}</ul>`
      : ''
    return `<div class="person"><p>${e(role)} ${name}${headline}</p>${credentials}</div>`
  }
  const published = isoDate(input.publishedAt)
  const reviewed = isoDate(input.lastReviewedAt)
  const dates =
    published || reviewed
      ? `<p class="dates">${published ? `<span>Published <time datetime="${e(published)}">${e(published)}</time></span>` : ''}${published && reviewed ? ' · ' : ''}${reviewed ? `<span>Last reviewed <time datetime="${e(reviewed)}">${e(reviewed)}</time></span>` : ''}</p>`
      : ''
  return `<div${cls(options.className)}>${input.author ? person(input.author, 'By') : ''}${input.reviewer ? person(input.reviewer, 'Reviewed by') : ''}${dates}</div>`
}

export function disclaimerHtml(disclaimer: DisclaimerResult, options: {tone?: string | null; className?: string} = {}): string {
  const tone = options.tone ?? (disclaimer.kind === 'medical' ? 'caution' : 'info')
  return `<aside${cls(options.className)} role="note" data-kind="${e(disclaimer.kind)}" data-tone="${e(tone)}">${portableTextToHtml(disclaimer.body, richTextVocabulary, {})}</aside>`
}

export function exerciseCardHtml(
  exercise: Pick<ExerciseCardResult, 'name' | 'slug' | 'summary' | 'category' | 'level' | 'primaryMuscles' | 'setups' | 'image'>,
  images: ImageConfig,
  options: LinkOptions & {className?: string; headingLevel?: HeadingLevel} = {},
): string {
  const level = options.headingLevel ?? 3
  const equipment = [...new Set((exercise.setups ?? []).flatMap((s) => (s.equipment ?? []).map((q) => q.name)))]
  const title = exercise.slug && options.exerciseHref ? linkHtml(options.exerciseHref(exercise.slug), e(exercise.name)) : e(exercise.name)
  return [
    `<article${cls(options.className)}>`,
    exercise.image ? creditedImageHtml(exercise.image, images, {sizes: '(min-width: 40em) 20em, 100vw', aspectRatio: 4 / 3}) : '',
    `<h${level}>${title}</h${level}>`,
    `<p class="meta">${e([humanize(exercise.category), exercise.level && humanize(exercise.level)].filter(Boolean).join(' · '))}</p>`,
    exercise.summary ? `<p>${e(exercise.summary)}</p>` : '',
    exercise.primaryMuscles?.length
      ? `<p class="muscles">Works: ${e(exercise.primaryMuscles.map((m) => m.commonName ?? m.name).join(', '))}</p>`
      : '',
    equipment.length ? `<p class="equipment">Equipment: ${e(equipment.join(', '))}</p>` : '',
    '</article>',
  ].join('')
}

export function prescriptionTableHtml(
  prescriptions: readonly PrescriptionResult[],
  options: {title?: string | null; className?: string} = {},
): string {
  const head = ['Goal', 'Sets', 'Reps', 'Per week', 'Notes'].map((c) => `<th scope="col">${c}</th>`).join('')
  const rows = prescriptions
    .map((p) => {
      const goal = `${e(p.goal)}${p.trainingPhase ? `<small> (${e(humanize(p.trainingPhase))})</small>` : ''}`
      const cells = [
        formatRange(p.sets) ?? '',
        formatRange(p.reps) ?? p.repsDescription ?? '',
        formatRange(p.frequencyPerWeek) ?? '',
        prescriptionNotes(p),
      ]
      return `<tr><th scope="row">${goal}</th>${cells.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`
    })
    .join('')
  return `<table${cls(options.className)}>${options.title ? `<caption>${e(options.title)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`
}

export function exerciseGuideHtml(
  exercise: ExerciseGuideResult,
  images: ImageConfig,
  options: {stepsOnly?: boolean; className?: string; headingLevel?: HeadingLevel} = {},
): string {
  const level = options.headingLevel ?? 3
  const title = `<h${level}>${e(exercise.name)}</h${level}>`
  const sub = clamp(level + 1)
  const steps = exercise.steps?.length
    ? `<ol class="steps">${exercise.steps
        .map(
          (s) =>
            `<li><p>${e(s.instruction)}</p>${s.cues?.length ? `<ul class="cues">${s.cues.map((c) => `<li>${e(c)}</li>`).join('')}</ul>` : ''}${s.image ? creditedImageHtml(s.image, images, {sizes: '(min-width: 40em) 30em, 100vw'}) : ''}</li>`,
        )
        .join('')}</ol>`
    : ''
  if (options.stepsOnly) return `<section${cls(options.className)}>${title}${steps}</section>`
  const section = (heading: string, html: string) => (html ? `<div><h${sub}>${e(heading)}</h${sub}>${html}</div>` : '')
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '')
  return [
    `<section${cls(options.className)}>`,
    title,
    exercise.summary ? `<p>${e(exercise.summary)}</p>` : '',
    ...aboutSections(exercise).map((about) => section(about.title, list(about.items.map(e)))),
    section(
      'Setups',
      list(
        (exercise.setups ?? []).map(
          (s) =>
            `<strong>${e(s.name)}</strong>${s.equipment?.length ? e(` (${s.equipment.map((q) => q.name).join(' + ')})`) : ''}${s.instructions ? e(`: ${s.instructions}`) : ''}`,
        ),
      ),
    ),
    section('Steps', steps),
    section('Tempo', list(tempoItems(exercise.tempo).map(e))),
    section('Sets and reps', exercise.prescriptions?.length ? prescriptionTableHtml(exercise.prescriptions) : ''),
    section(
      'Variations',
      list((exercise.variations ?? []).map((v) => `<strong>${e(v.name)}</strong>${e(` (${humanize(v.change)}): ${variationText(v)}`)}`)),
    ),
    section('Common mistakes', list((exercise.commonMistakes ?? []).map(mistakeHtml))),
    section('Safety', list(safetyItems(exercise).map((item) => e(item.text)))),
    section(relatedSection(exercise).title, list(relatedSection(exercise).items.map(e))),
    (exercise.disclaimers ?? []).map((d) => disclaimerHtml(d)).join(''),
    '</section>',
  ].join('')
}

function mistakeHtml(m: NonNullable<ExerciseGuideResult['commonMistakes']>[number]): string {
  const {mistake, correction} = mistakeParts(m)
  return `${e(mistake)}${correction ? ` <span class="correction">${e(correction)}</span>` : ''}`
}

/** A style object as React writes it: `object-fit:cover;object-position:50% 30%`. */
function cssText(style: Record<string, string> | undefined): string | undefined {
  if (!style) return undefined
  return Object.entries(style)
    .map(([name, value]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`)
    .join(';')
}

/** ` name="value"` pairs, escaped, skipping undefined values. */
function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${e(String(value))}"`)
    .join('')
}
