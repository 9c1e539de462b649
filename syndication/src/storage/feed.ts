// Item versions and each partner's feed: the latest state per item, numbered by one global
// sequence (the cursor). A change for a partner with a webhook also queues a delivery, in the
// same transaction.
import {randomBytes} from 'node:crypto'
import type {DeliveryEvent, FeedItem, FeedRow} from '../types.ts'
import type {DeliveryStore} from './deliveries.ts'
import type {SqlDriver, SqlExecutor} from './driver.ts'
import type {PartnerStore} from './partners.ts'

export const FEED_TABLES = [
  `CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS item_contents (version TEXT PRIMARY KEY, item_id TEXT NOT NULL, content TEXT NOT NULL, created_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS partner_items (partner_id TEXT NOT NULL, item_id TEXT NOT NULL, seq BIGINT NOT NULL,
     version TEXT, reason TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (partner_id, item_id))`,
  `CREATE INDEX IF NOT EXISTS partner_items_by_seq ON partner_items (partner_id, seq)`,
  `INSERT INTO counters (name, value) VALUES ('feed', 0) ON CONFLICT (name) DO NOTHING`,
]

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

export class FeedStore {
  private readonly driver: SqlDriver
  private readonly partners: Pick<PartnerStore, 'webhookUrls'>
  private readonly deliveries: Pick<DeliveryStore, 'enqueue'>

  constructor(driver: SqlDriver, partners: Pick<PartnerStore, 'webhookUrls'>, deliveries: Pick<DeliveryStore, 'enqueue'>) {
    this.driver = driver
    this.partners = partners
    this.deliveries = deliveries
  }

  /**
   * Records the wanted state of items per partner, in one transaction. A (partner, item) whose
   * version differs from what it has gets the next feed sequence number, and a delivery when the
   * partner has a webhook. A partner that never had an item gets no tombstone for it.
   */
  async apply(input: ApplyInput): Promise<FeedChange[]> {
    const now = input.now.toISOString()
    return this.driver.transaction(async (tx) => {
      // Take the feed counter's row lock first: writers from several processes then run one after
      // another, and each reads the states the previous one committed (PostgreSQL, read committed).
      await tx.run(`UPDATE counters SET value = value WHERE name = 'feed'`)
      for (const c of input.contents) {
        await tx.run(
          `INSERT INTO item_contents (version, item_id, content, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (version) DO NOTHING`,
          [c.version, c.itemId, JSON.stringify(c.content), now],
        )
      }
      const webhooks = await this.partners.webhookUrls(tx)
      const changes: FeedChange[] = []
      for (const state of input.states) {
        if (!webhooks.has(state.partnerId)) continue
        const [current] = await tx.all<{version: string | null}>(`SELECT version FROM partner_items WHERE partner_id = ? AND item_id = ?`, [
          state.partnerId,
          state.itemId,
        ])
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
          await this.deliveries.enqueue(tx, event, input.now)
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
      ? await this.driver.all<{item_id: string}>(
          `SELECT DISTINCT item_id FROM partner_items WHERE item_id IN (${ids.map(() => '?').join(', ')})`,
          ids,
        )
      : await this.driver.all<{item_id: string}>(`SELECT DISTINCT item_id FROM partner_items`)
    return rows.map((r) => r.item_id).sort()
  }

  /**
   * A partner's feed after `since` (exclusive), oldest change first. Without `since` (a first
   * sync) tombstones are left out. `head` is the newest sequence number in the partner's feed.
   */
  async read(partnerId: string, since: number | null, limit: number): Promise<{rows: FeedRow[]; head: number}> {
    const rows = await this.driver.all<FeedRowRaw>(
      `SELECT p.seq, p.item_id, p.version, p.reason, p.updated_at, c.content FROM partner_items p
       LEFT JOIN item_contents c ON c.version = p.version
       WHERE p.partner_id = ? AND p.seq > ? ${since === null ? 'AND p.version IS NOT NULL' : ''}
       ORDER BY p.seq LIMIT ?`,
      [partnerId, since ?? 0, limit],
    )
    const [head] = await this.driver.all<{head: number | string | null}>(
      `SELECT MAX(seq) AS head FROM partner_items WHERE partner_id = ?`,
      [partnerId],
    )
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

  /** Drops a partner's feed state, inside the caller's transaction. */
  async forgetPartner(tx: SqlExecutor, partnerId: string): Promise<void> {
    await tx.run(`DELETE FROM partner_items WHERE partner_id = ?`, [partnerId])
  }
}

async function nextSeq(tx: SqlExecutor): Promise<number> {
  const [row] = await tx.all<{value: number | string}>(`UPDATE counters SET value = value + 1 WHERE name = 'feed' RETURNING value`)
  return Number(row!.value)
}

interface FeedRowRaw {
  seq: number | string
  item_id: string
  version: string | null
  reason: string | null
  updated_at: string
  content: string | null
}
