// The lake's GROQ-powered webhooks over real HTTP: filter, projection, drafts, headers, the
// @sanity/webhook signature, retries with backoff, and a queue that survives a lake restart.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {isValidSignature, SIGNATURE_HEADER_NAME} from '@sanity/webhook'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type SpawnedLake} from '@spotter/lake/testing'
import {spawnLakeWithWebhooks} from './support/lake.ts'
import {startReceiver, type Receiver} from './support/receiver.ts'

const SECRET = 'lake-webhook-secret-for-tests'
let receiver: Receiver
let lake: SpawnedLake
let dataDir: string

beforeAll(async () => {
  receiver = await startReceiver()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-webhooks-'))
  lake = await spawnLakeWithWebhooks(
    dataDir,
    [
      {
        name: 'articles',
        dataset: 'production',
        url: `${receiver.url}/hook`,
        filter: `_type == "article"`,
        projection: `{_id, _type, title, "operation": delta::operation(), "titleChanged": delta::changedAny(title), "author": author->name}`,
        on: ['create', 'update', 'delete'],
        includeDrafts: false,
        httpMethod: 'POST',
        headers: {'x-team': 'syndication'},
        secret: SECRET,
        retry: {baseMs: 100, maxMs: 400, maxAttempts: 50},
      },
      // Drafts included, deletes only, PUT, no projection (the whole document), unsigned.
      {
        name: 'draft-deletes',
        url: `${receiver.url}/drafts`,
        on: ['delete'],
        includeDrafts: true,
        httpMethod: 'PUT',
        retry: {baseMs: 100, maxMs: 400, maxAttempts: 50},
      },
    ],
    {rateLimits: 'off'},
  )
})

afterAll(async () => {
  await lake?.stop()
  await receiver?.close()
  fs.rmSync(dataDir, {recursive: true, force: true})
})

const hooks = () => receiver.received.filter((r) => r.path === '/hook')
const bodies = () => hooks().map((r) => JSON.parse(r.body) as Record<string, unknown>)

describe('lake webhooks', () => {
  it('delivers a signed, projected payload for matching published documents only', async () => {
    const client = lake.client()
    await client.create({_id: 'person-ann', _type: 'person', name: 'Ann Coach'})
    await client.create({_id: 'drafts.article-a', _type: 'article', title: 'Draft only'})
    await client.create({_id: 'article-a', _type: 'article', title: 'First', author: {_type: 'reference', _ref: 'person-ann'}})
    await receiver.waitFor(() => hooks().length >= 1)
    await new Promise((r) => setTimeout(r, 300)) // nothing else should arrive
    expect(receiver.received).toHaveLength(1)
    const [hit] = hooks()
    expect(hit?.path).toBe('/hook')
    expect(JSON.parse(hit!.body)).toEqual({
      _id: 'article-a',
      _type: 'article',
      title: 'First',
      operation: 'create',
      titleChanged: true,
      author: 'Ann Coach',
    })
    const signature = hit!.headers[SIGNATURE_HEADER_NAME] as string
    expect(signature).toMatch(/^t=\d+,v1=[\w-]+$/)
    expect(await isValidSignature(hit!.body, signature, SECRET)).toBe(true)
    expect(await isValidSignature(hit!.body.replace('First', 'Forged'), signature, SECRET)).toBe(false)
    expect(hit!.headers).toMatchObject({
      'x-team': 'syndication',
      'content-type': 'application/json',
      'sanity-project-id': 'spotter',
      'sanity-dataset': 'production',
      'sanity-document-id': 'article-a',
      'sanity-operation': 'create',
    })
    expect(hit!.headers['idempotency-key']).toMatch(/^lake-[0-9a-f]{32}$/)
    expect(hit!.headers['sanity-transaction-id']).toBeTruthy()
  })

  it('sends update and delete, with delta functions seeing before and after', async () => {
    const client = lake.client()
    await client.patch('article-a').set({kind: 'news'}).commit()
    await client.delete('article-a')
    await receiver.waitFor(() => hooks().length >= 3)
    expect(bodies().slice(1)).toEqual([
      {_id: 'article-a', _type: 'article', title: 'First', operation: 'update', titleChanged: false, author: 'Ann Coach'},
      {_id: 'article-a', _type: 'article', title: 'First', operation: 'delete', titleChanged: true, author: 'Ann Coach'},
    ])
  })

  it('honours includeDrafts, on, httpMethod and an empty projection', async () => {
    const drafts = () => receiver.received.filter((r) => r.path === '/drafts')
    await receiver.waitFor(() => drafts().length >= 1) // the delete of article-a above
    await lake.client().delete('drafts.article-a')
    await receiver.waitFor(() => drafts().length >= 2)
    const [published, draft] = drafts()
    expect(published?.method).toBe('PUT')
    expect(JSON.parse(published!.body)).toMatchObject({_id: 'article-a', _type: 'article', title: 'First', kind: 'news'})
    expect(JSON.parse(draft!.body)).toMatchObject({_id: 'drafts.article-a', title: 'Draft only'})
    expect(draft?.headers['sanity-operation']).toBe('delete')
    expect(draft?.headers[SIGNATURE_HEADER_NAME]).toBeUndefined()
    expect(drafts()).toHaveLength(2) // creates and updates were not sent
  })

  it('retries with backoff while the endpoint fails, with one idempotency key per event', async () => {
    receiver.status = 503
    const before = receiver.received.length
    await lake.client().create({_id: 'article-b', _type: 'article', title: 'Retried'})
    await receiver.waitFor((all) => all.length >= before + 3)
    receiver.status = 200
    await receiver.waitFor(
      (all) =>
        all.some((r, i) => i >= before && r.headers['sanity-webhook-attempt'] !== '1' && r.body.includes('Retried')) &&
        all.length >= before + 4,
    )
    const attempts = receiver.received.slice(before)
    expect(new Set(attempts.map((a) => a.headers['idempotency-key'])).size).toBe(1)
    const times = attempts.map((a) => Number(/t=(\d+)/.exec(a.headers[SIGNATURE_HEADER_NAME] as string)?.[1]))
    // Backoff doubles from baseMs (100): the gaps are at least 100 ms, then 200 ms (more under load).
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(95)
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(195)
  })

  it('keeps undelivered events across a lake restart', async () => {
    receiver.status = 503
    await lake.client().create({_id: 'article-c', _type: 'article', title: 'Survives restart'})
    await receiver.waitFor((all) => all.some((r) => r.body.includes('Survives restart')))
    await lake.kill('SIGKILL')
    receiver.status = 200
    const before = receiver.received.length
    await lake.restart()
    await receiver.waitFor((all) => all.slice(before).some((r) => r.body.includes('Survives restart')))
    await new Promise((r) => setTimeout(r, 300))
    expect(
      receiver.received.slice(before).filter((r) => r.body.includes('Survives restart') && r.headers['sanity-webhook-attempt']),
    ).toHaveLength(1)
  })
})
