// The publisher's API keys, stored as hashes only.
import type {SqlDriver} from './driver.ts'

export const PUBLISHER_KEY_TABLES = [
  `CREATE TABLE IF NOT EXISTS publisher_keys (key_hash TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL)`,
]

export class PublisherKeyStore {
  private readonly driver: SqlDriver

  constructor(driver: SqlDriver) {
    this.driver = driver
  }

  async add(keyHash: string, name: string, now = new Date()): Promise<void> {
    await this.driver.run(`INSERT INTO publisher_keys (key_hash, name, created_at) VALUES (?, ?, ?)`, [keyHash, name, now.toISOString()])
  }

  /** The name the key was added under, or null for an unknown key. */
  async nameByKeyHash(keyHash: string): Promise<string | null> {
    const [row] = await this.driver.all<{name: string}>(`SELECT name FROM publisher_keys WHERE key_hash = ?`, [keyHash])
    return row?.name ?? null
  }
}
