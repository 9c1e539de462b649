// The delivery queue and its attempt log: one row per event a partner's webhook must receive,
// leased while a process sends it, with every attempt kept.
import type {DeliveryAttempt, DeliveryEvent, DeliveryRecord, DeliveryStatus} from '../types.ts'
import type {SqlDriver, SqlExecutor} from './driver.ts'

export const deliveryTables = (autoId: string) => [
  `CREATE TABLE IF NOT EXISTS deliveries (id ${autoId}, key TEXT NOT NULL UNIQUE, partner_id TEXT NOT NULL, event TEXT NOT NULL,
     status TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at BIGINT NOT NULL, lease_until BIGINT,
     last_status INTEGER, last_error TEXT, created_at TEXT NOT NULL, delivered_at TEXT)`,
  `CREATE INDEX IF NOT EXISTS deliveries_by_partner ON deliveries (partner_id, status, id)`,
  `CREATE TABLE IF NOT EXISTS delivery_attempts (delivery_id BIGINT NOT NULL, attempt INTEGER NOT NULL, at TEXT NOT NULL,
     status INTEGER, error TEXT, duration_ms INTEGER NOT NULL, PRIMARY KEY (delivery_id, attempt))`,
]

export class DeliveryStore {
  private readonly driver: SqlDriver

  constructor(driver: SqlDriver) {
    this.driver = driver
  }

  /** Queues an event, due at once, inside the caller's transaction (the feed change it reports). */
  async enqueue(tx: SqlExecutor, event: DeliveryEvent, now: Date): Promise<void> {
    await tx.run(
      `INSERT INTO deliveries (key, partner_id, event, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
      [event.deliveryId, event.partner, JSON.stringify(event), now.getTime(), now.toISOString()],
    )
  }

  /** Gives up a partner's pending deliveries, inside the caller's transaction (the log stays). */
  async failPending(tx: SqlExecutor, partnerId: string, error: string): Promise<void> {
    await tx.run(`UPDATE deliveries SET status = 'failed', last_error = ? WHERE partner_id = ? AND status = 'pending'`, [error, partnerId])
  }

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
        [
          next.status,
          attempt.attempt,
          next.nextAttemptAt,
          attempt.status,
          attempt.error,
          next.status === 'delivered' ? attempt.at : null,
          id,
        ],
      )
    })
  }

  /** The delivery log, newest first, with every attempt. */
  async list(
    filter: {partnerId?: string; status?: DeliveryStatus; limit?: number} = {},
  ): Promise<Array<DeliveryRecord & {attemptLog: DeliveryAttempt[]}>> {
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
    const rows = await this.driver.all<DeliveryRow>(
      `SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      params,
    )
    const result = []
    for (const row of rows) {
      const attempts = await this.driver.all<AttemptRow>(`SELECT * FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt`, [row.id])
      result.push({
        ...deliveryFromRow(row),
        attemptLog: attempts.map((a) => ({
          attempt: Number(a.attempt),
          at: a.at,
          status: a.status === null ? null : Number(a.status),
          error: a.error,
          durationMs: Number(a.duration_ms),
        })),
      })
    }
    return result
  }
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
