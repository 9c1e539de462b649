// The service's state behind one interface: partners and keys (hashes only), item versions,
// each partner's feed (latest state per item, numbered by a global sequence), the delivery
// queue and log, and the inbound webhook keys already processed. One implementation of the
// logic on top of a SqlDriver, so SQLite and PostgreSQL behave the same by construction, and the
// same contract tests run against both.
import {randomBytes} from 'node:crypto'
import type {DeliveryAttempt, DeliveryEvent, DeliveryRecord, DeliveryStatus, FeedItem, FeedRow, PartnerRecord} from '../types.ts'
import type {SqlDriver, SqlExecutor} from './driver.ts'
import {openPostgres} from './postgres.ts'
import {openSqlite} from './sqlite.ts'

export type StorageConfig = {kind: 'sqlite'; path: string} | {kind: 'postgres'; url: string}

export class ConflictError extends Error {}

export interface ItemState {
  partnerId: string
  itemId: string
  /** null: the item is gone for this partner (a tombstone, if the partner ever had it). */
  version: string | null
  reason: string | null
}

export interface FeedChange {
  partnerId: string
  itemId: string
  seq: number
  version: string | null
  deliveryKey: string | null
}

export interface ApplyInput {
  contents: Array<{version: string; itemId: string; content: FeedItem}>
  states: ItemState[]
  now: Date
}

export class SyndicationStore {
  readonly driver: SqlDriver

  constructor(driver: SqlDriver) {
    this.driver = driver
  }

  static async open(config: StorageConfig): Promise<SyndicationStore> {
    const store = new SyndicationStore(config.kind === 'sqlite' ? openSqlite(config.path) : openPostgres(config.url))
    await store.init()
    return store
  }

  async init(): Promise<void> {
    const id = this.driver.autoId
    const statements = [
      `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS publisher_keys (key_hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS partners (id TEXT PRIMARY KEY, name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
         webhook_url TEXT, webhook_secret TEXT, created_at TEXT NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS item_contents (version TEXT PRIMARY KEY, item_id TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS partner_items (partner_id TEXT NOT NULL, item_id TEXT NOT NULL, seq BIGINT NOT NULL,
         version TEXT, reason TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (partner_id, item_id))`,
      `CREATE INDEX IF NOT EXISTS partner_items_by_seq ON partner_items (partner_id, seq)`,
      `CREATE TABLE IF NOT EXISTS deliveries (id ${id}, key TEXT NOT NULL UNIQUE, partner_id TEXT NOT NULL, event TEXT NOT NULL,
         status TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at BIGINT NOT NULL, lease_until BIGINT,
         last_status INTEGER, last_error TEXT, created_at TEXT NOT NULL, delivered_at TEXT)`,
      `CREATE INDEX IF NOT EXISTS deliveries_by_partner ON deliveries (partner_id, status, id)`,
      `CREATE TABLE IF NOT EXISTS delivery_attempts (delivery_id BIGINT NOT NULL, attempt INTEGER NOT NULL, at TEXT NOT NULL,
         status INTEGER, error TEXT, duration_ms INTEGER NOT NULL, PRIMARY KEY (delivery_id, attempt))`,
      `CREATE TABLE IF NOT EXISTS inbound_events (key TEXT PRIMARY KEY, received_at TEXT NOT NULL)`,
    ]
    await this.driver.transaction(async (tx) => {
      for (const sql of statements) await tx.run(sql)
      await tx.run(`INSERT INTO counters (name, value) VALUES ('feed', 0) ON CONFLICT (name) DO NOTHING`)
    })
  }

  close(): Promise<void> {
    return this.driver.close()
  }

  /** A random secret made once per store (e.g. the cursor signing key), the same for every process. */
  async secret(name: string): Promise<string> {
    await this.driver.run(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, [name, randomBytes(32).toString('base64url')])
    const [row] = await this.driver.all<{value: string}>(`SELECT value FROM meta WHERE key = ?`, [name])
    return row!.value
  }

  // --- keys and partners -------------------------------------------------------------------

