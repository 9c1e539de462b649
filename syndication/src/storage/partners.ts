// Partners: who they are, their API key's hash, and where and with which secret their webhook
// is signed (stored as is: the service signs with it).
import type {PartnerRecord} from '../types.ts'
import type {SqlDriver, SqlExecutor} from './driver.ts'

export const PARTNER_TABLES = [
  `CREATE TABLE IF NOT EXISTS partners (id TEXT PRIMARY KEY, name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
     webhook_url TEXT, webhook_secret TEXT, created_at TEXT NOT NULL)`,
]

export class ConflictError extends Error {}

/** Clears what other parts of the store hold for a partner, inside the removal's transaction. */
export type PartnerRemoval = (tx: SqlExecutor, partnerId: string) => Promise<void>

export class PartnerStore {
  private readonly driver: SqlDriver
  private readonly onRemove: PartnerRemoval

  constructor(driver: SqlDriver, onRemove: PartnerRemoval) {
    this.driver = driver
    this.onRemove = onRemove
  }

  async add(partner: PartnerRecord): Promise<void> {
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

  async get(id: string): Promise<PartnerRecord | null> {
    const [row] = await this.driver.all<PartnerRow>(`SELECT * FROM partners WHERE id = ?`, [id])
    return row ? partnerFromRow(row) : null
  }

  async byKeyHash(keyHash: string): Promise<PartnerRecord | null> {
    const [row] = await this.driver.all<PartnerRow>(`SELECT * FROM partners WHERE key_hash = ?`, [keyHash])
    return row ? partnerFromRow(row) : null
  }

  async list(): Promise<PartnerRecord[]> {
    return (await this.driver.all<PartnerRow>(`SELECT * FROM partners ORDER BY id`)).map(partnerFromRow)
  }

  /** Every partner's webhook URL (null: none), read inside the caller's transaction. */
  async webhookUrls(tx: SqlExecutor): Promise<Map<string, string | null>> {
    return new Map(
      (await tx.all<{id: string; webhook_url: string | null}>(`SELECT id, webhook_url FROM partners`)).map((p) => [p.id, p.webhook_url]),
    )
  }

  /** Removes a partner, with what the rest of the store holds for it (see PartnerRemoval). */
  async remove(id: string): Promise<boolean> {
    return this.driver.transaction(async (tx) => {
      await this.onRemove(tx, id)
      return (await tx.run(`DELETE FROM partners WHERE id = ?`, [id])) > 0
    })
  }
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
  return {
    id: row.id,
    name: row.name,
    keyHash: row.key_hash,
    webhookUrl: row.webhook_url,
    webhookSecret: row.webhook_secret,
    createdAt: row.created_at,
  }
}
