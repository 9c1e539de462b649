// The service against a lake that answers 429 (hosted's rate limits): its reads are retried by
// @sanity/client, and a reconcile that still fails (the lake refusing for longer than the client
// retries) is tried again until it succeeds, so content published while the service was down
// reaches the partner although no webhook will ever announce it; a webhook the service cannot
// act on (503) is sent again by the lake until it can.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {PartnerState} from '../../examples/partner-app/src/store.ts'
import type {SpawnedLake} from '@spotter/lake/testing'
import {freePort, spawnPartnerApp, spawnSyndication, type SpawnedProcess, type SpawnedSyndication} from '../../syndication/src/testing.ts'
import {article, seedContent} from './support/content.ts'
import {spawnLakeWithWebhooks} from './support/lake.ts'
import {startReceiver, waitUntil} from './support/receiver.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-syndication-429-'))
const storeFile = path.join(tmp, 'partner.json')
const QUERY_TIMEOUT_MS = 12_000
const SECRET = 'lake-to-syndication-secret'

let lake: SpawnedLake
let service: SpawnedSyndication
let partner: SpawnedProcess

const titles = () => {
  if (!fs.existsSync(storeFile)) return []
  return Object.values((JSON.parse(fs.readFileSync(storeFile, 'utf8')) as PartnerState).items)
    .map((item) => item.title)
    .sort()
}

/** A query that runs until the lake's time limit: it holds the dataset's only query slot. */
function hogQuerySlot(): Promise<number> {
  let query = '*[_id >= "c" && _type == "hog" && ^._id != "none"][]._id'
  for (let i = 0; i < 10; i++) query = `*[_id in ${query} && ^._id != "none"][]._id`
  const url = `${lake.url}/v2025-02-19/data/query/${lake.dataset}?query=${encodeURIComponent(query)}&perspective=raw`
  return fetch(url, {headers: {authorization: `Bearer ${lake.readToken}`, 'x-sanity-project-id': lake.projectId}}).then((r) => r.status)
}

beforeAll(async () => {
  const servicePort = await freePort()
  // Webhooks only for `article.webhook-*`: the rest changes silently (only a reconcile finds it).
  const webhook = {
    name: 'syndication',
    dataset: 'production',
    url: `http://127.0.0.1:${servicePort}/v1/webhooks/sanity`,
    filter: '_type == "article" && string::startsWith(_id, "article.webhook-")',
    projection: '{_id}',
    on: ['create', 'update', 'delete'],
    secret: SECRET,
    retry: {baseMs: 200, maxMs: 1000, maxAttempts: 100},
  }
  lake = await spawnLakeWithWebhooks(path.join(tmp, 'lake'), [webhook], {
    rateLimits: {concurrentQueries: 1},
    queryTimeoutMs: QUERY_TIMEOUT_MS,
  })
  await seedContent(lake.client())
  const hogs = lake.client().transaction()
  for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) hogs.create({_id: `hog-${id}`, _type: 'hog'})
  await hogs.commit()
  service = await spawnSyndication({
    port: servicePort,
    source: {url: lake.url, projectId: lake.projectId, dataset: lake.dataset, readToken: lake.readToken},
    webhookSecret: SECRET,
  })
  const port = await freePort()
  const res = await fetch(new URL('/v1/partners', service.url), {
    method: 'POST',
    headers: {authorization: `Bearer ${service.publisherKey}`, 'content-type': 'application/json'},
    body: JSON.stringify({id: 'club-north', name: 'Club North', webhookUrl: `http://127.0.0.1:${port}/webhooks/spotter`}),
  })
  expect(res.status).toBe(201)
  const created = (await res.json()) as {apiKey: string; webhookSecret: string; reconciled: boolean}
  expect(created.reconciled).toBe(true)
  partner = await spawnPartnerApp({port, serviceUrl: service.url, apiKey: created.apiKey, webhookSecret: created.webhookSecret, storeFile})
}, 120_000)

afterAll(async () => {
  await partner?.kill()
  await service?.stop()
  await lake?.stop()
  fs.rmSync(tmp, {recursive: true, force: true})
})

describe('syndication against a rate-limited lake', () => {
  it("a start-up reconcile refused with 429 past the client's retries is retried until the content arrives", async () => {
    await waitUntil(() => titles().includes('Open squat guide'), 30_000, 'the initial content at the partner')
    await service.kill()
    // Published while the service is down: only a reconcile can find it (no webhook matches it).
    await lake.client().createOrReplace(article('article.while-down', 'Published while the service was down', {licence: 'cc-by-4.0'}))
    const hog = hogQuerySlot()
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Every other query is refused now, as hosted refuses past its concurrent-query limit.
    const refused = await fetch(`${lake.url}/v2025-02-19/data/query/${lake.dataset}?query=${encodeURIComponent('count(*)')}`, {
      headers: {authorization: `Bearer ${lake.readToken}`, 'x-sanity-project-id': lake.projectId},
    })
    expect(refused.status).toBe(429)
    await service.restart()
    await waitUntil(
      () => service.output().includes('reconcile at start-up failed, retrying'),
      QUERY_TIMEOUT_MS,
      'the start-up reconcile to be refused',
    )
    expect(service.output()).toContain('API rate limit exceeded')
    expect(await hog).toBe(400) // the slow query hit the time limit and freed the slot
    await waitUntil(
      () => titles().includes('Published while the service was down'),
      60_000,
      `the article published while down to reach the partner\n${service.output()}`,
    )
    expect(service.output()).toContain('reconcile at start-up done after a retry')
  })

  it('a webhook the service cannot act on while the lake refuses its reads (503) is sent again until it can', async () => {
    const hog = hogQuerySlot()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const started = Date.now()
    await lake.client().createOrReplace(article('article.webhook-1', 'Announced while the lake was busy', {licence: 'cc-by-4.0'}))
    await waitUntil(
      () => titles().includes('Announced while the lake was busy'),
      60_000,
      `the announced article to reach the partner\n${service.output()}`,
    )
    // It could only be read once the slow query had freed the slot.
    expect(await hog).toBe(400)
    expect(Date.now() - started).toBeGreaterThan(QUERY_TIMEOUT_MS - 1_000)
  })

  it('a partner answering 429 with Retry-After is not tried again sooner than it asked', async () => {
    const receiver = await startReceiver()
    try {
      receiver.status = 429
      receiver.headers = {'retry-after': '2'}
      const res = await fetch(new URL('/v1/partners', service.url), {
        method: 'POST',
        headers: {authorization: `Bearer ${service.publisherKey}`, 'content-type': 'application/json'},
        body: JSON.stringify({id: 'club-busy', name: 'Club Busy', webhookUrl: receiver.url}),
      })
      expect(res.status).toBe(201)
      await receiver.waitFor((all) => all.length >= 1)
      receiver.status = 200
      receiver.headers = {}
      await receiver.waitFor((all) => all.length >= 2)
      const [first, second] = receiver.received
      // The service's own backoff here starts at 100 ms; the partner asked for 2 s.
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_900)
      expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key'])
      expect(second!.headers['spotter-delivery-attempt']).toBe('2')
    } finally {
      await receiver.close()
    }
  })
})
