// Articles as feed items, read through the published perspective only (a draft never leaves).
// The article itself comes from the SDK's getArticle projection, so partners can render it with
// @spotter/sdk/html; the HTML and text here come from the same SDK renderers. An article with a
// disclaimer reference that does not resolve (among its own, its callouts' and its exercises')
// is not syndicated at all.
import {createHash} from 'node:crypto'
import {articleProjection, createExerciseClient, disclaimerProjection, models, type ExerciseClient} from '@spotter/sdk'
import {articleToHtml, disclaimerHtml} from '@spotter/sdk/html'
import {articleToText, richTextToText} from '@spotter/sdk/text'
import {LICENCES, type SyndicationRights} from './rights.ts'
import type {FeedItem, SyndicatedDisclaimer, SyndicatedPerson} from './types.ts'

export interface SourceConfig {
  projectId: string
  dataset: string
  /** The lake's URL, e.g. http://127.0.0.1:3030; omit for Sanity's hosted API. */
  apiHost?: string
  /** A read token (published content only is read either way). */
  token?: string
  /** Used when an article has no canonicalUrl: base + slug. */
  canonicalBaseUrl: string
}

/** One article, built: either a feed item, or the reason nobody gets it. */
export interface BuiltArticle {
  documentId: string
  itemId: string
  content: FeedItem | null
  rights: SyndicationRights | null
  reason: string | null
}

// The SDK's getArticle projection, applied to articles selected by id: items carry exactly what
// getArticle returns.
const ARTICLES_QUERY = `*[_type == "article" && _id in $ids]${articleProjection}`

const DISCLAIMER_REFS = `array::unique(array::compact(
  coalesce(disclaimers[]._ref, []) + coalesce(body[_type == "disclaimerCallout"].disclaimer._ref, []) +
  coalesce(exercises[]->disclaimers[]._ref, []) + coalesce(body[_type == "exerciseEmbed"].exercise->disclaimers[]._ref, [])))`

const INTEGRITY_QUERY = `*[_type == "article" && _id in $ids]{
  _id,
  "disclaimerRefs": ${DISCLAIMER_REFS},
  "exerciseDisclaimers": (coalesce(exercises[]->disclaimers[]->, []) + coalesce(body[_type == "exerciseEmbed"].exercise->disclaimers[]->, []))[]${disclaimerProjection}
}`

/** Published articles that show `ids` (the documents themselves, or up to three references away). */
const AFFECTED_QUERY = `*[_type == "article" && (_id in $ids || references($ids) || references(*[references($ids)]._id) || references(*[references(*[references($ids)]._id)]._id))]._id`

export function publishedId(id: string): string | null {
  if (id.startsWith('versions.')) return null
  return id.startsWith('drafts.') ? id.slice('drafts.'.length) : id
}

export class ArticleSource {
  readonly client: ExerciseClient
  private readonly config: SourceConfig

  constructor(config: SourceConfig) {
    this.config = config
    this.client = createExerciseClient({
      projectId: config.projectId,
      dataset: config.dataset,
      perspective: 'published',
      useCdn: false,
      ...(config.apiHost ? {apiHost: config.apiHost} : {}),
      ...(config.token ? {token: config.token} : {}),
    })
  }

  /** Stable across versions and services: one article, one id. */
  itemId(documentId: string): string {
    return `urn:spotter:${this.config.projectId}:${this.config.dataset}:${documentId}`
  }

  async allArticleIds(): Promise<string[]> {
    return this.client.sanity.fetch<string[]>(`*[_type == "article"]._id`, {}, {perspective: 'published'})
  }

  async affectedArticleIds(documentIds: readonly string[]): Promise<string[]> {
    const ids = [...new Set(documentIds.map(publishedId).filter((id): id is string => id !== null))]
    if (ids.length === 0) return []
    return this.client.sanity.fetch<string[]>(AFFECTED_QUERY, {ids}, {perspective: 'published'})
  }

