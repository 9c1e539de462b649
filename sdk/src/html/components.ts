// HTML strings for the same components as the React entry. Every text goes through escapeHtml,
// every URL through safeUrl (linkHtml); attributes are always quoted.
import {
  aboutSections,
  credentialLabel,
  creditLine,
  humanize,
  isoDate,
  mistakeParts,
  personName,
  prescriptionCells,
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
import {type EditPath, type EditProps, editProps, partContext, partEditProps, type StudioEditContext} from '../studio-edit.ts'
import {richTextVocabulary} from '../vocabulary.ts'
import {cls, editAttr, linkHtml, portableTextToHtml} from './portable-text.ts'

/** Click-to-edit attributes (draft mode only), as the React components take them. */
export interface EditHtmlOptions {
  edit?: StudioEditContext | undefined
}

export interface CreditedImageHtmlOptions {
  sizes?: string
  aspectRatio?: number
  widths?: readonly number[]
  className?: string
  loading?: 'lazy' | 'eager'
  /** With the image's document and field path (see StudioEditContext.document). */
  edit?: StudioEditContext | undefined
}

export function creditedImageHtml(image: ImageResult, images: ImageConfig, options: CreditedImageHtmlOptions = {}): string {
  const at = partEditProps(options.edit)
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
        'data-sanity': at('alt')['data-sanity'],
      })}/>`
    : ''
  const caption = image.caption ? `<span class="caption"${editAttr(at('caption'))}>${e(image.caption)}</span>` : ''
  return `<figure${cls(options.className)}>${img}<figcaption>${caption}<small class="credit"${editAttr(at('credit'))}>${e(creditLine(image))}</small></figcaption></figure>`
}

export interface LinkOptions {
  exerciseHref?: ((slug: string) => string) | undefined
  personHref?: ((slug: string) => string) | undefined
}

export function bylineHtml(
  input: {author: PersonCardResult | null; reviewer?: PersonCardResult | null; publishedAt?: string | null; lastReviewedAt?: string | null},
  options: LinkOptions & EditHtmlOptions & {className?: string} = {},
): string {
  const person = (p: PersonCardResult, role: string) => {
    const at = editProps(options.edit, p._id, 'person')
    // An unnamed author shows their descriptor instead.
    const nameField = at(p.name?.trim() ? 'name' : 'descriptor')
    const name =
      p.slug && options.personHref
        ? linkHtml(options.personHref(p.slug), e(personName(p)), undefined, nameField)
        : `<strong${editAttr(nameField)}>${e(personName(p))}</strong>`
    const headline = p.headline ? `<span class="headline"${editAttr(at('headline'))}> · ${e(p.headline)}</span>` : ''
    const credentials = p.credentials?.length
      ? `<ul class="credentials">${p.credentials.map((c) => `<li${editAttr(at('credentials', {_key: c._key}))}>${c.verificationUrl ? linkHtml(c.verificationUrl, e(credentialLabel(c))) : e(credentialLabel(c))}</li>`).join('')}</ul>`
      : ''
    return `<div class="person"><p>${e(role)} ${name}${headline}</p>${credentials}</div>`
  }
  const at = partEditProps(options.edit)
  const published = isoDate(input.publishedAt)
  const reviewed = isoDate(input.lastReviewedAt)
  const dates =
    published || reviewed
      ? `<p class="dates">${published ? `<span>Published <time datetime="${e(published)}"${editAttr(at('publishedAt'))}>${e(published)}</time></span>` : ''}${published && reviewed ? ' · ' : ''}${reviewed ? `<span>Last reviewed <time datetime="${e(reviewed)}"${editAttr(at('lastReviewedAt'))}>${e(reviewed)}</time></span>` : ''}</p>`
      : ''
  return `<div${cls(options.className)}>${input.author ? person(input.author, 'By') : ''}${input.reviewer ? person(input.reviewer, 'Reviewed by') : ''}${dates}</div>`
}

export function disclaimerHtml(
  disclaimer: DisclaimerResult,
  options: EditHtmlOptions & {tone?: string | null; className?: string} = {},
): string {
  const tone = options.tone ?? (disclaimer.kind === 'medical' ? 'caution' : 'info')
  const at = editProps(options.edit, disclaimer._id, 'disclaimer')
  const body = portableTextToHtml(
    disclaimer.body,
    richTextVocabulary,
    {},
    undefined,
    undefined,
    options.edit ? (key) => at('body', key) : undefined,
  )
  return `<aside${cls(options.className)} role="note" data-kind="${e(disclaimer.kind)}" data-tone="${e(tone)}"${editAttr(at('body'))}>${body}</aside>`
}

export function exerciseCardHtml(
  exercise: Partial<Pick<ExerciseCardResult, '_id'>> &
    Pick<ExerciseCardResult, 'name' | 'slug' | 'summary' | 'category' | 'level' | 'primaryMuscles' | 'setups' | 'image'>,
  images: ImageConfig,
  options: LinkOptions & EditHtmlOptions & {className?: string; headingLevel?: HeadingLevel} = {},
): string {
  const level = options.headingLevel ?? 3
  const {edit} = options
  const at = editProps(edit, exercise._id, 'exercise')
  const equipment = [...new Set((exercise.setups ?? []).flatMap((s) => (s.equipment ?? []).map((q) => q.name)))]
  const title = exercise.slug && options.exerciseHref ? linkHtml(options.exerciseHref(exercise.slug), e(exercise.name)) : e(exercise.name)
  return [
    `<article${cls(options.className)}>`,
    exercise.image
      ? creditedImageHtml(exercise.image, images, {
          sizes: '(min-width: 40em) 20em, 100vw',
          aspectRatio: 4 / 3,
          // The card's image is the exercise's first medium.
          ...(edit && exercise._id ? {edit: partContext(edit, exercise._id, 'exercise', ['media', 0])} : {}),
        })
      : '',
    `<h${level}${editAttr(at('name'))}>${title}</h${level}>`,
    `<p class="meta">${e([humanize(exercise.category), exercise.level && humanize(exercise.level)].filter(Boolean).join(' · '))}</p>`,
    exercise.summary ? `<p${editAttr(at('summary'))}>${e(exercise.summary)}</p>` : '',
    exercise.primaryMuscles?.length
      ? `<p class="muscles">Works: ${e(exercise.primaryMuscles.map((m) => m.commonName ?? m.name).join(', '))}</p>`
      : '',
    equipment.length ? `<p class="equipment">Equipment: ${e(equipment.join(', '))}</p>` : '',
    '</article>',
  ].join('')
}

export function prescriptionTableHtml(
  prescriptions: readonly PrescriptionResult[],
  options: EditHtmlOptions & {title?: string | null; className?: string} = {},
): string {
  const at = partEditProps(options.edit)
  const head = ['Goal', 'Sets', 'Reps', 'Per week', 'Notes'].map((c) => `<th scope="col">${c}</th>`).join('')
  const rows = prescriptions
    .map((p) => {
      const goal = `${e(p.goal)}${p.trainingPhase ? `<small> (${e(humanize(p.trainingPhase))})</small>` : ''}`
      const cells = prescriptionCells(p)
        .map((c) => `<td${c.field ? editAttr(at({_key: p._key}, c.field)) : ''}>${e(c.text)}</td>`)
        .join('')
      return `<tr${editAttr(at({_key: p._key}))}><th scope="row"${editAttr(at({_key: p._key}, 'goal'))}>${goal}</th>${cells}</tr>`
    })
    .join('')
  return `<table${cls(options.className)}>${options.title ? `<caption>${e(options.title)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`
}

