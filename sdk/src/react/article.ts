// A complete article: title, hero image, byline, body and the article's disclaimers.
import {createElement as h, Fragment, type ReactNode} from 'react'
import type {ArticleResult} from '../models.ts'
import {type EditPathSegment, editProps, partContext} from '../studio-edit.ts'
import {ArticleBody, type ArticleBodyProps} from './article-body.ts'
import {Byline} from './byline.ts'
import {CreditedImage} from './credited-image.ts'
import {Disclaimer} from './disclaimer.ts'

/** The body's options (images, renderers, links, className, onWarning, edit), applied to the whole article. */
export interface ArticleViewProps extends Omit<ArticleBodyProps, 'value'> {
  article: ArticleResult
}

export function ArticleView({
  article,
  images,
  renderers,
  exerciseHref,
  personHref,
  className,
  onWarning,
  edit,
}: ArticleViewProps): ReactNode {
  const links = {...(exerciseHref ? {exerciseHref} : {}), ...(personHref ? {personHref} : {})}
  const at = editProps(edit, article._id, 'article')
  const field = (...path: EditPathSegment[]) => (edit ? {edit: partContext(edit, article._id, 'article', path)} : {})
  return h(
    'article',
    {className},
    h('h1', at('title'), article.title),
    article.heroImage
      ? h(CreditedImage, {image: article.heroImage, images, loading: 'eager', className: 'hero', ...field('heroImage')})
      : null,
    h(Byline, {
      author: article.author,
      reviewer: article.reviewer,
      publishedAt: article.publishedAt,
      lastReviewedAt: article.lastReviewedAt,
      ...links,
      ...field(),
    }),
    h(ArticleBody, {
      value: article.body,
      images,
      ...(renderers ? {renderers} : {}),
      ...(onWarning ? {onWarning} : {}),
      ...links,
      ...field('body'),
    }),
    article.disclaimers?.length
      ? h(
          Fragment,
          null,
          article.disclaimers.map((d) => h(Disclaimer, {key: d._id, disclaimer: d, className: 'disclaimer', ...(edit ? {edit} : {})})),
        )
      : null,
  )
}
