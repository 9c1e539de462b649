// The data dir's lock: an OS-level lock held by the process that uses the dir (serve, import,
// export, verify, repair), so two lakes never serve one dir, and a dead process or a stale file
// never blocks a start. Node has no flock; SQLite's exclusive locking takes POSIX (fcntl) locks,
// which the kernel releases when the process exits, however it dies (kill -9 included). The
// lock is DATA_DIR/lake.lock, held by an exclusive write transaction that is never committed.
// DATA_DIR/lake.lock.owner only says who holds it, for the message; it never decides anything.
import * as fs from 'node:fs'
import {createRequire} from 'node:module'
import * as path from 'node:path'
import type {DatabaseSync} from 'node:sqlite'

export const LOCK_FILE = 'lake.lock'
const OWNER_FILE = 'lake.lock.owner'

// Kept referenced for the process lifetime: a collected handle would close and release the lock.
const held = new Map<string, DatabaseSync>()

export class DataDirLockedError extends Error {}

/** Locks `dataDir` for this process, or throws DataDirLockedError naming the holder. */
export function lockDataDir(dataDir: string, purpose: string): void {
  if (held.has(dataDir)) return
  fs.mkdirSync(dataDir, {recursive: true})
  // Loaded with require: test runners that predate node:sqlite refuse the static import.
  const {DatabaseSync} = createRequire(import.meta.url)('node:sqlite') as typeof import('node:sqlite')
  const db = new DatabaseSync(path.join(dataDir, LOCK_FILE))
  try {
    db.exec('PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE')
  } catch (err) {
    db.close()
    if (!/locked|busy/i.test((err as Error).message)) throw err
    throw new DataDirLockedError(lockedMessage(dataDir))
  }
  held.set(dataDir, db)
  fs.writeFileSync(path.join(dataDir, OWNER_FILE), `${JSON.stringify({pid: process.pid, purpose, since: new Date().toISOString()})}\n`)
}

function lockedMessage(dataDir: string): string {
  let info: {pid: number; purpose: string; since: string} | null = null
  try {
    info = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8'))
  } catch {
    // Written right after the lock is taken: the holder may be just starting.
  }
  if (info?.purpose === 'serve') {
    return `A lake (pid ${info.pid}, since ${info.since}) is serving ${dataDir}; stop it first, or use its HTTP API (/data/import, /data/export)`
  }
  const who = info ? `\`spotter-lake ${info.purpose}\` (pid ${info.pid}, since ${info.since})` : 'another lake process'
  return `${dataDir} is in use by ${who}; wait for it to finish or stop it first`
}
