// The service on PostgreSQL, the way a publisher that outgrew one machine runs it: two service
// processes share one real PostgreSQL database. The lake notifies one of them; both run delivery
// workers. The partner still gets every event once, in sync with the published, licensed content.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SpawnedLake} from '@spotter/lake/testing'
import {findPostgresBinaries, startTestPostgres, type TestPostgres} from '../../syndication/src/testing-postgres.ts'
import {freePort, spawnPartnerApp, spawnSyndication, type SpawnedProcess, type SpawnedSyndication} from '../../syndication/src/testing.ts'
import type {DeliveryRecord, FeedPage} from '../../syndication/src/types.ts'
import type {PartnerState} from '../../examples/partner-app/src/store.ts'
import {article, expectedFor, seedContent} from './support/content.ts'
import {spawnLakeWithWebhooks} from './support/lake.ts'
import {waitUntil} from './support/receiver.ts'

const available = Boolean(process.env.SYNDICATION_PG_URL) || findPostgresBinaries() !== null
if (!available && process.env.CI !== 'true')
  console.warn('[postgres-service] skipped: no PostgreSQL server binaries (apt-get install postgresql)')

describe.skipIf(!available && process.env.CI !== 'true')('syndication service on PostgreSQL', () => {
  const SECRET = 'lake-to-syndication-pg'
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-pg-service-'))
  let pg: TestPostgres | null = null
  let lake: SpawnedLake
  let first: SpawnedSyndication
  let second: SpawnedSyndication
  let partnerApp: SpawnedProcess
  const storeFile = path.join(tmp, 'partner.json')
  let apiKey = ''

  beforeAll(async () => {
    pg = await startTestPostgres()
    if (!pg) throw new Error('No PostgreSQL server: CI must install postgresql (.ci/run)')
    const servicePort = await freePort()
    lake = await spawnLakeWithWebhooks(path.join(tmp, 'lake'), [
      {
        name: 'syndication',
        url: `http://127.0.0.1:${servicePort}/v1/webhooks/sanity`,
        projection: '{_id}',
        secret: SECRET,
        retry: {baseMs: 100, maxMs: 1000, maxAttempts: 100},
      },
    ])
    await seedContent(lake.client())
    const source = {url: lake.url, projectId: lake.projectId, dataset: lake.dataset, readToken: lake.readToken}
    const storage = {kind: 'postgres' as const, url: pg.url}
    first = await spawnSyndication({port: servicePort, source, webhookSecret: SECRET, storage})
    second = await spawnSyndication({source, webhookSecret: SECRET, storage})
    const partnerPort = await freePort()
    const res = await fetch(`${second.url}/v1/partners`, {
      method: 'POST',
      headers: {authorization: `Bearer ${second.publisherKey}`, 'content-type': 'application/json'},
      body: JSON.stringify({id: 'club-north', name: 'Club North', webhookUrl: `http://127.0.0.1:${partnerPort}/webhooks/spotter`}),
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as {apiKey: string; webhookSecret: string}
    apiKey = created.apiKey
    partnerApp = await spawnPartnerApp({port: partnerPort, serviceUrl: first.url, apiKey, webhookSecret: created.webhookSecret, storeFile})
  }, 120_000)

  afterAll(async () => {
    await partnerApp?.kill()
    await first?.stop()
    await second?.stop()
    await lake?.stop()
    await pg?.stop()
    fs.rmSync(tmp, {recursive: true, force: true})
  })

  const state = (): PartnerState =>
    fs.existsSync(storeFile)
      ? (JSON.parse(fs.readFileSync(storeFile, 'utf8')) as PartnerState)
      : {cursor: null, items: {}, events: [], signatures: {}}
  const matches = async () => {
    const expected = await expectedFor(lake, 'club-north')
    const items = Object.values(state().items)
    return (
      items.length === expected.size &&
      items.every((i) => JSON.stringify(i._spotter.article) === JSON.stringify(expected.get(i._spotter.documentId)?.article))
    )
  }

  it('keeps the partner in sync through either process, every event once', async () => {
    await waitUntil(matches, 30_000, 'initial sync from PostgreSQL')
    const client = lake.client()
    await client.createOrReplace(article('article-pg-new', 'Stored in PostgreSQL', {licence: 'cc-by-4.0'}))
    await client.patch('article-partners').set({title: 'Partners-only deadlift notes, v2'}).commit()
    await client.delete('article-open')
    await waitUntil(
      async () => (await matches()) && Object.values(state().items).some((i) => i.title === 'Stored in PostgreSQL'),
      30_000,
      'changes to reach the partner',
    )
    expect(
      Object.values(state().items)
        .map((i) => i.title)
        .sort(),
    ).toEqual(['Partners-only deadlift notes, v2', 'Stored in PostgreSQL'])
    // Both processes serve the same feed from the shared database.
    const feeds = await Promise.all(
      [first, second].map(async (s) =>
        ((await (await fetch(`${s.url}/v1/feed.json`, {headers: {authorization: `Bearer ${apiKey}`}})).json()) as FeedPage).items.map(
          (i) => i.id,
        ),
      ),
    )
    expect(feeds[0]).toEqual(feeds[1])
    await waitUntil(
      async () => {
        const res = await fetch(`${first.url}/v1/deliveries?status=pending`, {headers: {authorization: `Bearer ${apiKey}`}})
        return ((await res.json()) as {deliveries: unknown[]}).deliveries.length === 0
      },
      30_000,
      'deliveries to drain',
    )
    const log = (
      (await (
        await fetch(`${second.url}/v1/deliveries?limit=1000`, {headers: {authorization: `Bearer ${second.publisherKey}`}})
      ).json()) as {deliveries: DeliveryRecord[]}
    ).deliveries
    const received = state().events.map((e) => e.deliveryId)
    expect(new Set(received).size).toBe(received.length)
    expect([...received].sort()).toEqual(
      log
        .filter((d) => d.status === 'delivered')
        .map((d) => d.key)
        .sort(),
    )
    expect(log.every((d) => d.status === 'delivered')).toBe(true)
  })
})
