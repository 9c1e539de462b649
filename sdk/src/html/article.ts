// Article body and full article as HTML, with the same block coverage as the React entry:
// `ArticleBlockHtmlRenderers` maps every custom block type, so a missing one fails to compile.
import {personName} from '../format.ts'
import type {ImageConfig} from '../image.ts'
import {isValidArticleBlock} from '../block-models.ts'
import type {ArticleBodyBlock, ArticleResult} from '../models.ts'
import {embedHeadingLevels, type HeadingLevel} from '../portable-text/heading-levels.ts'
import type {Warn} from '../portable-text/normalize.ts'
import {escapeHtml as e} from '../portable-text/escape.ts'
import {articleBodyVocabulary} from '../vocabulary.ts'
import {
  bylineHtml,
  creditedImageHtml,
  disclaimerHtml,
  exerciseCardHtml,
  exerciseGuideHtml,
  prescriptionTableHtml,
  type LinkOptions,
} from './components.ts'
import {cls, editAttr, linkHtml, portableTextToHtml} from './portable-text.ts'
import {type EditPathSegment, editProps, partContext, partEditProps, type StudioEditContext} from '../studio-edit.ts'

export type ArticleCustomBlockType = Exclude<ArticleBodyBlock['_type'], 'block'>

export interface ArticleBlockHtmlContext extends LinkOptions {
  images: ImageConfig
  /** The level a heading opening this block takes: one below the section it sits in. */
  headingLevel: HeadingLevel
  /** Click-to-edit context with this block as its document part (draft mode only). */
  edit?: StudioEditContext | undefined
}

export type ArticleBlockHtmlRenderers = {
  [T in ArticleCustomBlockType]: (value: Extract<ArticleBodyBlock, {_type: T}>, context: ArticleBlockHtmlContext) => string
}

export const articleBlockHtmlRenderers = {
  exerciseEmbed: (value, {images, exerciseHref, headingLevel, edit}) => {
    if (!value.exercise) return ''
    const at = partEditProps(edit)
    // The embedded exercise is its own document: its parts point at it, not at the article.
    const embed =
      value.display === 'full' || value.display === 'steps'
        ? exerciseGuideHtml(value.exercise, images, {stepsOnly: value.display === 'steps', headingLevel, edit})
        : exerciseCardHtml({...value.exercise, image: value.exercise.media?.[0] ?? null}, images, {exerciseHref, headingLevel, edit})
    return `<div class="exercise-embed" data-display="${e(value.display ?? 'card')}"${editAttr(at('exercise'))}>${embed}${value.note ? `<p class="note"${editAttr(at('note'))}>${e(value.note)}</p>` : ''}</div>`
  },
  prescriptionTable: (value, {edit}) =>
    prescriptionTableHtml(value.prescriptions, {
      title: value.title ?? value.exercise?.name ?? null,
      className: 'prescription-table',
      ...(edit?.document ? {edit: partContext(edit, edit.document.id, edit.document.type, [...(edit.path ?? []), 'prescriptions'])} : {}),
    }),
  disclaimerCallout: (value, {edit}) =>
    value.disclaimer ? disclaimerHtml(value.disclaimer, {tone: value.tone, className: 'disclaimer-callout', edit}) : '',
  creditedImage: (value, {images, edit}) => creditedImageHtml(value, images, {sizes: '(min-width: 48em) 48em, 100vw', edit}),
  citation: (value, {personHref, edit}) => {
    const at = partEditProps(edit)
    const who = value.attributedTo
    const statistic =
      value.statisticValue !== null
        ? `<p class="statistic"${editAttr(at('statisticValue'))}>${e(`${value.statisticValue}${value.statisticUnit ?? ''}`)}</p>`
        : ''
    const source = value.sourceTitle ?? value.sourceUrl
    const parts = [
      who ? (who.slug && personHref ? linkHtml(personHref(who.slug), e(personName(who))) : e(personName(who))) : '',
      who && source ? ' · ' : '',
      source ? (value.sourceUrl ? linkHtml(value.sourceUrl, e(source)) : e(source)) : '',
    ]
    return `<figure class="citation" data-kind="${e(value.kind)}">${statistic}<blockquote${editAttr(at('claim'))}>${e(value.claim)}</blockquote>${who || source ? `<figcaption>${parts.join('')}</figcaption>` : ''}</figure>`
  },
  pullQuote: (value, {edit}) => {
    const by = value.speaker ? personName(value.speaker) : value.attribution
    return `<figure class="pull-quote"><blockquote${editAttr(partEditProps(edit)('quote'))}>${e(value.quote)}</blockquote>${by ? `<figcaption>${e(`— ${by}`)}</figcaption>` : ''}</figure>`
  },
} satisfies ArticleBlockHtmlRenderers

export interface ArticleHtmlOptions extends LinkOptions {
  images: ImageConfig
  renderers?: Partial<ArticleBlockHtmlRenderers>
  className?: string
  onWarning?: Warn
  /** The level of the body's own sections (default 2, under the article's h1): embeds before the first heading open at it. */
  headingLevel?: HeadingLevel
  /**
   * Click-to-edit attributes (draft mode only), as the React components take them: for
   * `articleToHtml` the Studio alone, for `articleBodyToHtml` with the body's document and field,
   * e.g. `{...studio, document: {id: article._id, type: 'article'}, path: ['body']}`.
   */
  edit?: StudioEditContext | undefined
}

export function articleBodyToHtml(body: unknown, options: ArticleHtmlOptions): string {
  const all: ArticleBlockHtmlRenderers = {...articleBlockHtmlRenderers, ...options.renderers}
  const top = options.headingLevel ?? 2
  const levels = embedHeadingLevels(body, top)
  const {edit} = options
  const context = {images: options.images, exerciseHref: options.exerciseHref, personHref: options.personHref}
  const types: Record<string, (props: {value: {_key?: string}}) => string> = {}
  for (const type of articleBodyVocabulary.types) {
    const render = all[type] as (value: unknown, context: ArticleBlockHtmlContext) => string
    types[type] = ({value}) => {
      // Each block's renderer gets the context of its own place in the body.
      const blockEdit =
        edit?.document && value._key
          ? partContext(edit, edit.document.id, edit.document.type, [...(edit.path ?? []), {_key: value._key}])
          : edit
      return render(value, {...context, headingLevel: (value._key && levels.get(value._key)) || top, edit: blockEdit})
    }
  }
  const editBlock = edit?.document ? partEditProps(edit) : undefined
  return portableTextToHtml(body, articleBodyVocabulary, {types}, options.onWarning, isValidArticleBlock, editBlock)
}

export function articleToHtml(article: ArticleResult, options: ArticleHtmlOptions): string {
  const {className, edit, ...rest} = options
  const at = editProps(edit, article._id, 'article')
  const field = (...path: EditPathSegment[]) => ({edit: edit ? partContext(edit, article._id, 'article', path) : undefined})
  return [
    `<article${cls(className)}>`,
    `<h1${editAttr(at('title'))}>${e(article.title)}</h1>`,
    article.heroImage
      ? creditedImageHtml(article.heroImage, options.images, {loading: 'eager', className: 'hero', ...field('heroImage')})
      : '',
    bylineHtml(article, {...rest, ...field()}),
    articleBodyToHtml(article.body, {...rest, ...field('body')}),
    (article.disclaimers ?? []).map((d) => disclaimerHtml(d, {className: 'disclaimer', edit})).join(''),
    '</article>',
  ].join('')
}
