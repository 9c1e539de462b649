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
import {cls, linkHtml, portableTextToHtml} from './portable-text.ts'

export type ArticleCustomBlockType = Exclude<ArticleBodyBlock['_type'], 'block'>

export interface ArticleBlockHtmlContext extends LinkOptions {
  images: ImageConfig
  /** The level a heading opening this block takes: one below the section it sits in. */
  headingLevel: HeadingLevel
}

export type ArticleBlockHtmlRenderers = {
  [T in ArticleCustomBlockType]: (value: Extract<ArticleBodyBlock, {_type: T}>, context: ArticleBlockHtmlContext) => string
}

export const articleBlockHtmlRenderers = {
  exerciseEmbed: (value, {images, exerciseHref, headingLevel}) => {
    if (!value.exercise) return ''
    const embed =
      value.display === 'full' || value.display === 'steps'
        ? exerciseGuideHtml(value.exercise, images, {stepsOnly: value.display === 'steps', headingLevel})
        : exerciseCardHtml({...value.exercise, image: value.exercise.media?.[0] ?? null}, images, {exerciseHref, headingLevel})
    return `<div class="exercise-embed" data-display="${e(value.display ?? 'card')}">${embed}${value.note ? `<p class="note">${e(value.note)}</p>` : ''}</div>`
  },
  prescriptionTable: (value) =>
    prescriptionTableHtml(value.prescriptions, {title: value.title ?? value.exercise?.name ?? null, className: 'prescription-table'}),
  disclaimerCallout: (value) =>
    value.disclaimer ? disclaimerHtml(value.disclaimer, {tone: value.tone, className: 'disclaimer-callout'}) : '',
  creditedImage: (value, {images}) => creditedImageHtml(value, images, {sizes: '(min-width: 48em) 48em, 100vw'}),
  citation: (value, {personHref}) => {
    const who = value.attributedTo
    const statistic =
      value.statisticValue !== null ? `<p class="statistic">${e(`${value.statisticValue}${value.statisticUnit ?? ''}`)}</p>` : ''
    const source = value.sourceTitle ?? value.sourceUrl
    const parts = [
      who ? (who.slug && personHref ? linkHtml(personHref(who.slug), e(personName(who))) : e(personName(who))) : '',
      who && source ? ' · ' : '',
      source ? (value.sourceUrl ? linkHtml(value.sourceUrl, e(source)) : e(source)) : '',
    ]
    return `<figure class="citation" data-kind="${e(value.kind)}">${statistic}<blockquote>${e(value.claim)}</blockquote>${who || source ? `<figcaption>${parts.join('')}</figcaption>` : ''}</figure>`
  },
  pullQuote: (value) => {
    const by = value.speaker ? personName(value.speaker) : value.attribution
    return `<figure class="pull-quote"><blockquote>${e(value.quote)}</blockquote>${by ? `<figcaption>${e(`— ${by}`)}</figcaption>` : ''}</figure>`
  },
} satisfies ArticleBlockHtmlRenderers

export interface ArticleHtmlOptions extends LinkOptions {
  images: ImageConfig
  renderers?: Partial<ArticleBlockHtmlRenderers>
  className?: string
  onWarning?: Warn
  /** The level of the body's own sections (default 2, under the article's h1): embeds before the first heading open at it. */
  headingLevel?: HeadingLevel
}

export function articleBodyToHtml(body: unknown, options: ArticleHtmlOptions): string {
  const all: ArticleBlockHtmlRenderers = {...articleBlockHtmlRenderers, ...options.renderers}
  const top = options.headingLevel ?? 2
  const levels = embedHeadingLevels(body, top)
  const context = {images: options.images, exerciseHref: options.exerciseHref, personHref: options.personHref}
  const types: Record<string, (props: {value: {_key?: string}}) => string> = {}
  for (const type of articleBodyVocabulary.types) {
    const render = all[type] as (value: unknown, context: ArticleBlockHtmlContext) => string
    types[type] = ({value}) => render(value, {...context, headingLevel: (value._key && levels.get(value._key)) || top})
  }
  return portableTextToHtml(body, articleBodyVocabulary, {types}, options.onWarning, isValidArticleBlock)
}

export function articleToHtml(article: ArticleResult, options: ArticleHtmlOptions): string {
  const {className, ...rest} = options
  return [
    `<article${cls(className)}>`,
    `<h1>${e(article.title)}</h1>`,
    article.heroImage ? creditedImageHtml(article.heroImage, options.images, {loading: 'eager', className: 'hero'}) : '',
    bylineHtml(article, rest),
    articleBodyToHtml(article.body, rest),
    (article.disclaimers ?? []).map((d) => disclaimerHtml(d, {className: 'disclaimer'})).join(''),
    '</article>',
  ].join('')
}
