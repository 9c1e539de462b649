// @spotter/sdk/markdown: articles as CommonMark. All content text is escaped, so no raw HTML or
// Markdown syntax from the content survives; links only where safeUrl allows.
import {citationSource, credentialLabel, creditLine, guideSections, isoDate, personName, prescriptionLine, sentence} from '../format.ts'
import {imageSources, toImageSource, type ImageConfig} from '../image.ts'
import {isValidArticleBlock} from '../block-models.ts'
import type {ArticleBodyBlock, ArticleResult, ImageResult, PersonCardResult} from '../models.ts'
import {escapeMarkdown as md, markdownUrl} from '../portable-text/escape.ts'
import {normalizePortableText, type Warn} from '../portable-text/normalize.ts'
import {blocksToMarkdown, type MarkdownSerializers} from '../portable-text/to-markdown.ts'
import {articleBodyVocabulary, richTextVocabulary} from '../vocabulary.ts'

type CustomBlockType = Exclude<ArticleBodyBlock['_type'], 'block'>
export interface MarkdownContext {
  images: ImageConfig
}
export type ArticleBlockMarkdownRenderers = {
  [T in CustomBlockType]: (value: Extract<ArticleBodyBlock, {_type: T}>, context: MarkdownContext) => string
}

const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n')
const list = (items: string[], ordered = false) => items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${md(item)}`).join('\n')

export const articleBlockMarkdownRenderers = {
  exerciseEmbed: (value) => {
    const exercise = value.exercise
    if (!exercise) return ''
    const head = [
      `### ${md(exercise.name)}`,
      value.display !== 'steps' && exercise.summary ? md(exercise.summary) : null,
      value.note ? `_${md(value.note)}_` : null,
    ]
    const sections = guideSections(exercise).filter((s) => value.display === 'full' || (value.display === 'steps' && s.title === 'Steps'))
    return [...head.filter(Boolean), ...sections.map((s) => `**${md(s.title)}**\n\n${list(s.items, s.ordered)}`)].join('\n\n')
  },
  prescriptionTable: (value) => {
    const title = value.title ?? value.exercise?.name
    return [title ? `**${md(title)}**` : null, list(value.prescriptions.map(prescriptionLine))].filter(Boolean).join('\n\n')
  },
  disclaimerCallout: (value) => (value.disclaimer ? quote(richTextToMarkdown(value.disclaimer.body)) : ''),
  creditedImage: (value, {images}) => imageMarkdown(value, images),
  citation: (value) => {
    const source = citationSource(value)
    return quote(`${md(value.claim)}${source ? `\n\n— ${md(source)}` : ''}`)
  },
  pullQuote: (value) => {
    const by = value.speaker ? personName(value.speaker) : value.attribution
    return quote(`${md(value.quote)}${by ? `\n\n— ${md(by)}` : ''}`)
  },
} satisfies ArticleBlockMarkdownRenderers

export interface ArticleMarkdownOptions {
  images: ImageConfig
  renderers?: Partial<ArticleBlockMarkdownRenderers>
  onWarning?: Warn
}

export function articleBodyToMarkdown(body: unknown, options: ArticleMarkdownOptions): string {
  const all = {...articleBlockMarkdownRenderers, ...options.renderers} as ArticleBlockMarkdownRenderers
  const context: MarkdownContext = {images: options.images}
  const types: MarkdownSerializers['types'] = {}
  for (const type of articleBodyVocabulary.types) {
    const render = all[type] as (value: unknown, context: MarkdownContext) => string
    types[type] = (value) => render(value, context)
  }
  return blocksToMarkdown(normalizePortableText(body, articleBodyVocabulary, options.onWarning, isValidArticleBlock), {types})
}

export function richTextToMarkdown(body: unknown): string {
  return blocksToMarkdown(normalizePortableText(body, richTextVocabulary), {types: {}})
}

/** An image with its alt text, then caption and credit as an italic line. */
export function imageMarkdown(image: ImageResult, images: ImageConfig): string {
  const src = imageSources(toImageSource(image), images)?.src
  const picture = src ? `![${md(image.alt)}](${markdownUrl(src)})\n` : ''
  return `${picture}_${md(
    [image.caption, creditLine(image)]
      .filter(Boolean)
      .map((t) => sentence(t as string))
      .join(' '),
  )}_`
}

export function articleToMarkdown(article: ArticleResult, options: ArticleMarkdownOptions): string {
  const dates = [
    isoDate(article.publishedAt) && `Published ${isoDate(article.publishedAt)}`,
    isoDate(article.lastReviewedAt) && `Last reviewed ${isoDate(article.lastReviewedAt)}`,
  ]
  return [
    `# ${md(article.title)}`,
    article.heroImage ? imageMarkdown(article.heroImage, options.images) : null,
    article.author ? personMarkdown('By', article.author) : null,
    article.reviewer ? personMarkdown('Reviewed by', article.reviewer) : null,
    dates.filter(Boolean).join(' · '),
    articleBodyToMarkdown(article.body, options),
    ...(article.disclaimers ?? []).map((d) => quote(richTextToMarkdown(d.body))),
  ]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join('\n\n')
}

function personMarkdown(role: string, person: PersonCardResult): string {
  const credentials = (person.credentials ?? []).map((c) => `- ${md(credentialLabel(c))}`)
  return `${md(role)} **${md(personName(person))}**${person.headline ? `, ${md(person.headline)}` : ''}${credentials.length ? `\n\n${credentials.join('\n')}` : ''}`
}