  async addPublisherKey(keyHash: string, name: string, now = new Date()): Promise<void> {
    await this.driver.run(`INSERT INTO publisher_keys (key_hash, name, created_at) VALUES (?, ?, ?)`, [keyHash, name, now.toISOString()])
  }

  async publisherByKeyHash(keyHash: string): Promise<string | null> {
    const [row] = await this.driver.all<{name: string}>(`SELECT name FROM publisher_keys WHERE key_hash = ?`, [keyHash])
    return row?.name ?? null
  }

  async addPartner(partner: PartnerRecord): Promise<void> {
    await this.driver.transaction(async (tx) => {
      const existing = await tx.all(`SELECT id FROM partners WHERE id = ?`, [partner.id])
      if (existing.length > 0) throw new ConflictError(`Partner "${partner.id}" already exists`)
      await tx.run(`INSERT INTO partners (id, name, key_hash, webhook_url, webhook_secret, created_at) VALUES (?, ?, ?, ?, ?, ?)`, [
        partner.id,
        partner.name,
        partner.keyHash,
        partner.webhookUrl,
        partner.webhookSecret,
        partner.createdAt,
      ])
    })
  }

  async getPartner(id: string): Promise<PartnerRecord | null> {
    const [row] = await this.driver.all<PartnerRow>(`SELECT * FROM partners WHERE id = ?`, [id])
    return row ? partnerFromRow(row) : null
  }

  async partnerByKeyHash(keyHash: string): Promise<PartnerRecord | null> {
    const [row] = await this.driver.all<PartnerRow>(`SELECT * FROM partners WHERE key_hash = ?`, [keyHash])
    return row ? partnerFromRow(row) : null
  }

  async listPartners(): Promise<PartnerRecord[]> {
    return (await this.driver.all<PartnerRow>(`SELECT * FROM partners ORDER BY id`)).map(partnerFromRow)
  }

  /** Removes a partner with its feed state and queued deliveries (its delivery log stays). */
  async removePartner(id: string): Promise<boolean> {
    return this.driver.transaction(async (tx) => {
      await tx.run(`DELETE FROM partner_items WHERE partner_id = ?`, [id])
      await tx.run(`UPDATE deliveries SET status = 'failed', last_error = 'partner removed' WHERE partner_id = ? AND status = 'pending'`, [id])
      return (await tx.run(`DELETE FROM partners WHERE id = ?`, [id])) > 0
    })
  }

  // --- items and feeds ---------------------------------------------------------------------

