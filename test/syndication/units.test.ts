// The pure parts: cursors, licence rules, config errors (service and lake webhooks), and the two
// feed formats (Atom parsed by a strict XML parser, namespaces checked).
import {SaxesParser} from 'saxes'
import {describe, expect, it} from 'vitest'
import {parseWebhooks} from '@spotter/lake'
import {parseServiceConfig} from '../../syndication/src/config.ts'
import {CursorError, decodeCursor, encodeCursor} from '../../syndication/src/cursor.ts'
import {atomFeed, jsonFeed} from '../../syndication/src/feeds.ts'
import {hashKey, newKey} from '../../syndication/src/keys.ts'
import {refusal} from '../../syndication/src/rights.ts'
import type {FeedItem, FeedRow} from '../../syndication/src/types.ts'

describe('cursors', () => {
  it('round-trip for their partner and refuse anything else as malformed', () => {
    const cursor = encodeCursor('s3cret', 'club-north', 42)
    expect(decodeCursor('s3cret', 'club-north', cursor)).toBe(42)
    expect(() => decodeCursor('s3cret', 'club-south', cursor)).toThrow(CursorError)
    expect(() => decodeCursor('other', 'club-north', cursor)).toThrow(/altered or issued for another partner/)
    for (const bad of ['', 'garbage!', '42', Buffer.from('v1.43.AAAAAAAAAAAAAAAA').toString('base64url'), cursor.slice(0, -2)]) {
      expect(() => decodeCursor('s3cret', 'club-north', bad), bad).toThrow(/Malformed cursor in "since"/)
    }
  })
})

describe('keys', () => {
  it('are random, prefixed, and stored as a SHA-256 hash only', () => {
    const a = newKey('partner')
    expect(a).toMatch(/^spk_[\w-]{43}$/)
    expect(newKey('partner')).not.toBe(a)
    expect(hashKey(a)).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(hashKey(a)).not.toContain(a.slice(4))
  })
})

describe('licence rules', () => {
  it('open CC BY to all, partners-only to the named, nothing else', () => {
    expect(refusal({licence: 'cc-by-4.0', attributionText: null, allowedPartners: null}, 'x')).toBeNull()
    expect(refusal({licence: 'partners-only', attributionText: null, allowedPartners: ['a']}, 'a')).toBeNull()
    expect(refusal({licence: 'partners-only', attributionText: null, allowedPartners: ['a']}, 'b')).toBe('not-licensed')
    expect(refusal({licence: 'partners-only', attributionText: null, allowedPartners: null}, 'a')).toBe('not-licensed')
    expect(refusal({licence: 'all-rights-reserved', attributionText: null, allowedPartners: ['a']}, 'a')).toBe('all-rights-reserved')
    expect(refusal(null, 'a')).toBe('no-syndication-rights')
  })
})

describe('configuration errors name the field', () => {
  const base = {source: {projectId: 'p', canonicalBaseUrl: 'https://x.example/'}, webhookSecret: 's'}
  it('service config', () => {
    expect(() => parseServiceConfig({...base, webhookSecret: ''}, '/tmp')).toThrow(/webhookSecret must be a non-empty string/)
    expect(() => parseServiceConfig({...base, storage: {kind: 'mysql'}}, '/tmp')).toThrow(/storage.kind must be "sqlite" or "postgres"/)
    expect(() => parseServiceConfig({...base, delivery: {baseMs: -1}}, '/tmp')).toThrow(/delivery.baseMs must be an integer/)
    expect(() => parseServiceConfig({...base, source: {projectId: 'p', canonicalBaseUrl: 'ftp://x'}}, '/tmp')).toThrow(
      /source.canonicalBaseUrl/,
    )
    const ok = parseServiceConfig(base, '/srv/syn')
    expect(ok.storage).toEqual({kind: 'sqlite', path: '/srv/syn/syndication.db'})
    expect(ok.delivery.maxAttempts).toBe(12)
  })
  it('lake webhooks', () => {
    const hook = {name: 'h', url: 'http://127.0.0.1:1/x'}
    expect(parseWebhooks(undefined, 'f')).toEqual([])
    expect(parseWebhooks([hook], 'f')[0]).toMatchObject({
      dataset: 'production',
      on: ['create', 'update', 'delete'],
      includeDrafts: false,
      httpMethod: 'POST',
      secret: null,
    })
    expect(() => parseWebhooks([{...hook, url: 'ftp://x'}], 'f')).toThrow(/webhooks\[0\].url must be an http\(s\) URL/)
    expect(() => parseWebhooks([{...hook, filter: '_type =='}], 'f')).toThrow(/webhooks\[0\]: filter is not valid GROQ/)
    expect(() => parseWebhooks([{...hook, on: ['publish']}], 'f')).toThrow(/webhooks\[0\].on/)
    expect(() => parseWebhooks([{...hook, httpMethod: 'TRACE'}], 'f')).toThrow(/webhooks\[0\].httpMethod/)
    expect(() => parseWebhooks([hook, hook], 'f')).toThrow(/webhooks\[1\].name "h" is used twice/)
    expect(() => parseWebhooks([{...hook, retry: {baseMs: 0}}], 'f')).toThrow(/webhooks\[0\].retry.baseMs/)
  })
})

