// Random secrets made once per store (e.g. the cursor signing key), the same for every process
// sharing the database.
import {randomBytes} from 'node:crypto'
import type {SqlDriver} from './driver.ts'

export const SECRET_TABLES = [`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`]

export class SecretStore {
  private readonly driver: SqlDriver

  constructor(driver: SqlDriver) {
    this.driver = driver
  }

  /** The secret called `name`, made on first use; concurrent first uses agree on one. */
  async get(name: string): Promise<string> {
    await this.driver.run(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, [
      name,
      randomBytes(32).toString('base64url'),
    ])
    const [row] = await this.driver.all<{value: string}>(`SELECT value FROM meta WHERE key = ?`, [name])
    return row!.value
  }
}