  /**
   * Records the wanted state of items per partner, in one transaction. A (partner, item) whose
   * version differs from what it has gets the next feed sequence number, and a delivery when the
   * partner has a webhook. A partner that never had an item gets no tombstone for it.
   */
  async applyStates(input: ApplyInput): Promise<FeedChange[]> {
    const now = input.now.toISOString()
    return this.driver.transaction(async (tx) => {
      // Take the feed counter's row lock first: writers from several processes then run one after
      // another, and each reads the states the previous one committed (PostgreSQL, read committed).
      await tx.run(`UPDATE counters SET value = value WHERE name = 'feed'`)
      for (const c of input.contents) {
        await tx.run(`INSERT INTO item_contents (version, item_id, content, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (version) DO NOTHING`, [
          c.version,
          c.itemId,
          JSON.stringify(c.content),
          now,
        ])
      }
      const webhooks = new Map((await tx.all<{id: string; webhook_url: string | null}>(`SELECT id, webhook_url FROM partners`)).map((p) => [p.id, p.webhook_url]))
      const changes: FeedChange[] = []
      for (const state of input.states) {
        if (!webhooks.has(state.partnerId)) continue
        const [current] = await tx.all<{version: string | null}>(`SELECT version FROM partner_items WHERE partner_id = ? AND item_id = ?`, [state.partnerId, state.itemId])
        if (current ? current.version === state.version : state.version === null) continue
        const seq = await nextSeq(tx)
        await tx.run(
          `INSERT INTO partner_items (partner_id, item_id, seq, version, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (partner_id, item_id) DO UPDATE SET seq = excluded.seq, version = excluded.version, reason = excluded.reason, updated_at = excluded.updated_at`,
          [state.partnerId, state.itemId, seq, state.version, state.reason, now],
        )
        let deliveryKey: string | null = null
        if (webhooks.get(state.partnerId)) {
          deliveryKey = `dlv_${randomBytes(16).toString('hex')}`
          const event: DeliveryEvent = {
            type: state.version ? 'item.updated' : 'item.deleted',
            deliveryId: deliveryKey,
            partner: state.partnerId,
            itemId: state.itemId,
            version: state.version,
            reason: state.reason,
            occurredAt: now,
          }
          await tx.run(
            `INSERT INTO deliveries (key, partner_id, event, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
            [deliveryKey, state.partnerId, JSON.stringify(event), input.now.getTime(), now],
          )
        }
        changes.push({partnerId: state.partnerId, itemId: state.itemId, seq, version: state.version, deliveryKey})
      }
      return changes
    })
  }

  /** Item ids any partner has (or had) in its feed, optionally only among `ids`. */
  async knownItemIds(ids?: readonly string[]): Promise<string[]> {
    if (ids && ids.length === 0) return []
    const rows = ids
      ? await this.driver.all<{item_id: string}>(`SELECT DISTINCT item_id FROM partner_items WHERE item_id IN (${ids.map(() => '?').join(', ')})`, ids)
      : await this.driver.all<{item_id: string}>(`SELECT DISTINCT item_id FROM partner_items`)
    return rows.map((r) => r.item_id).sort()
  }

  /**
   * A partner's feed after `since` (exclusive), oldest change first. Without `since` (a first
   * sync) tombstones are left out. `head` is the newest sequence number in the partner's feed.
   */
  async feed(partnerId: string, since: number | null, limit: number): Promise<{rows: FeedRow[]; head: number}> {
    const rows = await this.driver.all<FeedRowRaw>(
      `SELECT p.seq, p.item_id, p.version, p.reason, p.updated_at, c.content FROM partner_items p
       LEFT JOIN item_contents c ON c.version = p.version
       WHERE p.partner_id = ? AND p.seq > ? ${since === null ? 'AND p.version IS NOT NULL' : ''}
       ORDER BY p.seq LIMIT ?`,
      [partnerId, since ?? 0, limit],
    )
    const [head] = await this.driver.all<{head: number | string | null}>(`SELECT MAX(seq) AS head FROM partner_items WHERE partner_id = ?`, [partnerId])
    return {
      rows: rows.map((r) => ({
        seq: Number(r.seq),
        itemId: r.item_id,
        version: r.version,
        reason: r.reason,
        updatedAt: r.updated_at,
        content: r.content ? (JSON.parse(r.content) as FeedItem) : null,
      })),
      head: Number(head?.head ?? 0),
    }
  }

  // --- deliveries --------------------------------------------------------------------------

  /**
   * Claims due deliveries, at most one per partner and always that partner's oldest pending one
   * (so a partner gets its events in order), leasing each for `leaseMs` so that another process
   * sharing the database does not send it too.
   */
  async claimDue(now: number, leaseMs: number, limit = 20): Promise<DeliveryRecord[]> {
    const candidates = await this.driver.all<DeliveryRow>(
      `SELECT * FROM deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)
       AND d.id = (SELECT MIN(d2.id) FROM deliveries d2 WHERE d2.partner_id = d.partner_id AND d2.status = 'pending')
       ORDER BY d.id LIMIT ?`,
      [now, now, limit],
    )
    const claimed: DeliveryRecord[] = []
    for (const row of candidates) {
      const changed = await this.driver.run(
        `UPDATE deliveries SET lease_until = ? WHERE id = ? AND status = 'pending' AND (lease_until IS NULL OR lease_until <= ?)`,
        [now + leaseMs, row.id, now],
      )
      if (changed === 1) claimed.push(deliveryFromRow(row))
    }
    return claimed
  }

  /** Logs one attempt and moves the delivery on: delivered, failed for good, or due again later. */
  async recordAttempt(id: number, attempt: DeliveryAttempt, next: {status: DeliveryStatus; nextAttemptAt: number}): Promise<void> {
    await this.driver.transaction(async (tx) => {
      await tx.run(`INSERT INTO delivery_attempts (delivery_id, attempt, at, status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)`, [
        id,
        attempt.attempt,
        attempt.at,
        attempt.status,
        attempt.error,
        attempt.durationMs,
      ])
      await tx.run(
        `UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, lease_until = NULL, last_status = ?, last_error = ?, delivered_at = ? WHERE id = ?`,
        [next.status, attempt.attempt, next.nextAttemptAt, attempt.status, attempt.error, next.status === 'delivered' ? attempt.at : null, id],
      )
    })
  }

  /** The delivery log, newest first, with every attempt. */
  async listDeliveries(filter: {partnerId?: string; status?: DeliveryStatus; limit?: number} = {}): Promise<Array<DeliveryRecord & {attemptLog: DeliveryAttempt[]}>> {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.partnerId) {
      where.push('partner_id = ?')
      params.push(filter.partnerId)
    }
    if (filter.status) {
      where.push('status = ?')
      params.push(filter.status)
    }
    params.push(filter.limit ?? 100)
    const rows = await this.driver.all<DeliveryRow>(`SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`, params)
    const result = []
    for (const row of rows) {
      const attempts = await this.driver.all<AttemptRow>(`SELECT * FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt`, [row.id])
      result.push({
        ...deliveryFromRow(row),
        attemptLog: attempts.map((a) => ({attempt: Number(a.attempt), at: a.at, status: a.status === null ? null : Number(a.status), error: a.error, durationMs: Number(a.duration_ms)})),
      })
    }
    return result
  }

  /** Remembers an inbound webhook's idempotency key; false if it was already processed. */
  async rememberInbound(key: string, now = new Date()): Promise<boolean> {
    return (await this.driver.run(`INSERT INTO inbound_events (key, received_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, [key, now.toISOString()])) === 1
  }

  /** Forgets inbound keys older than `before` (senders retry for hours, not weeks). */
  async pruneInbound(before: Date): Promise<number> {
    return this.driver.run(`DELETE FROM inbound_events WHERE received_at < ?`, [before.toISOString()])
  }

  async forgetInbound(key: string): Promise<void> {
    await this.driver.run(`DELETE FROM inbound_events WHERE key = ?`, [key])
  }
}

async function nextSeq(tx: SqlExecutor): Promise<number> {
  const [row] = await tx.all<{value: number | string}>(`UPDATE counters SET value = value + 1 WHERE name = 'feed' RETURNING value`)
  return Number(row!.value)
}

interface PartnerRow {
  id: string
  name: string
  key_hash: string
  webhook_url: string | null
  webhook_secret: string | null
  created_at: string
}

function partnerFromRow(row: PartnerRow): PartnerRecord {
  return {id: row.id, name: row.name, keyHash: row.key_hash, webhookUrl: row.webhook_url, webhookSecret: row.webhook_secret, createdAt: row.created_at}
}

interface FeedRowRaw {
  seq: number | string
  item_id: string
  version: string | null
  reason: string | null
  updated_at: string
  content: string | null
}

interface DeliveryRow {
  id: number | string
  key: string
  partner_id: string
  event: string
  status: DeliveryStatus
  attempts: number | string
  next_attempt_at: number | string
  last_status: number | string | null
  last_error: string | null
  created_at: string
  delivered_at: string | null
}

interface AttemptRow {
  attempt: number | string
  at: string
  status: number | string | null
  error: string | null
  duration_ms: number | string
}

function deliveryFromRow(row: DeliveryRow): DeliveryRecord {
  return {
    id: Number(row.id),
    key: row.key,
    partnerId: row.partner_id,
    event: JSON.parse(row.event) as DeliveryEvent,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  }
}