describe('feed formats', () => {
  const item = {
    id: 'urn:spotter:p:d:a1',
    url: 'https://x.example/a?b=1&c=2',
    title: 'Tom & Jerry <script>\u0001',
    summary: 'Short',
    content_html: '<p>Body &amp; more</p>',
    content_text: 'Body & more',
    date_published: '2026-01-01T00:00:00.000Z',
    authors: [{name: 'Dana'}],
    tags: ['Strength'],
    _spotter: {
      version: 'v1',
      documentId: 'a1',
      slug: 'a1',
      canonicalUrl: 'https://x.example/a?b=1&c=2',
      licence: {id: 'cc-by-4.0', name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/'},
      attribution: 'Dana "Coach" for Spotter',
      people: [
        {
          role: 'author',
          name: 'Dana',
          headline: null,
          website: null,
          credentials: [
            {kind: 'certification', title: 'CSCS', issuingBody: 'NSCA', year: 2015, verificationUrl: null, label: 'CSCS, NSCA, 2015'},
          ],
        },
      ],
      disclaimers: [
        {id: 'd1', title: 'Medical', kind: 'medical', text: 'See a doctor.', html: '<aside>See a doctor.</aside>', portableText: []},
      ],
      article: {},
      portableText: [{_type: 'block'}],
      images: {projectId: 'p', dataset: 'd'},
    },
  } as unknown as FeedItem
  const rows: FeedRow[] = [
    {seq: 1, itemId: item.id, version: 'v1', reason: null, updatedAt: '2026-01-02T00:00:00.000Z', content: item},
    {seq: 2, itemId: 'urn:spotter:p:d:gone', version: null, reason: 'unpublished', updatedAt: '2026-01-03T00:00:00.000Z', content: null},
  ]
  const meta = {
    partnerId: 'club-north',
    partnerName: 'Club North',
    feedUrl: 'http://s/v1/feed.atom',
    nextUrl: 'http://s/v1/feed.atom?since=c',
    cursor: 'c',
    hasMore: true,
  }

  it('JSON Feed 1.1 with items, tombstones, next_url and the cursor', () => {
    const feed = jsonFeed(rows, meta)
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.next_url).toBe(meta.nextUrl)
    expect(feed.items[0]).toBe(item)
    expect(feed.items[1]).toEqual({
      id: 'urn:spotter:p:d:gone',
      content_text: '',
      date_modified: '2026-01-03T00:00:00.000Z',
      _spotter: {deleted: true, reason: 'unpublished'},
    })
    expect(jsonFeed(rows, {...meta, hasMore: false}).next_url).toBeUndefined()
  })

  it('Atom that a strict XML parser reads back, with RFC 6721 tombstones', () => {
    const xml = atomFeed(rows, meta)
    const elements: Array<{name: string; uri: string; attributes: Record<string, string>}> = []
    const texts: string[] = []
    const parser = new SaxesParser({xmlns: true})
    parser.on('opentag', (tag) =>
      elements.push({
        name: tag.local,
        uri: tag.uri,
        attributes: Object.fromEntries(
          Object.values(tag.attributes).map((a) => [(a as {local: string}).local, (a as {value: string}).value]),
        ),
      }),
    )
    parser.on('text', (t) => texts.push(t))
    parser.write(xml).close()
    const atom = 'http://www.w3.org/2005/Atom'
    expect(elements[0]).toMatchObject({name: 'feed', uri: atom})
    expect(elements.filter((e) => e.name === 'entry' && e.uri === atom)).toHaveLength(1)
    expect(elements.find((e) => e.name === 'deleted-entry')).toMatchObject({
      uri: 'http://purl.org/atompub/tombstones/1.0',
      attributes: {ref: 'urn:spotter:p:d:gone', when: '2026-01-03T00:00:00.000Z'},
    })
    expect(elements.find((e) => e.name === 'link' && e.attributes.rel === 'license')?.attributes.href).toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    )
    expect(elements.find((e) => e.name === 'link' && e.attributes.rel === 'alternate')?.attributes.href).toBe('https://x.example/a?b=1&c=2')
    expect(elements.find((e) => e.name === 'credential')).toMatchObject({
      uri: 'urn:spotter:syndication:1',
      attributes: {kind: 'certification', year: '2015'},
    })
    expect(texts).toContain('Tom & Jerry <script>') // escaped in, read back intact; the control character is dropped
    expect(texts).toContain('<p>Body &amp; more</p>')
    expect(texts).toContain('Dana "Coach" for Spotter')
  })
})
