// SQLite driver on node:sqlite (built into Node 22: no native build). The database is
// synchronous, so every statement and transaction goes through one promise chain: statements of
// another caller never land inside an open transaction.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {createRequire} from 'node:module'
import type {DatabaseSync as Database, SQLInputValue} from 'node:sqlite'
import type {SqlDriver, SqlExecutor} from './driver.ts'

// Loaded with require: bundlers and test runners that predate node:sqlite (vite's built-in
// module list) would otherwise refuse the import; Node itself has it.
function loadSqlite(): typeof Database {
  try {
    return (createRequire(import.meta.url)('node:sqlite') as {DatabaseSync: typeof Database}).DatabaseSync
  } catch (err) {
    throw new Error(
      `node:sqlite is not available in Node ${process.versions.node}: run on Node 22 (node_modules/.bin/node, npm test, npm scripts) (${(err as Error).message})`,
    )
  }
}

export function openSqlite(file: string): SqlDriver {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), {recursive: true})
  const DatabaseSync = loadSqlite()
  const db = new DatabaseSync(file)
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;')
  const executor: SqlExecutor = {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return db.prepare(sql).all(...(params as SQLInputValue[])) as T[]
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return Number(db.prepare(sql).run(...(params as SQLInputValue[])).changes)
    },
  }
  let chain: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn)
    chain = next.catch(() => undefined)
    return next
  }
  return {
    kind: 'sqlite',
    autoId: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    all: (sql, params) => serial(() => executor.all(sql, params)),
    run: (sql, params) => serial(() => executor.run(sql, params)),
    transaction: (fn) =>
      serial(async () => {
        db.exec('BEGIN IMMEDIATE')
        try {
          const result = await fn(executor)
          db.exec('COMMIT')
          return result
        } catch (err) {
          db.exec('ROLLBACK')
          throw err
        }
      }),
    close: () => serial(async () => db.close()),
  }
}
