// Idempotency keys of inbound webhook calls already processed, so a repeated call is a no-op.
import type {SqlDriver} from './driver.ts'

export const INBOUND_TABLES = [`CREATE TABLE IF NOT EXISTS inbound_events (key TEXT PRIMARY KEY, received_at TEXT NOT NULL)`]

export class InboundCallStore {
  private readonly driver: SqlDriver

  constructor(driver: SqlDriver) {
    this.driver = driver
  }

  /** Remembers a call's key; false if it was already processed. */
  async remember(key: string, now = new Date()): Promise<boolean> {
    return (
      (await this.driver.run(`INSERT INTO inbound_events (key, received_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, [
        key,
        now.toISOString(),
      ])) === 1
    )
  }

  /** Forgets keys older than `before` (senders retry for hours, not weeks). */
  async prune(before: Date): Promise<number> {
    return this.driver.run(`DELETE FROM inbound_events WHERE received_at < ?`, [before.toISOString()])
  }

  /** Forgets one key, so the sender's retry is processed again. */
  async forget(key: string): Promise<void> {
    await this.driver.run(`DELETE FROM inbound_events WHERE key = ?`, [key])
  }
}
