// Keeps every partner's feed in line with the published, licensed content. A webhook names a
// changed document; the articles that show it are rebuilt, and each partner's state per item
// (a version, or gone) is written to the store, which numbers the changes and queues deliveries.
// Recomputes run one at a time, so a later read of the content is never overwritten by an earlier one.
import {type ArticleSource, publishedId, type BuiltArticle} from './articles.ts'
import {refusal} from './rights.ts'
import type {FeedChange, ItemState, SyndicationStore} from './storage/store.ts'

export class Syndicator {
  private readonly store: Pick<SyndicationStore, 'feed' | 'partners'>
  private readonly source: ArticleSource
  private readonly onChanges: (changes: FeedChange[]) => void
  private chain: Promise<unknown> = Promise.resolve()
  private readonly pending = new Set<string>()
  private nextBatch: Promise<FeedChange[]> | null = null

  constructor(
    store: Pick<SyndicationStore, 'feed' | 'partners'>,
    source: ArticleSource,
    onChanges: (changes: FeedChange[]) => void = () => {},
  ) {
    this.store = store
    this.source = source
    this.onChanges = onChanges
  }

  /**
   * Rebuilds the articles affected by changes to `documentIds` (articles or anything they show).
   * Calls that arrive while a rebuild runs are merged into the next one (a burst of webhooks
   * costs one rebuild, not one each); each call resolves once its ids have been applied.
   */
  recompute(documentIds: readonly string[]): Promise<FeedChange[]> {
    for (const id of documentIds) {
      const published = publishedId(id)
      if (published !== null) this.pending.add(published)
    }
    if (!this.nextBatch) {
      this.nextBatch = this.serial(async () => {
        const ids = [...this.pending]
        this.pending.clear()
        this.nextBatch = null
        const affected = await this.source.affectedArticleIds(ids)
        // A deleted or unpublished article is no longer found by the query: its earlier items are.
        const known = await this.store.feed.knownItemIds(ids.map((id) => this.source.itemId(id)))
        const gone = ids.filter((id) => known.includes(this.source.itemId(id)))
        return this.apply(await this.source.build([...new Set([...affected, ...gone])]))
      })
    }
    return this.nextBatch
  }

  /** Rebuilds everything: every published article and every item any partner has. */
  reconcileAll(): Promise<FeedChange[]> {
    return this.serial(async () => {
      const prefix = this.source.itemId('')
      const known = (await this.store.feed.knownItemIds()).filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length))
      const published = await this.source.allArticleIds()
      return this.apply(await this.source.build([...new Set([...published, ...known])]))
    })
  }

  private async apply(built: BuiltArticle[]): Promise<FeedChange[]> {
    const partners = await this.store.partners.list()
    const states: ItemState[] = []
    for (const article of built) {
      for (const partner of partners) {
        const refused = article.reason ?? refusal(article.rights, partner.id)
        states.push({
          partnerId: partner.id,
          itemId: article.itemId,
          version: refused || !article.content ? null : article.content._spotter.version,
          reason: refused,
        })
      }
    }
    const contents = built.flatMap((a) =>
      a.content && states.some((s) => s.itemId === a.itemId && s.version)
        ? [{version: a.content._spotter.version, itemId: a.itemId, content: a.content}]
        : [],
    )
    const changes = await this.store.feed.apply({contents, states, now: new Date()})
    if (changes.length > 0) this.onChanges(changes)
    return changes
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn)
    this.chain = next.catch(() => undefined)
    return next
  }
}
