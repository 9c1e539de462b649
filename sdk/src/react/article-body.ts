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
import {partContext, partEditProps, type StudioEditContext} from '../studio-edit.ts'
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
  /** Click-to-edit context with this block as its document part (draft mode only). */
  edit?: StudioEditContext | undefined
}

export type ArticleBlockRenderers = {
  [T in ArticleCustomBlockType]: (props: ArticleBlockRendererProps<T>) => ReactNode
}

export const articleBlockRenderers = {
  exerciseEmbed: ({value, images, exerciseHref, headingLevel, edit}) => {
    if (!value.exercise) return null
    const at = partEditProps(edit)
    // The embedded exercise is its own document: its parts point at it, not at the article.
    const embedEdit = edit ? {edit} : {}
    const embed =
      value.display === 'full' || value.display === 'steps'
        ? ExerciseGuide({exercise: value.exercise, images, stepsOnly: value.display === 'steps', headingLevel, ...embedEdit})
        : ExerciseCard({
            exercise: {...value.exercise, image: value.exercise.media?.[0] ?? null},
            images,
            headingLevel,
            ...(exerciseHref ? {exerciseHref} : {}),
            ...embedEdit,
          })
    return h(
      'div',
      {className: 'exercise-embed', 'data-display': value.display ?? 'card', ...at('exercise')},
      embed,
      value.note ? h('p', {className: 'note', ...at('note')}, value.note) : null,
    )
  },
  prescriptionTable: ({value, edit}) =>
    PrescriptionTable({
      prescriptions: value.prescriptions,
      title: value.title ?? value.exercise?.name ?? null,
      className: 'prescription-table',
      ...(edit?.document ? {edit: partContext(edit, edit.document.id, edit.document.type, [...(edit.path ?? []), 'prescriptions'])} : {}),
    }),
  disclaimerCallout: ({value, edit}) =>
    value.disclaimer
      ? Disclaimer({disclaimer: value.disclaimer, tone: value.tone, className: 'disclaimer-callout', ...(edit ? {edit} : {})})
      : null,
  creditedImage: ({value, images, edit}) =>
    CreditedImage({image: value, images, sizes: '(min-width: 48em) 48em, 100vw', ...(edit ? {edit} : {})}),
  citation: ({value, personHref, edit}) => {
    const at = partEditProps(edit)
    const who = value.attributedTo
    const statistic = value.statisticValue !== null ? `${value.statisticValue}${value.statisticUnit ?? ''}` : null
    const source = value.sourceTitle ?? value.sourceUrl
    return h(
      'figure',
      {className: 'citation', 'data-kind': value.kind},
      statistic ? h('p', {className: 'statistic', ...at('statisticValue')}, statistic) : null,
      h('blockquote', at('claim'), value.claim),
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
  pullQuote: ({value, edit}) => {
    const by = value.speaker ? personName(value.speaker) : value.attribution
    return h(
      'figure',
      {className: 'pull-quote'},
      h('blockquote', partEditProps(edit)('quote'), value.quote),
      by ? h('figcaption', null, `— ${by}`) : null,
    )
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
  /**
   * Click-to-edit attributes (draft mode only), with the body's document and field, e.g.
   * `{...studio, document: {id: article._id, type: 'article'}, path: ['body']}`.
   */
  edit?: StudioEditContext
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
  edit,
}: ArticleBodyProps): ReactNode {
  const all: ArticleBlockRenderers = renderers ? {...articleBlockRenderers, ...renderers} : articleBlockRenderers
  const levels = embedHeadingLevels(value, headingLevel)
  const types: Record<string, (props: {value: {_key?: string}}) => ReactNode> = {}
  const at = partEditProps(edit)
  for (const type of articleBodyVocabulary.types) {
    const render = all[type] as (props: ArticleBlockRendererProps<typeof type>) => ReactNode
    types[type] = ({value: block}) => {
      // Each block's renderer gets the context of its own place in the body (no wrapper element in
      // draft mode, so the layout stays the same: the renderers mark the block's fields).
      const blockEdit =
        edit?.document && block._key
          ? partContext(edit, edit.document.id, edit.document.type, [...(edit.path ?? []), {_key: block._key}])
          : edit
      return render({
        value: block as ArticleBlockRendererProps<typeof type>['value'],
        images,
        exerciseHref,
        personHref,
        headingLevel: (block._key && levels.get(block._key)) || headingLevel,
        edit: blockEdit,
      })
    }
  }
  // Called, not rendered as an element: it has no hooks, so this saves a component per body.
  const body = SafePortableText({
    value,
    vocabulary: articleBodyVocabulary,
    types,
    isValid: isValidArticleBlock,
    ...(onWarning ? {onWarning} : {}),
    ...(edit?.document ? {editBlock: at} : {}),
  })
  return className ? h('div', {className}, body) : body
}
