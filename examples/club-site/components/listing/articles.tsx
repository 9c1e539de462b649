import type {Metadata} from 'next'
import {pageMetadata} from '../../lib/meta.ts'
import {listArticles} from '@spotter/sdk'
import {ArticleList} from '../article-list.tsx'
import {load} from '../../lib/load.ts'

export const articlesMetadata = (): Promise<Metadata> =>
  pageMetadata({
    title: 'Articles',
    description: 'Exercise guides and training articles, written and reviewed by credentialed people.',
    path: '/articles',
  })

export async function Articles() {
  const articles = await load(listArticles, {pageSize: 100})
  return (
    <>
      <h1>Articles</h1>
      {articles.items.length ? <ArticleList articles={articles.items} heading="h2" /> : <p>No articles yet.</p>}
    </>
  )
}
