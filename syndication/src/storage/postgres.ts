// PostgreSQL driver on pg. Several service processes may share one database: the feed counter
// row is updated inside each writing transaction, so writers queue on its row lock and feed
// sequence numbers become visible in order (a reader never skips a lower number that commits later).
import pg from 'pg'
import type {SqlDriver, SqlExecutor} from './driver.ts'

/** `?` placeholders to `$1, $2, ...` (the store's SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

function executorFor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(numbered(sql), params as unknown[])).rows as T[]
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return (await client.query(numbered(sql), params as unknown[])).rowCount ?? 0
    },
  }
}

export function openPostgres(url: string): SqlDriver {
  const pool = new pg.Pool({connectionString: url, max: 5})
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error(`[syndication] PostgreSQL connection error: ${err.message}`))
  const base = executorFor(pool)
  return {
    kind: 'postgres',
    autoId: 'BIGSERIAL PRIMARY KEY',
    all: base.all,
    run: base.run,
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(executorFor(client))
        await client.query('COMMIT')
        return result
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
