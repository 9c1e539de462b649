// Real processes over real HTTP: the lake (with a webhook to the service), the syndication
// service (SQLite), and two example partner apps. Publish in the lake -> lake webhook -> service
// -> signed delivery -> partner syncs the feed; afterwards each partner's store equals the
// published content it is licensed for, computed here independently with the SDK.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {encodeSignatureHeader, SIGNATURE_HEADER_NAME} from '@sanity/webhook'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SpawnedLake} from '@spotter/lake/testing'
import {freePort, spawnPartnerApp, spawnSyndication, type SpawnedProcess, type SpawnedSyndication} from '../../syndication/src/testing.ts'
import type {DeliveryRecord, DeliveryAttempt, FeedPage} from '../../syndication/src/types.ts'
import type {PartnerState} from '../../examples/partner-app/src/store.ts'
import {article, expectedFor, openArticle, seedContent} from './support/content.ts'
import {spawnLakeWithWebhooks} from './support/lake.ts'
import {waitUntil} from './support/receiver.ts'

const LAKE_SECRET = 'lake-to-syndication-secret'
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-e2e-syndication-'))

interface Partner {
  id: string
  apiKey: string
  webhookSecret: string
  port: number
  storeFile: string
  app: SpawnedProcess
}

let lake: SpawnedLake
let service: SpawnedSyndication
const partners: Record<string, Partner> = {}

