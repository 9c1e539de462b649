// An article: byline with credentials, reviewer, dates, credited images, embedded exercises and
// disclaimers, all from the SDK's ArticleView; Article/MedicalWebPage JSON-LD from the SDK.
import type {Metadata} from 'next'
import {getArticle} from '@spotter/sdk'
import {articleJsonLd} from '@spotter/sdk/jsonld'
import {ArticleView, JsonLd} from '@spotter/sdk/react'
import {editContext} from '../../../lib/edit.ts'
import {absolute} from '../../../lib/config.ts'
import {images} from '../../../lib/images.ts'
import {articleHref, exerciseHref, personHref} from '../../../lib/links.ts'
import {load} from '../../../lib/load.ts'
import {notFoundMetadata, pageMetadata} from '../../../lib/meta.ts'
import {personName} from '../../../components/person-line.tsx'
import {NotFoundPage} from '../../../components/not-found-view.tsx'

type Props = {params: Promise<{slug: string}>}

// Rendered on first request and cached until its content changes (no content API at build time).
export const generateStaticParams = async (): Promise<Array<{slug: string}>> => []

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {slug} = await params
  const article = await load(getArticle, slug)
  if (!article) return notFoundMetadata('Article')
  const title = article.seo?.title ?? article.title
  const description = article.seo?.description ?? article.excerpt
  const image = article.seo?.image ?? article.heroImage
  const page = await pageMetadata({
    title,
    description,
    path: articleHref(slug),
    type: 'article',
    image,
    openGraph: {
      ...(article.publishedAt ? {publishedTime: article.publishedAt} : {}),
      ...(article.updatedAt || article.lastReviewedAt ? {modifiedTime: article.updatedAt ?? article.lastReviewedAt} : {}),
      ...(article.author ? {authors: [personName(article.author)]} : {}),
      ...(article.topics?.length ? {tags: article.topics} : {}),
    },
  })
  return {
    ...page,
    // An article first published elsewhere names that page as the original.
    ...(article.canonicalUrl ? {alternates: {...page.alternates, canonical: article.canonicalUrl}} : {}),
    ...(article.seo?.noIndex ? {robots: {index: false}} : {}),
    authors: article.author ? [{name: personName(article.author)}] : [],
  }
}

export default async function ArticlePage({params}: Props) {
  const {slug} = await params
  const article = await load(getArticle, slug)
  if (!article) return <NotFoundPage />
  return (
    <>
      <JsonLd data={articleJsonLd(article, {images, url: absolute(articleHref(slug))})} />
      <ArticleView
        article={article}
        images={images}
        exerciseHref={exerciseHref}
        personHref={personHref}
        className="article"
        edit={await editContext()}
      />
    </>
  )
}
