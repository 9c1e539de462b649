// <ArticleBody>: an article's Portable Text with a renderer for every block type the schema
// allows. `ArticleBlockRenderers` is a complete mapping, so adding a block type to the model
// (and so to ArticleBodyBlock) without a renderer here fails to compile.
import {createElement as h, type ReactNode} from 'react'
import {personName} from '../format.ts'
import type {ImageConfig} from '../image.ts'
import {isValidArticleBlock} from '../block-models.ts'
import type {ArticleBodyBlock, ArticleBodyResult} from '../models.ts'
import {embedHeadingLevels, type HeadingLevel} from '../portable-text/heading-levels.ts'
import type {Warn} from '../portable-text/normalize.ts'
import {articleBodyVocabulary} from '../vocabulary.ts'
import {CreditedImage} from './credited-image.ts'
import {Disclaimer} from './disclaimer.ts'
import {ExerciseCard} from './exercise-card.ts'
import {ExerciseGuide} from './exercise-guide.ts'
import {SafePortableText} from './portable-text.ts'
import {PrescriptionTable} from './prescription-table.ts'
import {SafeLink} from './safe-link.ts'

/** The custom (non-text) block types of an article body. */
export type ArticleCustomBlockType = Exclude<ArticleBodyBlock['_type'], 'block'>

export interface ArticleBlockRendererProps<T extends ArticleCustomBlockType> {
  value: Extract<ArticleBodyBlock, {_type: T}>
  images: ImageConfig
  exerciseHref?: ((slug: string) => string) | undefined
  personHref?: ((slug: string) => string) | undefined
  /** The level a heading opening this block takes: one below the section it sits in. */
  headingLevel: HeadingLevel
}

export type ArticleBlockRenderers = {
  [T in ArticleCustomBlockType]: (props: ArticleBlockRendererProps<T>) => ReactNode
}

export const articleBlockRenderers = {
  exerciseEmbed: ({value, images, exerciseHref, headingLevel}) => {
    if (!value.exercise) return null
    const embed =
      value.display === 'full' || value.display === 'steps'
        ? ExerciseGuide({exercise: value.exercise, images, stepsOnly: value.display === 'steps', headingLevel})
        : ExerciseCard({
            exercise: {...value.exercise, image: value.exercise.media?.[0] ?? null},
            images,
            headingLevel,
            ...(exerciseHref ? {exerciseHref} : {}),
          })
    return h(
      'div',
      {className: 'exercise-embed', 'data-display': value.display ?? 'card'},
      embed,
      value.note ? h('p', {className: 'note'}, value.note) : null,
    )
  },
  prescriptionTable: ({value}) =>
    PrescriptionTable({
      prescriptions: value.prescriptions,
      title: value.title ?? value.exercise?.name ?? null,
      className: 'prescription-table',
    }),
  disclaimerCallout: ({value}) =>
    value.disclaimer ? Disclaimer({disclaimer: value.disclaimer, tone: value.tone, className: 'disclaimer-callout'}) : null,
  creditedImage: ({value, images}) => CreditedImage({image: value, images, sizes: '(min-width: 48em) 48em, 100vw'}),
  citation: ({value, personHref}) => {
    const who = value.attributedTo
    const statistic = value.statisticValue !== null ? `${value.statisticValue}${value.statisticUnit ?? ''}` : null
    const source = value.sourceTitle ?? value.sourceUrl
    return h(
      'figure',
      {className: 'citation', 'data-kind': value.kind},
      statistic ? h('p', {className: 'statistic'}, statistic) : null,
      h('blockquote', null, value.claim),
      who || source
        ? h(
            'figcaption',
            null,
            who ? (who.slug && personHref ? SafeLink({href: personHref(who.slug), children: personName(who)}) : personName(who)) : null,
            who && source ? ' · ' : null,
            source ? (value.sourceUrl ? SafeLink({href: value.sourceUrl, children: source}) : source) : null,
          )
        : null,
    )
  },
  pullQuote: ({value}) => {
    const by = value.speaker ? personName(value.speaker) : value.attribution
    return h('figure', {className: 'pull-quote'}, h('blockquote', null, value.quote), by ? h('figcaption', null, `— ${by}`) : null)
  },
} satisfies ArticleBlockRenderers

export interface ArticleBodyProps {
  value: ArticleBodyResult
  images: ImageConfig
  /** Replace any block type's renderer. */
  renderers?: Partial<ArticleBlockRenderers>
  exerciseHref?: (slug: string) => string
  personHref?: (slug: string) => string
  className?: string
  /** Called for content outside the schema (skipped); default: console.warn outside production. */
  onWarning?: Warn
  /** The level of the body's own sections (default 2, under the page's h1): embeds before the first heading open at it. */
  headingLevel?: HeadingLevel
}

export function ArticleBody({
  value,
  images,
  renderers,
  exerciseHref,
  personHref,
  className,
  onWarning,
  headingLevel = 2,
}: ArticleBodyProps): ReactNode {
  const all: ArticleBlockRenderers = renderers ? {...articleBlockRenderers, ...renderers} : articleBlockRenderers
  const levels = embedHeadingLevels(value, headingLevel)
  const types: Record<string, (props: {value: {_key?: string}}) => ReactNode> = {}
  for (const type of articleBodyVocabulary.types) {
    const render = all[type] as (props: ArticleBlockRendererProps<typeof type>) => ReactNode
    types[type] = ({value: block}) =>
      render({
        value: block as ArticleBlockRendererProps<typeof type>['value'],
        images,
        exerciseHref,
        personHref,
        headingLevel: (block._key && levels.get(block._key)) || headingLevel,
      })
  }
  // Called, not rendered as an element: it has no hooks, so this saves a component per body.
  const body = SafePortableText({
    value,
    vocabulary: articleBodyVocabulary,
    types,
    isValid: isValidArticleBlock,
    ...(onWarning ? {onWarning} : {}),
  })
  return className ? h('div', {className}, body) : body
}
