// The latest articles as an Atom feed. Everything from content is escaped as XML text.
import {listArticles} from '@spotter/sdk'
import {clubName} from '../../lib/club.ts'
import {absolute} from '../../lib/config.ts'
import {articleHref} from '../../lib/links.ts'
import {load} from '../../lib/load.ts'

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export async function GET(): Promise<Response> {
  const [name, articles] = await Promise.all([clubName(), load(listArticles, {pageSize: 50})])
  const entries = articles.items.filter((a) => a.slug)
  const updated = entries.map((a) => a.publishedAt).find(Boolean) ?? new Date(0).toISOString()
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xml(`${name}: articles`)}</title>
  <id>${xml(absolute('/feed.xml'))}</id>
  <link rel="self" href="${xml(absolute('/feed.xml'))}"/>
  <link rel="alternate" href="${xml(absolute('/articles'))}"/>
  <updated>${xml(new Date(updated).toISOString())}</updated>
${entries
  .map((a) => {
    const url = absolute(articleHref(a.slug!))
    const author = a.author ? (a.author.unnamed ? a.author.descriptor : a.author.name) : null
    return `  <entry>
    <title>${xml(a.title)}</title>
    <id>${xml(url)}</id>
    <link rel="alternate" href="${xml(url)}"/>
    <updated>${xml(new Date(a.publishedAt ?? updated).toISOString())}</updated>${a.publishedAt ? `\n    <published>${xml(new Date(a.publishedAt).toISOString())}</published>` : ''}${author ? `\n    <author><name>${xml(author)}</name></author>` : ''}${a.excerpt ? `\n    <summary>${xml(a.excerpt)}</summary>` : ''}
  </entry>`
  })
  .join('\n')}
</feed>
`
  return new Response(body, {headers: {'content-type': 'application/atom+xml; charset=utf-8'}})
}
