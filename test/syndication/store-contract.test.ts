// One contract, two implementations: the syndication store on SQLite (node:sqlite) and on a real
// PostgreSQL server. Under CI=true the PostgreSQL half must run; locally it is skipped, with a
// message, when no server binaries are installed.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ConflictError, SyndicationStore} from '../../syndication/src/storage/store.ts'
import {findPostgresBinaries, startTestPostgres, type TestPostgres} from '../../syndication/src/testing-postgres.ts'
import type {FeedItem, PartnerRecord} from '../../syndication/src/types.ts'

const pgAvailable = Boolean(process.env.SYNDICATION_PG_URL) || findPostgresBinaries() !== null
const inCi = process.env.CI === 'true'
if (!pgAvailable && !inCi)
  console.warn(
    '[store-contract] PostgreSQL tests skipped: no server binaries found (apt-get install postgresql, or set SYNDICATION_PG_URL)',
  )

it.runIf(inCi)('PostgreSQL is available in CI', () => {
  expect(pgAvailable, 'CI must install postgresql (see .ci/run) so the PostgreSQL store is tested').toBe(true)
})

const partner = (id: string, webhookUrl: string | null): PartnerRecord => ({
  id,
  name: `Partner ${id}`,
  keyHash: `hash-${id}`,
  webhookUrl,
  webhookSecret: webhookUrl ? `secret-${id}` : null,
  createdAt: '2026-01-01T00:00:00.000Z',
})

const item = (id: string, title: string) => ({id, title}) as unknown as FeedItem

