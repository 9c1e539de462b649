import type {ArticleCardResult} from '@spotter/sdk'
import {articleHref, longDate} from '../lib/links.ts'
import {Picture} from './picture.tsx'

export function ArticleList({articles, heading: H = 'h3'}: {articles: readonly ArticleCardResult[]; heading?: 'h2' | 'h3'}) {
  return (
    <ul className="article-list">
      {articles.map((a) => (
        <li key={a._id}>
          {a.heroImage ? <Picture image={a.heroImage} aspectRatio={16 / 9} sizes="(min-width: 40rem) 14rem, 100vw" bare /> : null}
          <div>
            <H>{a.slug ? <a href={articleHref(a.slug)}>{a.title}</a> : a.title}</H>
            <p className="meta">
              {byline(a)}
              {byline(a) && a.publishedAt ? ' · ' : null}
              {a.publishedAt ? <time dateTime={a.publishedAt}>{longDate(a.publishedAt)}</time> : null}
            </p>
            {a.excerpt ? <p>{a.excerpt}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  )
}

function byline(a: ArticleCardResult): string {
  const name = a.author ? (a.author.unnamed ? a.author.descriptor : a.author.name) : null
  return name ? `By ${name}` : ''
}
