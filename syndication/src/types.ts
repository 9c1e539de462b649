// The syndication service's public vocabulary: feed items as partners receive them, delivery
// events, and the records the storage keeps.
import type {models} from '@spotter/sdk'

export type Licence = 'cc-by-4.0' | 'partners-only' | 'all-rights-reserved'

export interface LicenceInfo {
  id: Licence
  name: string
  url: string | null
}

export interface SyndicatedPerson {
  role: 'author' | 'reviewer'
  name: string
  headline: string | null
  website: string | null
  credentials: Array<{
    kind: string
    title: string
    issuingBody: string | null
    year: number | null
    verificationUrl: string | null
    label: string
  }>
}

/** A disclaimer as readers see it (its Studio title is an internal name and is not sent). */
export interface SyndicatedDisclaimer {
  id: string
  kind: string
  text: string
  html: string
  portableText: unknown[]
}

/** What `_spotter` carries on a JSON Feed item (the Atom entry carries the same). */
export interface SpotterItemExtension {
  /** Content hash of this item version; changes whenever anything a partner receives changes. */
  version: string
  documentId: string
  slug: string | null
  canonicalUrl: string
  licence: LicenceInfo
  attribution: string
  people: SyndicatedPerson[]
  disclaimers: SyndicatedDisclaimer[]
  /** The article exactly as the SDK's getArticle query returns it: render it with @spotter/sdk/html. */
  article: models.ArticleResult
  /** The article body as Portable Text (references resolved). */
  portableText: unknown[]
  /** Where the article's image URLs point: pass as `images` to the SDK's renderers. */
  images: {projectId: string; dataset: string; baseUrl?: string}
}

/** A JSON Feed 1.1 item for a live article. */
export interface FeedItem {
  id: string
  url: string
  title: string
  summary: string
  content_html: string
  content_text: string
  date_published?: string
  date_modified?: string
  authors: Array<{name: string; url?: string}>
  tags: string[]
  image?: string
  _spotter: SpotterItemExtension
}

/** A JSON Feed item that says an item is gone (unpublished, deleted or no longer licensed). */
export interface TombstoneItem {
  id: string
  content_text: ''
  date_modified: string
  _spotter: {deleted: true; reason: string}
}

export interface FeedPage {
  version: 'https://jsonfeed.org/version/1.1'
  title: string
  home_page_url?: string
  feed_url: string
  next_url?: string
  items: Array<FeedItem | TombstoneItem>
  _spotter: {partner: string; cursor: string; hasMore: boolean}
}

/** Body of a signed delivery to a partner's webhook endpoint. */
export interface DeliveryEvent {
  type: 'item.updated' | 'item.deleted'
  /** Same as the idempotency-key header: one per event, kept across retries. */
  deliveryId: string
  partner: string
  itemId: string
  version: string | null
  reason: string | null
  occurredAt: string
}

export interface PartnerRecord {
  id: string
  name: string
  keyHash: string
  webhookUrl: string | null
  webhookSecret: string | null
  createdAt: string
}

export type PublicPartner = Omit<PartnerRecord, 'keyHash' | 'webhookSecret'>

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface DeliveryRecord {
  id: number
  key: string
  partnerId: string
  event: DeliveryEvent
  status: DeliveryStatus
  attempts: number
  nextAttemptAt: number
  lastStatus: number | null
  lastError: string | null
  createdAt: string
  deliveredAt: string | null
}

export interface DeliveryAttempt {
  attempt: number
  at: string
  status: number | null
  error: string | null
  durationMs: number
}

/** One row of a partner's feed: the latest state of one item for that partner. */
export interface FeedRow {
  seq: number
  itemId: string
  version: string | null
  reason: string | null
  updatedAt: string
  content: FeedItem | null
}