function contract(name: string, open: () => Promise<SyndicationStore>, cleanup: () => Promise<void>) {
  describe(name, () => {
    let store: SyndicationStore
    beforeAll(async () => {
      store = await open()
      await store.partners.add(partner('alpha', 'http://127.0.0.1:1/hook'))
      await store.partners.add(partner('beta', null))
    })
    afterAll(async () => {
      await store?.close()
      await cleanup()
    })

    it('keeps partners by id and key hash, refuses a duplicate id', async () => {
      expect((await store.partners.byKeyHash('hash-alpha'))?.id).toBe('alpha')
      expect(await store.partners.byKeyHash('nope')).toBeNull()
      await expect(store.partners.add(partner('alpha', null))).rejects.toBeInstanceOf(ConflictError)
      expect((await store.partners.list()).map((p) => p.id)).toEqual(['alpha', 'beta'])
      await store.publisherKeys.add('pub-hash', 'ops')
      expect(await store.publisherKeys.nameByKeyHash('pub-hash')).toBe('ops')
      expect(await store.publisherKeys.nameByKeyHash('other')).toBeNull()
    })

    it('numbers feed changes, skips unchanged states and tombstones only what a partner had', async () => {
      const now = new Date('2026-02-01T00:00:00.000Z')
      const first = await store.feed.apply({
        contents: [{version: 'v1', itemId: 'i1', content: item('i1', 'One')}],
        states: [
          {partnerId: 'alpha', itemId: 'i1', version: 'v1', reason: null},
          {partnerId: 'beta', itemId: 'i1', version: null, reason: 'not-licensed'},
        ],
        now,
      })
      expect(first.map((c) => [c.partnerId, c.version])).toEqual([['alpha', 'v1']])
      expect(first[0]?.deliveryKey).toMatch(/^dlv_/)
      const again = await store.feed.apply({contents: [], states: [{partnerId: 'alpha', itemId: 'i1', version: 'v1', reason: null}], now})
      expect(again).toEqual([])
      const second = await store.feed.apply({
        contents: [{version: 'v2', itemId: 'i2', content: item('i2', 'Two')}],
        states: [
          {partnerId: 'alpha', itemId: 'i1', version: null, reason: 'unpublished'},
          {partnerId: 'alpha', itemId: 'i2', version: 'v2', reason: null},
          {partnerId: 'beta', itemId: 'i2', version: 'v2', reason: null},
          {partnerId: 'ghost', itemId: 'i2', version: 'v2', reason: null},
        ],
        now,
      })
      expect(second.map((c) => [c.partnerId, c.itemId, c.version])).toEqual([
        ['alpha', 'i1', null],
        ['alpha', 'i2', 'v2'],
        ['beta', 'i2', 'v2'],
      ])
      expect(second[2]?.deliveryKey).toBeNull() // beta has no webhook
      const seqs = [...first, ...second].map((c) => c.seq)
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
      expect(new Set(seqs).size).toBe(seqs.length)
      expect(await store.feed.knownItemIds()).toEqual(['i1', 'i2'])
      expect(await store.feed.knownItemIds(['i2', 'i9'])).toEqual(['i2'])
    })

    it('serves a feed after a cursor, without tombstones on a first sync', async () => {
      const full = await store.feed.read('alpha', null, 100)
      expect(full.rows.map((r) => [r.itemId, r.version])).toEqual([['i2', 'v2']])
      expect(full.rows[0]?.content).toEqual({id: 'i2', title: 'Two'})
      const changes = await store.feed.read('alpha', 0, 100)
      expect(changes.rows.map((r) => [r.itemId, r.version, r.reason])).toEqual([
        ['i1', null, 'unpublished'],
        ['i2', 'v2', null],
      ])
      expect(full.head).toBe(changes.rows[1]?.seq)
      const page = await store.feed.read('alpha', 0, 1)
      expect(page.rows).toHaveLength(1)
      expect((await store.feed.read('alpha', full.head, 100)).rows).toEqual([])
      expect((await store.feed.read('beta', null, 100)).rows.map((r) => r.itemId)).toEqual(['i2'])
    })

    it('hands out each partner its oldest pending delivery once, and logs attempts', async () => {
      const now = Date.now() + 1000
      const claimed = await store.deliveries.claimDue(now, 10_000)
      expect(claimed.map((d) => [d.partnerId, d.event.itemId, d.event.type])).toEqual([['alpha', 'i1', 'item.updated']])
      expect(await store.deliveries.claimDue(now, 10_000)).toEqual([]) // leased
      const [d] = claimed
      await store.deliveries.recordAttempt(
        d!.id,
        {attempt: 1, at: new Date().toISOString(), status: 503, error: 'HTTP 503', durationMs: 3},
        {status: 'pending', nextAttemptAt: now + 50},
      )
      expect(await store.deliveries.claimDue(now, 10_000)).toEqual([]) // not due yet
      const retry = await store.deliveries.claimDue(now + 60, 10_000)
      expect(retry.map((r) => r.id)).toEqual([d!.id])
      await store.deliveries.recordAttempt(
        d!.id,
        {attempt: 2, at: new Date().toISOString(), status: 200, error: null, durationMs: 2},
        {status: 'delivered', nextAttemptAt: now + 60},
      )
      const next = await store.deliveries.claimDue(now + 60, 10_000)
      expect(next.map((r) => [r.event.itemId, r.event.type])).toEqual([['i1', 'item.deleted']])
      const log = await store.deliveries.list({partnerId: 'alpha'})
      const done = log.find((entry) => entry.id === d!.id)
      expect(done?.status).toBe('delivered')
      expect(done?.attemptLog.map((a) => a.status)).toEqual([503, 200])
      expect((await store.deliveries.list({partnerId: 'beta'})).length).toBe(0)
    })

    it('remembers inbound webhook keys and a store secret', async () => {
      expect(await store.inbound.remember('k1')).toBe(true)
      expect(await store.inbound.remember('k1')).toBe(false)
      expect(await store.inbound.remember('old', new Date('2020-01-01T00:00:00.000Z'))).toBe(true)
      expect(await store.inbound.prune(new Date('2021-01-01T00:00:00.000Z'))).toBe(1)
      expect(await store.inbound.remember('old')).toBe(true)
      expect(await store.inbound.remember('k1')).toBe(false)
      const secret = await store.secrets.get('cursor')
      expect(secret.length).toBeGreaterThan(20)
      expect(await store.secrets.get('cursor')).toBe(secret)
    })

    it('gives concurrent writers distinct, increasing sequence numbers', async () => {
      const writes = Array.from({length: 8}, (_, i) =>
        store.feed.apply({
          contents: [{version: `c${i}`, itemId: `c${i}`, content: item(`c${i}`, `C${i}`)}],
          states: [{partnerId: 'beta', itemId: `c${i}`, version: `c${i}`, reason: null}],
          now: new Date(),
        }),
      )
      const seqs = (await Promise.all(writes)).flat().map((c) => c.seq)
      expect(new Set(seqs).size).toBe(8)
      const feed = await store.feed.read('beta', null, 100)
      expect(feed.rows.map((r) => r.seq)).toEqual([...feed.rows.map((r) => r.seq)].sort((a, b) => a - b))
    })
  })
}

const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-store-'))
contract(
  'SQLite store',
  () => SyndicationStore.open({kind: 'sqlite', path: path.join(sqliteDir, 'state.db')}),
  async () => fs.rmSync(sqliteDir, {recursive: true, force: true}),
)

let server: TestPostgres | null = null
describe.skipIf(!pgAvailable)('PostgreSQL', () => {
  contract(
    'PostgreSQL store',
    async () => {
      server = await startTestPostgres()
      if (!server) throw new Error('PostgreSQL server could not be started')
      return SyndicationStore.open({kind: 'postgres', url: server.url})
    },
    async () => {
      await server?.stop()
    },
  )
})
