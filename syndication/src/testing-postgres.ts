// A throwaway PostgreSQL server for tests, started from the installed server binaries (Debian:
// /usr/lib/postgresql/<version>/bin) in a temp dir on a free port. As root (CI), initdb and
// postgres run as the `postgres` user, which refuse to run as root. With SYNDICATION_PG_URL set,
// that server is used instead (a fresh database is created in it per call).
import {execFileSync, spawn, type ChildProcess} from 'node:child_process'
import * as fs from 'node:fs'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import pg from 'pg'

export interface TestPostgres {
  url: string
  stop(): Promise<void>
}

/** Where initdb and postgres are, or null when no server is installed. */
export function findPostgresBinaries(): string | null {
  const candidates: string[] = []
  const debian = '/usr/lib/postgresql'
  if (fs.existsSync(debian)) {
    for (const v of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, v, 'bin'))
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim())
  } catch {
    // no pg_config on PATH
  }
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres'))) ?? null
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

function postgresUser(): {uid: number; gid: number} | undefined {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], {encoding: 'utf8'}).trim())
  return {uid: id('-u'), gid: id('-g')}
}

async function createDatabase(adminUrl: string): Promise<TestPostgres> {
  const name = `spotter_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({connectionString: adminUrl})
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({connectionString: adminUrl})
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

/** Starts a server (or uses SYNDICATION_PG_URL); null when neither is available. */
export async function startTestPostgres(): Promise<TestPostgres | null> {
  if (process.env.SYNDICATION_PG_URL) return createDatabase(process.env.SYNDICATION_PG_URL)
  const bin = findPostgresBinaries()
  if (!bin) return null
  const owner = postgresUser()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-pg-'))
  if (owner) fs.chownSync(dir, owner.uid, owner.gid)
  const data = path.join(dir, 'data')
  const asOwner = owner ? {uid: owner.uid, gid: owner.gid} : {}
  execFileSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C'], {
    ...asOwner,
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const port = await freePort()
  const child: ChildProcess = spawn(
    path.join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=50'],
    {...asOwner, cwd: dir, stdio: ['ignore', 'ignore', 'pipe']},
  )
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-5000)))
  const killOnExit = () => child.kill('SIGKILL')
  process.on('exit', killOnExit)
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited at start:\n${stderr}`)
    try {
      const client = new pg.Client({connectionString: url})
      await client.connect()
      await client.end()
      break
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 60 s: ${(err as Error).message}\n${stderr}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  return {
    url,
    async stop() {
      process.off('exit', killOnExit)
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM') // smart shutdown: sessions closing now end cleanly
        const fast = setTimeout(() => child.kill('SIGINT'), 5000)
        await exited
        clearTimeout(fast)
      }
      fs.rmSync(dir, {recursive: true, force: true})
    },
  }
}
