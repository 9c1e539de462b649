// @spotter/sdk/text: articles as plain text (feeds, search indexes, e-mail, screen readers).
import {credentialLabel, citationSource, creditLine, guideSections, isoDate, personName, prescriptionLine, sentence} from '../format.ts'
import {isValidArticleBlock} from '../block-models.ts'
import type {ArticleBodyBlock, ArticleResult, PersonCardResult} from '../models.ts'
import {normalizePortableText, type Warn} from '../portable-text/normalize.ts'
import {blocksToText, type TextSerializers} from '../portable-text/to-text.ts'
import {articleBodyVocabulary, richTextVocabulary} from '../vocabulary.ts'

type CustomBlockType = Exclude<ArticleBodyBlock['_type'], 'block'>
export type ArticleBlockTextRenderers = {[T in CustomBlockType]: (value: Extract<ArticleBodyBlock, {_type: T}>) => string}

export const articleBlockTextRenderers = {
  exerciseEmbed: (value) => {
    const exercise = value.exercise
    if (!exercise) return ''
    const head = [exercise.name, value.display !== 'steps' ? exercise.summary : null, value.note].filter(Boolean).join('\n')
    const sections = guideSections(exercise).filter((s) => value.display === 'full' || (value.display === 'steps' && s.title === 'Steps'))
    return [
      head,
      ...sections.map((s) => `${s.title}:\n${s.items.map((item, i) => `${s.ordered ? `${i + 1}.` : '-'} ${item}`).join('\n')}`),
    ].join('\n\n')
  },
  prescriptionTable: (value) =>
    [value.title ?? value.exercise?.name, ...value.prescriptions.map((p) => `- ${prescriptionLine(p)}`)].filter(Boolean).join('\n'),
  disclaimerCallout: (value) => (value.disclaimer ? richTextToText(value.disclaimer.body) : ''),
  creditedImage: (value) =>
    `[Image: ${[value.alt, value.caption, creditLine(value)]
      .filter(Boolean)
      .map((t) => sentence(t as string))
      .join(' ')}]`,
  citation: (value) => {
    const source = citationSource(value)
    return source ? `${value.claim} (${source})` : value.claim
  },
  pullQuote: (value) => {
    const by = value.speaker ? personName(value.speaker) : value.attribution
    return `“${value.quote}”${by ? ` — ${by}` : ''}`
  },
} satisfies ArticleBlockTextRenderers

export function articleBodyToText(body: unknown, options: {renderers?: Partial<ArticleBlockTextRenderers>; onWarning?: Warn} = {}): string {
  const all = {...articleBlockTextRenderers, ...options.renderers}
  return blocksToText(
    normalizePortableText(body, articleBodyVocabulary, options.onWarning, isValidArticleBlock),
    all as unknown as TextSerializers,
  )
}

export function richTextToText(body: unknown): string {
  return blocksToText(normalizePortableText(body, richTextVocabulary), {})
}

export function articleToText(
  article: ArticleResult,
  options: {renderers?: Partial<ArticleBlockTextRenderers>; onWarning?: Warn} = {},
): string {
  const people = [article.author && personLine('By', article.author), article.reviewer && personLine('Reviewed by', article.reviewer)]
  const dates = [
    isoDate(article.publishedAt) && `Published ${isoDate(article.publishedAt)}`,
    isoDate(article.lastReviewedAt) && `Last reviewed ${isoDate(article.lastReviewedAt)}`,
  ]
  return [
    article.title,
    ...people,
    dates.filter(Boolean).join(' · '),
    article.heroImage ? articleBlockTextRenderers.creditedImage({...article.heroImage, _type: 'creditedImage', _key: 'hero'}) : null,
    articleBodyToText(article.body, options),
    ...(article.disclaimers ?? []).map((d) => richTextToText(d.body)),
  ]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join('\n\n')
}

function personLine(role: string, person: PersonCardResult): string {
  const credentials = (person.credentials ?? []).map(credentialLabel)
  return `${role} ${personName(person)}${person.headline ? `, ${person.headline}` : ''}${credentials.length ? `\nCredentials: ${credentials.join('; ')}` : ''}`
}