async function api<T = unknown>(
  pathname: string,
  init: RequestInit & {key?: string} = {},
): Promise<{status: number; body: T; text: string}> {
  const {key, ...rest} = init
  const res = await fetch(new URL(pathname, service.url), {
    ...rest,
    headers: {...(key ? {authorization: `Bearer ${key}`} : {}), ...(rest.headers as Record<string, string> | undefined)},
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Atom, HTML
  }
  return {status: res.status, body: body as T, text}
}

const store = (id: string): PartnerState =>
  fs.existsSync(partners[id]!.storeFile)
    ? (JSON.parse(fs.readFileSync(partners[id]!.storeFile, 'utf8')) as PartnerState)
    : {cursor: null, items: {}, events: [], signatures: {}}

/** The partner's store holds exactly what it is licensed for, as the SDK reads it now. */
async function storeMatches(id: string): Promise<boolean> {
  const expected = await expectedFor(lake, id)
  const items = Object.values(store(id).items)
  if (items.length !== expected.size) return false
  return items.every((item) => {
    const want = expected.get(item._spotter.documentId)
    return want !== undefined && JSON.stringify(item._spotter.article) === JSON.stringify(want.article) && item.content_html === want.html
  })
}

async function expectStoreMatches(id: string, what: string): Promise<void> {
  await waitUntil(() => storeMatches(id), 30_000, `${id}'s store to match the published, licensed content (${what})`).catch(
    async (err: Error) => {
      const expected = [...(await expectedFor(lake, id)).keys()].sort()
      throw new Error(
        `${err.message}\nexpected ${JSON.stringify(expected)}\nstore ${JSON.stringify(Object.values(store(id).items).map((i) => [i._spotter.documentId, i.title]))}\n${partners[id]?.app.output()}\n${service.output()}`,
      )
    },
  )
}

const titles = (id: string) =>
  Object.values(store(id).items)
    .map((i) => i.title)
    .sort()

beforeAll(async () => {
  const servicePort = await freePort()
  lake = await spawnLakeWithWebhooks(
    path.join(tmp, 'lake'),
    [
      {
        name: 'syndication',
        dataset: 'production',
        url: `http://127.0.0.1:${servicePort}/v1/webhooks/sanity`,
        filter: '_type in ["article", "person", "disclaimer", "exercise", "equipment", "muscle", "club", "organization"]',
        projection: '{_id, _type, "operation": delta::operation()}',
        on: ['create', 'update', 'delete'],
        secret: LAKE_SECRET,
        retry: {baseMs: 100, maxMs: 1000, maxAttempts: 100},
      },
    ],
    // The test plays many editors publishing at once (bursts of 12 parallel writes): above hosted's
    // 25 mutations a second from one address. Syndication under 429 is rate-limited-lake.test.ts.
    {rateLimits: {mutationsPerSecond: 0}},
  )
  await seedContent(lake.client())
  await lake
    .client()
    .create({...article('article-open', 'DRAFT TITLE never syndicated', {licence: 'cc-by-4.0'}), _id: 'drafts.article-open'})
  service = await spawnSyndication({
    port: servicePort,
    source: {url: lake.url, projectId: lake.projectId, dataset: lake.dataset, readToken: lake.readToken},
    webhookSecret: LAKE_SECRET,
  })
  for (const id of ['club-north', 'club-south']) {
    const port = await freePort()
    const created = await api<{apiKey: string; webhookSecret: string}>('/v1/partners', {
      method: 'POST',
      key: service.publisherKey,
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({
        id,
        name: id === 'club-north' ? 'Club North' : 'Club South',
        webhookUrl: `http://127.0.0.1:${port}/webhooks/spotter`,
      }),
    })
    expect(created.status, created.text).toBe(201)
    const storeFile = path.join(tmp, `${id}.json`)
    const app = await spawnPartnerApp({
      port,
      serviceUrl: service.url,
      apiKey: created.body.apiKey,
      webhookSecret: created.body.webhookSecret,
      storeFile,
    })
    partners[id] = {id, apiKey: created.body.apiKey, webhookSecret: created.body.webhookSecret, port, storeFile, app}
  }
}, 120_000)

afterAll(async () => {
  for (const p of Object.values(partners)) await p.app.kill()
  await service?.stop()
  await lake?.stop()
  fs.rmSync(tmp, {recursive: true, force: true})
})

describe('syndication end to end', () => {
  it('gives each partner exactly the published content it is licensed for, with attribution and disclaimers', async () => {
    await expectStoreMatches('club-north', 'initial')
    await expectStoreMatches('club-south', 'initial')
    expect(titles('club-north')).toEqual(['Open squat guide', 'Partners-only deadlift notes'])
    expect(titles('club-south')).toEqual(['Open squat guide'])
    const open = Object.values(store('club-north').items).find((i) => i._spotter.documentId === 'article-open')!
    expect(open.id).toBe('urn:spotter:spotter:production:article-open')
    expect(open._spotter.attribution).toBe('Dana Coach for Spotter Club, CC BY 4.0')
    expect(open._spotter.licence).toEqual({id: 'cc-by-4.0', name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/'})
    expect(open._spotter.canonicalUrl).toBe('https://spotter.example/articles/open')
    // Its own, its callout's and its exercise's disclaimers.
    expect(open._spotter.disclaimers.map((d) => d.id).sort()).toEqual(['disclaimer-injury', 'disclaimer-knee', 'disclaimer-medical'])
    expect(open._spotter.people).toEqual([
      expect.objectContaining({
        role: 'author',
        name: 'Dana Coach',
        credentials: [expect.objectContaining({title: 'Certified Strength and Conditioning Specialist', issuingBody: 'NSCA', year: 2015})],
      }),
    ])
    expect(open.content_text).toContain('Squats build legs.')
    expect(open.content_text).toContain('Consult a physician')
    expect(JSON.stringify(store('club-north'))).not.toContain('DRAFT TITLE')
    // The partner renders the Portable Text itself with the SDK's HTML renderer.
    const page = await (await fetch(`http://127.0.0.1:${partners['club-north']!.port}/articles/article-open`)).text()
    expect(page).toContain(open.content_html)
    expect(page).toContain('Dana Coach for Spotter Club, CC BY 4.0')
    expect(page).toContain('Stop if you feel sharp pain.')
  })

  it('publishes a draft through webhook, service and signed delivery; the draft alone changes nothing', async () => {
    const client = lake.client()
    await client.createOrReplace({...openArticle('Open squat guide, revised'), _id: 'drafts.article-open'})
    await new Promise((r) => setTimeout(r, 500))
    expect(titles('club-south')).toEqual(['Open squat guide'])
    const before = store('club-south').events.length
    await client.action({actionType: 'sanity.action.document.publish', draftId: 'drafts.article-open', publishedId: 'article-open'})
    await expectStoreMatches('club-south', 'after publish')
    expect(titles('club-south')).toEqual(['Open squat guide, revised'])
    // The partner records a delivery only after the sync it triggered, in a second save: the items
    // can match before the event is written.
    await waitUntil(() => store('club-south').events.length > before, 30_000, 'the publish delivery to be recorded at club-south')
    await expectStoreMatches('club-north', 'after publish')
  })

  it('unpublish makes a tombstone and the item disappears at the partner', async () => {
    await lake
      .client()
      .action({actionType: 'sanity.action.document.unpublish', draftId: 'drafts.article-partners', publishedId: 'article-partners'})
    await expectStoreMatches('club-north', 'after unpublish')
    expect(titles('club-north')).toEqual(['Open squat guide, revised'])
    const {body} = await api<FeedPage>(`/v1/feed.json?since=${encodeURIComponent(firstCursor('club-north'))}`, {
      key: partners['club-north']!.apiKey,
    })
    expect(body.items).toContainEqual(
      expect.objectContaining({id: 'urn:spotter:spotter:production:article-partners', _spotter: {deleted: true, reason: 'unpublished'}}),
    )
    const atom = await api(`/v1/feed.atom?since=${encodeURIComponent(firstCursor('club-north'))}`, {key: partners['club-north']!.apiKey})
    expect(atom.text).toContain('<at:deleted-entry ref="urn:spotter:spotter:production:article-partners"')
  })

  it('a partner that is not allowed never sees the item, and losing the licence removes it', async () => {
    const client = lake.client()
    await client.createOrReplace(
      article('article-north-only', 'North-only rowing plan', {licence: 'partners-only', allowedPartners: ['club-north']}),
    )
    await expectStoreMatches('club-north', 'north-only published')
    await expectStoreMatches('club-south', 'north-only published')
    expect(titles('club-north')).toContain('North-only rowing plan')
    const southFeed = await api(`/v1/feed.json?since=${encodeURIComponent(firstCursor('club-south'))}`, {
      key: partners['club-south']!.apiKey,
    })
    expect(southFeed.text).not.toContain('north-only')
    const southAtom = await api('/v1/feed.atom', {key: partners['club-south']!.apiKey})
    expect(southAtom.text).not.toContain('North-only')
    await client.patch('article-north-only').set({'syndication.allowedPartners': []}).commit()
    await expectStoreMatches('club-north', 'north-only licence withdrawn')
    expect(titles('club-north')).not.toContain('North-only rowing plan')
  })

  it('a burst of separate publishes all arrive', async () => {
    const client = lake.client()
    await Promise.all(
      Array.from({length: 12}, (_, i) => client.createOrReplace(article(`article-burst-${i}`, `Burst ${i}`, {licence: 'cc-by-4.0'}))),
    )
    await expectStoreMatches('club-south', 'after a burst')
    expect(titles('club-south').filter((t) => t.startsWith('Burst '))).toHaveLength(12)
    await Promise.all(Array.from({length: 12}, (_, i) => client.delete(`article-burst-${i}`)))
    await expectStoreMatches('club-south', 'after deleting the burst')
  })

  it('an article whose disclaimer is missing is syndicated only once the disclaimer exists', async () => {
    expect(titles('club-south')).not.toContain('Broken disclaimer article')
    await lake.client().create({_id: 'disclaimer-pending', _type: 'disclaimer', title: 'Now present', kind: 'information-only', body: []})
    await expectStoreMatches('club-south', 'disclaimer published')
    expect(titles('club-south')).toContain('Broken disclaimer article')
    // A disclaimer that an exercise shown in the article refers to counts too: the exercise's
    // change alone takes the article away, and back.
    const client = lake.client()
    await client
      .patch('exercise-squat')
      .append('disclaimers', [{_type: 'reference', _ref: 'disclaimer-not-yet', _key: 'n', _weak: true}])
      .commit()
    await expectStoreMatches('club-south', 'exercise disclaimer missing')
    expect(titles('club-south')).not.toContain('Open squat guide, revised')
    await client.patch('exercise-squat').unset(['disclaimers[_key=="n"]']).commit()
    await expectStoreMatches('club-south', 'exercise disclaimer removed')
    expect(titles('club-south')).toContain('Open squat guide, revised')
  })

  it('a partner endpoint down for a while gets every event after it recovers, none twice', async () => {
    const north = partners['club-north']!
    await north.app.kill('SIGKILL')
    const client = lake.client()
    await client.createOrReplace(article('article-while-down-1', 'Written while north was down', {licence: 'cc-by-4.0'}))
    await client.patch('article-open').set({excerpt: 'Changed while north was down.'}).commit()
    await client.createOrReplace(article('article-while-down-2', 'Second while north was down', {licence: 'cc-by-4.0'}))
    // The service keeps trying (with backoff) and failing.
    await waitUntil(
      async () => {
        const {body} = await api<{deliveries: Array<DeliveryRecord & {attemptLog: DeliveryAttempt[]}>}>('/v1/deliveries?status=pending', {
          key: north.apiKey,
        })
        return body.deliveries.length >= 3 && body.deliveries.some((d) => d.attempts >= 2)
      },
      30_000,
      'failed attempts while the partner is down',
    )
    await north.app.restart()
    await waitUntil(
      async () =>
        (await api<{deliveries: DeliveryRecord[]}>('/v1/deliveries?status=pending', {key: north.apiKey})).body.deliveries.length === 0,
      30_000,
      'the queue for club-north to drain',
    )
    await expectStoreMatches('club-north', 'after recovery')
    const log = (
      await api<{deliveries: Array<DeliveryRecord & {attemptLog: DeliveryAttempt[]}>}>('/v1/deliveries?limit=1000', {key: north.apiKey})
    ).body.deliveries
    expect(log.every((d) => d.partnerId === 'club-north')).toBe(true)
    expect(log.some((d) => d.attemptLog.some((a) => a.status === null) && d.status === 'delivered')).toBe(true)
    const delivered = log
      .filter((d) => d.status === 'delivered')
      .map((d) => d.key)
      .sort()
    const received = store('club-north').events.map((e) => e.deliveryId)
    expect(new Set(received).size).toBe(received.length) // none twice
    expect([...received].sort()).toEqual(delivered) // every event
  })

  it('the service down for a while: the lake keeps retrying and partners catch up after it restarts', async () => {
    await service.kill('SIGKILL')
    await lake.client().createOrReplace(article('article-service-down', 'Published while the service was down', {licence: 'cc-by-4.0'}))
    await new Promise((r) => setTimeout(r, 300)) // the lake's first attempts fail
    await service.restart()
    await expectStoreMatches('club-south', 'after the service restarted')
    await expectStoreMatches('club-north', 'after the service restarted')
    expect(titles('club-south')).toContain('Published while the service was down')
  })

  it('rejects a wrong signature, a tampered body and a replayed delivery at the partner, changing nothing', async () => {
    const south = partners['club-south']!
    const url = `http://127.0.0.1:${south.port}/webhooks/spotter`
    const body = JSON.stringify({
      type: 'item.updated',
      deliveryId: 'dlv_test_replay',
      partner: 'club-south',
      itemId: 'x',
      version: 'v',
      reason: null,
      occurredAt: new Date().toISOString(),
    })
    const send = (payload: string, signature: string) =>
      fetch(url, {
        method: 'POST',
        headers: {'content-type': 'application/json', 'idempotency-key': 'dlv_test_replay', [SIGNATURE_HEADER_NAME]: signature},
        body: payload,
      })
    const before = fs.readFileSync(south.storeFile, 'utf8')
    expect((await send(body, await encodeSignatureHeader(body, Date.now(), 'whsec_wrong'))).status).toBe(401)
    const signature = await encodeSignatureHeader(body, Date.now(), south.webhookSecret)
    expect((await send(body.replace('item.updated', 'item.deleted'), signature)).status).toBe(401)
    expect((await send(body, await encodeSignatureHeader(body, Date.now() - 3_600_000, south.webhookSecret))).status).toBe(401)
    expect((await send(body, 'not a signature')).status).toBe(400)
    expect(fs.readFileSync(south.storeFile, 'utf8')).toBe(before)
    expect((await send(body, signature)).status).toBe(200)
    const accepted = fs.readFileSync(south.storeFile, 'utf8')
    const replay = await send(body, signature)
    expect(replay.status).toBe(409)
    expect(await replay.text()).toContain('Replayed')
    expect(fs.readFileSync(south.storeFile, 'utf8')).toBe(accepted)
  })

  it('rejects unsigned, wrongly signed and tampered webhooks at the service, changing nothing', async () => {
    const head = async () => (await api<FeedPage>('/v1/feed.json', {key: partners['club-south']!.apiKey})).body._spotter.cursor
    const before = await head()
    const body = JSON.stringify({_id: 'article-open', _type: 'article', operation: 'update'})
    const post = (payload: string, headers: Record<string, string>) =>
      api('/v1/webhooks/sanity', {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: payload})
    const missing = await post(body, {})
    expect(missing.status).toBe(401)
    expect(missing.text).toContain('sanity-webhook-signature')
    expect((await post(body, {[SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), 'wrong-secret')})).status).toBe(401)
    const good = await encodeSignatureHeader(body, Date.now(), LAKE_SECRET)
    const tampered = await post(body.replace('article-open', 'article-reserved'), {[SIGNATURE_HEADER_NAME]: good})
    expect(tampered.status).toBe(401)
    expect(tampered.text).toContain('invalidSignature')
    expect(
      (await post(body, {[SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now() - 3_600_000, LAKE_SECRET)})).status,
    ).toBe(401)
    expect(await head()).toBe(before)
    const ok = await post(body, {[SIGNATURE_HEADER_NAME]: good, 'idempotency-key': 'test-once'})
    expect(ok.status).toBe(200)
    const again = await post(body, {[SIGNATURE_HEADER_NAME]: good, 'idempotency-key': 'test-once'})
    expect(again.body).toEqual({ok: true, duplicate: true})
  })

  it('answers bad feed and API input with clear 4xx errors', async () => {
    const north = partners['club-north']!
    const south = partners['club-south']!
    const unknown = await api('/v1/feed.json', {key: 'spk_not-a-real-key'})
    expect(unknown.status).toBe(401)
    expect(unknown.text).toContain('Unknown API key')
    expect((await api('/v1/feed.json')).status).toBe(401)
    const malformed = await api('/v1/feed.json?since=garbage!', {key: north.apiKey})
    expect(malformed.status).toBe(400)
    expect(malformed.body).toMatchObject({error: {type: 'invalidCursor'}})
    expect(malformed.text).toContain('since')
    const southCursor = (await api<FeedPage>('/v1/feed.json', {key: south.apiKey})).body._spotter.cursor
    expect((await api(`/v1/feed.json?since=${southCursor}`, {key: north.apiKey})).status).toBe(400) // not issued to north
    const edited = Buffer.from(
      Buffer.from(southCursor, 'base64url')
        .toString()
        .replace(/^v1\.\d+/, 'v1.1'),
    ).toString('base64url')
    expect((await api(`/v1/feed.atom?since=${edited}`, {key: south.apiKey})).status).toBe(400)
    expect((await api('/v1/feed.json?limit=0', {key: north.apiKey})).status).toBe(400)
    expect((await api('/v1/partners', {key: north.apiKey})).status).toBe(403)
    expect((await api('/v1/deliveries?partner=club-south', {key: north.apiKey})).status).toBe(403)
    const all = await api<{deliveries: DeliveryRecord[]}>('/v1/deliveries?limit=1000', {key: service.publisherKey})
    expect(new Set(all.body.deliveries.map((d) => d.partnerId))).toEqual(new Set(['club-north', 'club-south']))
    const duplicate = await api('/v1/partners', {
      method: 'POST',
      key: service.publisherKey,
      body: JSON.stringify({id: 'club-north', name: 'again'}),
    })
    expect(duplicate.status).toBe(409)
    const badId = await api('/v1/partners', {method: 'POST', key: service.publisherKey, body: JSON.stringify({id: 'Bad Id', name: 'x'})})
    expect(badId.status).toBe(400)
    expect(badId.body).toMatchObject({error: {description: expect.stringContaining('"id" must be')}})
    expect((await api('/v1/partners', {key: service.publisherKey})).text).not.toContain('sha256')
  })
})

/** A cursor from the very start of a partner's feed (sequence 0), as the service issued it. */
function firstCursor(partnerId: string): string {
  return cursors.get(partnerId) ?? ''
}
const cursors = new Map<string, string>()
beforeAll(async () => {
  // A first sync's cursor from before any later change; incremental reads from it see tombstones.
  for (const id of Object.keys(partners)) {
    const page = await api<FeedPage>('/v1/feed.json?limit=1', {key: partners[id]!.apiKey})
    cursors.set(id, page.body._spotter.cursor)
  }
})