export function exerciseGuideHtml(
  exercise: ExerciseGuideResult,
  images: ImageConfig,
  options: EditHtmlOptions & {stepsOnly?: boolean; className?: string; headingLevel?: HeadingLevel} = {},
): string {
  const {edit} = options
  const at = editProps(edit, exercise._id, 'exercise')
  const part = (path: EditPath) => (edit ? {edit: partContext(edit, exercise._id, 'exercise', path)} : {})
  const level = options.headingLevel ?? 3
  const title = `<h${level}${editAttr(at('name'))}>${e(exercise.name)}</h${level}>`
  const sub = clamp(level + 1)
  const steps = exercise.steps?.length
    ? `<ol class="steps"${editAttr(at('steps'))}>${exercise.steps.map((s) => stepHtml(s, images, at, part)).join('')}</ol>`
    : ''
  if (options.stepsOnly) return `<section${cls(options.className)}>${title}${steps}</section>`
  const section = (heading: string, html: string) => (html ? `<div><h${sub}>${e(heading)}</h${sub}>${html}</div>` : '')
  // Items as HTML, each with its click-to-edit attribute.
  const list = (items: string[], edits: ReadonlyArray<{'data-sanity'?: string}> = []) =>
    items.length ? `<ul>${items.map((item, i) => `<li${editAttr(edits[i] ?? {})}>${item}</li>`).join('')}</ul>` : ''
  const tempo = tempoItems(exercise.tempo)
  // The cues come last, after the seconds line when there is one.
  const tempoCues = tempo.length - (exercise.tempo?.cues?.length ?? 0)
  const notes = exercise.safetyNotes?.length ?? 0
  const related = relatedSection(exercise)
  return [
    `<section${cls(options.className)}>`,
    title,
    exercise.summary ? `<p${editAttr(at('summary'))}>${e(exercise.summary)}</p>` : '',
    ...aboutSections(exercise).map((about) =>
      section(
        about.title,
        list(
          about.items.map(e),
          about.paths.map((path) => at(...path)),
        ),
      ),
    ),
    section(
      'Setups',
      list(
        (exercise.setups ?? []).map(
          (s) =>
            `<strong>${e(s.name)}</strong>${s.equipment?.length ? e(` (${s.equipment.map((q) => q.name).join(' + ')})`) : ''}${s.instructions ? e(`: ${s.instructions}`) : ''}`,
        ),
        (exercise.setups ?? []).map((s) => at('setups', {_key: s._key})),
      ),
    ),
    section('Steps', steps),
    section(
      'Tempo',
      list(
        tempo.map(e),
        tempo.map((_, i) => (i >= tempoCues ? at('tempo', 'cues', i - tempoCues) : at('tempo'))),
      ),
    ),
    section('Sets and reps', exercise.prescriptions?.length ? prescriptionTableHtml(exercise.prescriptions, part(['prescriptions'])) : ''),
    section(
      'Variations',
      list(
        (exercise.variations ?? []).map((v) => `<strong>${e(v.name)}</strong>${e(` (${humanize(v.change)}): ${variationText(v)}`)}`),
        (exercise.variations ?? []).map((v) => at('variations', {_key: v._key})),
      ),
    ),
    section(
      'Common mistakes',
      list(
        (exercise.commonMistakes ?? []).map((m) => mistakeHtml(m, at)),
        (exercise.commonMistakes ?? []).map((m) => at('commonMistakes', {_key: m._key})),
      ),
    ),
    section(
      'Safety',
      list(
        safetyItems(exercise).map((item) => e(item.text)),
        safetyItems(exercise).map((item, i) => at(i < notes ? 'safetyNotes' : 'contraindications', {_key: item.key})),
      ),
    ),
    section(
      related.title,
      list(
        related.items.map(e),
        (exercise.relatedExercises ?? []).map((r) => at('relatedExercises', {_key: r._key})),
      ),
    ),
    (exercise.disclaimers ?? []).map((d) => disclaimerHtml(d, edit ? {edit} : {})).join(''),
    '</section>',
  ].join('')
}

type Step = NonNullable<ExerciseGuideResult['steps']>[number]

function stepHtml(step: Step, images: ImageConfig, at: EditProps, part: (path: EditPath) => EditHtmlOptions): string {
  const item = ['steps', {_key: step._key}] as const
  const cues = step.cues?.length
    ? `<ul class="cues">${step.cues.map((c, i) => `<li${editAttr(at(...item, 'cues', i))}>${e(c)}</li>`).join('')}</ul>`
    : ''
  const image = step.image
    ? creditedImageHtml(step.image, images, {sizes: '(min-width: 40em) 30em, 100vw', ...part([...item, 'image'])})
    : ''
  return `<li${editAttr(at(...item))}><p${editAttr(at(...item, 'instruction'))}>${e(step.instruction)}</p>${cues}${image}</li>`
}

function mistakeHtml(m: NonNullable<ExerciseGuideResult['commonMistakes']>[number], at: EditProps): string {
  const {mistake, correction} = mistakeParts(m)
  const attr = editAttr(at('commonMistakes', {_key: m._key}, 'correction'))
  return `${e(mistake)}${correction ? ` <span class="correction"${attr}>${e(correction)}</span>` : ''}`
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
