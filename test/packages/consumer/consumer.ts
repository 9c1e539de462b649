// Type-checked by tsc in strict mode with skipLibCheck off: every entry's declarations, as a
// user's code sees them.
import {createExerciseClient, ResultMismatchError, type GetArticleResult, type ImageConfig} from '@spotter/sdk'
import {ArticleView, ExerciseCard} from '@spotter/sdk/react'
import {articleToHtml} from '@spotter/sdk/html'
import {articleToText} from '@spotter/sdk/text'
import {articleToMarkdown} from '@spotter/sdk/markdown'
import {articleJsonLd, jsonLdScript} from '@spotter/sdk/jsonld'
import {startLake, type ResetResult, type TestLake} from '@spotter/lake/testing'
import {createElement, type ReactNode} from 'react'

export async function page(slug: string): Promise<{react: ReactNode; html: string; text: string; markdown: string; jsonLd: string} | null> {
  const spotter = createExerciseClient({projectId: 'spotter', dataset: 'production', apiHost: 'http://127.0.0.1:3030'})
  const article: GetArticleResult = await spotter.getArticle(slug)
  if (!article) return null
  const images: ImageConfig = spotter.images
  const title: string = article.title
  // @ts-expect-error: a required field is never null (unused, hence an error, if the types were `any`)
  const nullTitle: null = article.title
  void nullTitle
  return {
    react: createElement(ArticleView, {article, images, exerciseHref: (s: string) => `/exercises/${s}#${title}`}),
    html: articleToHtml(article, {images}),
    text: articleToText(article),
    markdown: articleToMarkdown(article, {images}),
    jsonLd: jsonLdScript(articleJsonLd(article, {images})),
  }
}

export const card = ExerciseCard
export const isMismatch = (error: unknown): error is ResultMismatchError => error instanceof ResultMismatchError

export async function withLake(): Promise<ResetResult> {
  const lake: TestLake = await startLake({seed: 'seed/spotter.ndjson', datasets: ['production']})
  try {
    await lake.client().createOrReplace({_id: 'x', _type: 'note'})
    return await lake.reset()
  } finally {
    await lake.stop()
  }
}
