// A partner's feed rows as JSON Feed 1.1 and as Atom (RFC 4287, with RFC 6721 tombstones).
// Both carry the same items: content as HTML, plain text and Portable Text, canonical URL,
// licence, attribution, people with credentials and every disclaimer.
import type {FeedItem, FeedPage, FeedRow, TombstoneItem} from './types.ts'

export interface FeedMeta {
  partnerId: string
  partnerName: string
  feedUrl: string
  nextUrl: string
  cursor: string
  hasMore: boolean
}

function tombstone(row: FeedRow): TombstoneItem {
  return {id: row.itemId, content_text: '', date_modified: row.updatedAt, _spotter: {deleted: true, reason: row.reason ?? 'unpublished'}}
}

export function jsonFeed(rows: readonly FeedRow[], meta: FeedMeta): FeedPage {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `Spotter syndication for ${meta.partnerName}`,
    feed_url: meta.feedUrl,
    ...(meta.hasMore ? {next_url: meta.nextUrl} : {}),
    items: rows.map((row) => (row.content ? row.content : tombstone(row))),
    _spotter: {partner: meta.partnerId, cursor: meta.cursor, hasMore: meta.hasMore},
  }
}

/** XML text: escaped, and without the control characters XML 1.0 cannot carry. */
function x(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function atomEntry(item: FeedItem, row: FeedRow): string {
  const s = item._spotter
  const people = s.people
    .map(
      (p) =>
        `<spotter:person role="${x(p.role)}" name="${x(p.name)}"${p.headline ? ` headline="${x(p.headline)}"` : ''}>${p.credentials
          .map(
            (c) =>
              `<spotter:credential kind="${x(c.kind)}"${c.year ? ` year="${x(c.year)}"` : ''}${c.verificationUrl ? ` href="${x(c.verificationUrl)}"` : ''}>${x(c.label)}</spotter:credential>`,
          )
          .join('')}</spotter:person>`,
    )
    .join('')
  const disclaimers = s.disclaimers
    .map((d) => `<spotter:disclaimer id="${x(d.id)}" kind="${x(d.kind)}">${x(d.text)}</spotter:disclaimer>`)
    .join('')
  return [
    '<entry>',
    `<id>${x(item.id)}</id>`,
    `<title>${x(item.title)}</title>`,
    `<updated>${x(item.date_modified ?? row.updatedAt)}</updated>`,
    item.date_published ? `<published>${x(item.date_published)}</published>` : '',
    ...item.authors.map((a) => `<author><name>${x(a.name)}</name>${a.url ? `<uri>${x(a.url)}</uri>` : ''}</author>`),
    `<link rel="alternate" type="text/html" href="${x(item.url)}"/>`,
    s.licence.url ? `<link rel="license" href="${x(s.licence.url)}"/>` : '',
    `<summary>${x(item.summary)}</summary>`,
    `<content type="html">${x(item.content_html)}</content>`,
    `<rights>${x(s.attribution)}</rights>`,
    ...item.tags.map((t) => `<category term="${x(t)}"/>`),
    `<spotter:version>${x(s.version)}</spotter:version>`,
    `<spotter:licence id="${x(s.licence.id)}">${x(s.licence.name)}</spotter:licence>`,
    `<spotter:text>${x(item.content_text)}</spotter:text>`,
    `<spotter:portableText type="application/json">${x(JSON.stringify(s.portableText))}</spotter:portableText>`,
    people,
    disclaimers,
    '</entry>',
  ].join('')
}

export function atomFeed(rows: readonly FeedRow[], meta: FeedMeta): string {
  const updated =
    rows.reduce<string | null>((latest, r) => (latest === null || r.updatedAt > latest ? r.updatedAt : latest), null) ??
    new Date().toISOString()
  const entries = rows.map((row) =>
    row.content
      ? atomEntry(row.content, row)
      : `<at:deleted-entry ref="${x(row.itemId)}" when="${x(row.updatedAt)}"><at:comment>${x(row.reason ?? 'unpublished')}</at:comment></at:deleted-entry>`,
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0" xmlns:spotter="urn:spotter:syndication:1">',
    `<id>urn:spotter:syndication:feed:${x(meta.partnerId)}</id>`,
    `<title>${x(`Spotter syndication for ${meta.partnerName}`)}</title>`,
    `<updated>${x(updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${x(meta.feedUrl)}"/>`,
    meta.hasMore ? `<link rel="next" type="application/atom+xml" href="${x(meta.nextUrl)}"/>` : '',
    `<spotter:cursor>${x(meta.cursor)}</spotter:cursor>`,
    ...entries,
    '</feed>\n',
  ].join('')
}