  /** Builds every id given; an id with no published article comes back with reason `unpublished`. */
  async build(documentIds: readonly string[]): Promise<BuiltArticle[]> {
    const ids = [...new Set(documentIds)]
    if (ids.length === 0) return []
    const [raw, integrity] = await Promise.all([
      this.client.sanity.fetch<unknown[]>(ARTICLES_QUERY, {ids}, {perspective: 'published'}),
      this.client.sanity.fetch<Array<{_id: string; disclaimerRefs: string[]; exerciseDisclaimers: Array<unknown | null> | null}>>(
        INTEGRITY_QUERY,
        {ids},
        {perspective: 'published'},
      ),
    ])
    const refs = [...new Set(integrity.flatMap((i) => i.disclaimerRefs))]
    const resolved = new Set(
      refs.length
        ? await this.client.sanity.fetch<string[]>(`*[_type == "disclaimer" && _id in $refs]._id`, {refs}, {perspective: 'published'})
        : [],
    )
    const byId = new Map(raw.map((a) => [(a as {_id: string})._id, a]))
    const integrityById = new Map(integrity.map((i) => [i._id, i]))
    return ids.map((documentId) => {
      const base = {documentId, itemId: this.itemId(documentId)}
      const article = byId.get(documentId)
      const check = integrityById.get(documentId)
      if (!article || !check) return {...base, content: null, rights: null, reason: 'unpublished'}
      const parsed = models.articleModel.safeParse(article)
      if (!parsed.success) return {...base, content: null, rights: null, reason: 'invalid-content'}
      const rights = parsed.data.syndication as SyndicationRights | null
      const missing = check.disclaimerRefs.filter((ref) => !resolved.has(ref))
      if (missing.length > 0) return {...base, content: null, rights, reason: 'disclaimer-missing'}
      const exerciseDisclaimers = (check.exerciseDisclaimers ?? []).flatMap((d) => {
        const result = models.disclaimerModel.safeParse(d)
        return result.success ? [result.data] : []
      })
      return {...base, content: this.item(parsed.data, rights, exerciseDisclaimers), rights, reason: null}
    })
  }

  private item(article: models.ArticleResult, rights: SyndicationRights | null, exerciseDisclaimers: models.DisclaimerResult[]): FeedItem {
    const images = this.client.images
    const canonicalUrl = article.canonicalUrl ?? `${this.config.canonicalBaseUrl}${article.slug ?? article._id}`
    const licence = LICENCES[rights?.licence ?? 'all-rights-reserved']
    const people: SyndicatedPerson[] = []
    for (const [role, person] of [
      ['author', article.author],
      ['reviewer', article.reviewer],
    ] as const) {
      if (!person) continue
      people.push({
        role,
        name: person.name ?? person.descriptor ?? 'Unnamed',
        headline: person.headline ?? null,
        website: person.website ?? null,
        credentials: (person.credentials ?? []).map((c) => ({
          kind: c.kind,
          title: c.title,
          issuingBody: c.issuingBody ?? null,
          year: c.year ?? null,
          verificationUrl: c.verificationUrl ?? null,
          label: [c.title, c.issuingBody, c.year].filter((part) => part !== null && part !== undefined && part !== '').join(', '),
        })),
      })
    }
    const disclaimers = new Map<string, SyndicatedDisclaimer>()
    const callouts = article.body.flatMap((block) => (block._type === 'disclaimerCallout' ? [block.disclaimer] : []))
    for (const d of [...(article.disclaimers ?? []), ...callouts, ...exerciseDisclaimers]) {
      if (disclaimers.has(d._id)) continue
      disclaimers.set(d._id, {
        id: d._id,
        kind: d.kind,
        text: richTextToText(d.body),
        html: disclaimerHtml(d, {className: 'disclaimer'}),
        portableText: d.body,
      })
    }
    const byline = people.find((p) => p.role === 'author')?.name ?? article.publisher?.name ?? null
    const attribution =
      rights?.attributionText ??
      `“${article.title}”${byline ? ` by ${byline}` : ''}${article.publisher ? `, ${article.publisher.name}` : ''}. ${licence.name}. Source: ${canonicalUrl}`
    const item: FeedItem = {
      id: this.itemId(article._id),
      url: canonicalUrl,
      title: article.title,
      summary: article.excerpt,
      content_html: articleToHtml(article, {images}),
      content_text: articleToText(article),
      ...(article.publishedAt ? {date_published: article.publishedAt} : {}),
      ...((article.updatedAt ?? article.publishedAt) ? {date_modified: (article.updatedAt ?? article.publishedAt)!} : {}),
      authors: people.filter((p) => p.role === 'author').map((p) => ({name: p.name, ...(p.website ? {url: p.website} : {})})),
      tags: article.topics ?? [],
      ...(article.heroImage?.asset?.url ? {image: article.heroImage.asset.url} : {}),
      _spotter: {
        version: '',
        documentId: article._id,
        slug: article.slug ?? null,
        canonicalUrl,
        licence,
        attribution,
        people,
        disclaimers: [...disclaimers.values()],
        article,
        portableText: article.body,
        images,
      },
    }
    item._spotter.version = createHash('sha256').update(JSON.stringify(item)).digest('hex').slice(0, 32)
    return item
  }
}
