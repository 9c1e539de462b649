// Storage integrity, on copies of a real data dir: every kind of damage to the log or the snapshot
// is either a torn tail (cut off and reported) or stops that dataset only, with a message naming
// the file, the byte offset and the repair command; verify/repair on a stopped dir; the data dir
// lock (no pid file); kill -9 during concurrent (group-committed) writes loses nothing acknowledged.
import {execFile, spawn} from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const NODE = path.join(ROOT, 'node_modules/.bin/node')
const CLI = path.join(ROOT, 'lake/src/cli.ts')
const SEED = path.join(ROOT, 'seed/spotter.ndjson')
const run = promisify(execFile)

let work: string
/** A data dir stopped cleanly (its snapshot covers the whole log), and its contents. */
let clean: string
/** The same after more writes and a kill -9 (the log runs past the snapshot). */
let crashed: string
const exported: Record<string, string> = {}
const lakes: SpawnedLake[] = []

const logOf = (dir: string, dataset = 'production') => path.join(dir, 'datasets', dataset, 'txlog.ndjson')
const snapshotOf = (dir: string, dataset = 'production') => path.join(dir, 'datasets', dataset, 'snapshot.ndjson')

async function exportAll(lake: SpawnedLake, dataset = 'production'): Promise<string> {
  const res = await fetch(`${lake.url}/v1/data/export/${dataset}`, {headers: {authorization: `Bearer ${lake.readToken}`}})
  expect(res.status).toBe(200)
  return res.text()
}

async function start(dataDir: string): Promise<SpawnedLake> {
  const lake = await spawnLake({rateLimits: 'off', dataDir})
  lakes.push(lake)
  return lake
}

function copyOf(source: string): string {
  const dir = fs.mkdtempSync(path.join(work, 'copy-'))
  fs.cpSync(source, dir, {recursive: true})
  return dir
}

/** Lines of a file with their byte offsets (each including its newline). */
function linesOf(file: string): {offset: number; bytes: Buffer}[] {
  const buf = fs.readFileSync(file)
  const out: {offset: number; bytes: Buffer}[] = []
  let offset = 0
  while (offset < buf.length) {
    const end = buf.indexOf(10, offset)
    const next = end === -1 ? buf.length : end + 1
    out.push({offset, bytes: buf.subarray(offset, next)})
    offset = next
  }
  return out
}

/** Overwrites bytes in place (same length: offsets stay). */
function patchBytes(file: string, offset: number, bytes: string): void {
  const fd = fs.openSync(file, 'r+')
  fs.writeSync(fd, Buffer.from(bytes, 'latin1'), 0, bytes.length, offset)
  fs.closeSync(fd)
}

async function cli(...args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  try {
    const {stdout, stderr} = await run(NODE, [CLI, ...args])
    return {code: 0, stdout, stderr}
  } catch (err) {
    const e = err as {code: number; stdout: string; stderr: string}
    return {code: e.code, stdout: e.stdout, stderr: e.stderr}
  }
}

/** The dataset answers every request with a 503 naming the file, the offset and the repair command. */
async function expectStopped(lake: SpawnedLake, dir: string, file: string, offset: number, reason: RegExp): Promise<string> {
  const res = await fetch(`${lake.url}/v2025-02-19/data/query/production?query=count(*)`, {
    headers: {authorization: `Bearer ${lake.readToken}`},
  })
  const body = (await res.json()) as {error: {description: string; type: string}}
  expect(res.status).toBe(503)
  expect(body.error.type).toBe('datasetDamagedError')
  const message = body.error.description
  expect(message).toContain(`${file} at byte ${offset}:`)
  expect(message).toMatch(reason)
  expect(message).toContain(`spotter-lake repair --data-dir ${dir} --dataset production`)
  // The other dataset in the same dir is served as before.
  expect(await exportAll(lake, 'other')).toBe(exported.other)
  const write = await lake
    .client()
    .create({_id: 'after-damage', _type: 't'})
    .catch((err: {statusCode: number}) => err)
  expect((write as {statusCode: number}).statusCode).toBe(503)
  return message
}

function reportsIn(dir: string, dataset = 'production'): string[] {
  const root = path.join(dir, 'datasets', dataset, 'recovered')
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root)
    .sort()
    .map((name) => path.join(root, name))
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lake-integrity-'))
  clean = path.join(work, 'clean')
  const lake = await spawnLake({rateLimits: 'off', dataDir: clean, datasets: ['production', 'other'], seed: SEED})
  const client = lake.client()
  for (let i = 0; i < 30; i++) await client.create({_id: `note-${i}`, _type: 'note', n: i, title: `Note number ${i}`})
  for (let i = 0; i < 30; i += 3)
    await client
      .patch(`note-${i}`)
      .set({title: `Patched ${i}`})
      .commit()
  const other = lake.client({dataset: 'other'})
  for (let i = 0; i < 5; i++) await other.create({_id: `o-${i}`, _type: 'note', n: i})
  exported.production = await exportAll(lake)
  exported.other = await exportAll(lake, 'other')
  await lake.stop() // SIGTERM: a snapshot covering the whole log
  crashed = copyOf(clean)
  const again = await spawnLake({rateLimits: 'off', dataDir: crashed})
  for (let i = 1; i <= 3; i++) await again.client().create({_id: `late-${i}`, _type: 'late', i})
  await again.kill('SIGKILL')
}, 120_000)

afterAll(async () => {
  for (const lake of lakes) await lake.kill('SIGKILL')
  fs.rmSync(work, {recursive: true, force: true})
})

describe('damage to the log', () => {
  it('a log cut in half, with a snapshot taken after the cut: refused loudly, and repair keeps every document', async () => {
    const dir = copyOf(clean)
    const log = logOf(dir)
    const size = fs.statSync(log).size
    fs.truncateSync(log, Math.floor(size / 2))
    const cutLine = linesOf(log).at(-1)!
    const lake = await start(dir)
    await expectStopped(lake, dir, log, cutLine.offset, /incomplete line.*The snapshot was taken after it/)
    await lake.kill()

    const verify = await cli('verify', '--data-dir', dir)
    expect(verify.code).toBe(1)
    expect(verify.stdout).toMatch(/production: DAMAGED/)
    expect(verify.stdout).toMatch(/other: ok/)
    const cutBytes = fs.readFileSync(log)
    const repair = await cli('repair', '--data-dir', dir)
    expect(repair.code).toBe(0)
    expect(repair.stdout).toMatch(/production: repaired/)
    expect(repair.stdout).toMatch(/no longer in the log\. Their documents are kept from the snapshot/)
    expect(repair.stdout).toMatch(/LOST: anything committed after seq \d+/)
    const [backup] = reportsIn(dir)
    expect(fs.readFileSync(path.join(backup!, 'txlog.ndjson')).equals(cutBytes)).toBe(true)
    expect(fs.readFileSync(path.join(backup!, 'report.txt'), 'utf8')).toContain('LOST')
    expect((await cli('verify', '--data-dir', dir)).code).toBe(0)

    await lake.restart()
    expect(await exportAll(lake)).toBe(exported.production)
    await lake.client().create({_id: 'after-repair', _type: 't'})
    await lake.kill('SIGKILL')
    await lake.restart()
    expect(await lake.client().getDocument('after-repair')).toBeDefined()
    expect((await lake.client().fetch('count(*)')) as number).toBe(
      JSON.parse(`[${exported.production!.trim().split('\n').join(',')}]`).length + 1,
    )
  })

  it('a log cut at a line boundary before the snapshot offset: refused, naming where the log ends', async () => {
    const dir = copyOf(clean)
    const log = logOf(dir)
    const end = linesOf(log)[10]!.offset
    fs.truncateSync(log, end)
    const lake = await start(dir)
    await expectStopped(
      lake,
      dir,
      log,
      end,
      /snapshot\.ndjson was taken at byte \d+ .*lost acknowledged transactions \(it ends at seq 10\)/,
    )
  })

  it('a crash that cut the last line: the tail is cut off, reported with its size and transaction, and kept', async () => {
    const dir = copyOf(crashed)
    const log = logOf(dir)
    const last = linesOf(log).at(-1)!
    const seq = /^\{"seq":(\d+)/.exec(last.bytes.toString())![1]
    fs.truncateSync(log, last.offset + 25)
    const torn = fs.readFileSync(log).subarray(last.offset)
    const lake = await start(dir)
    expect(await lake.client().getDocument('late-2')).toBeDefined()
    expect(await lake.client().getDocument('late-3')).toBeUndefined()
    const [backup] = reportsIn(dir)
    const report = fs.readFileSync(path.join(backup!, 'report.txt'), 'utf8')
    expect(report).toContain(`cut off 25 bytes at byte ${last.offset}, transaction seq ${seq}`)
    expect(fs.readFileSync(path.join(backup!, `txlog.ndjson.tail-at-${last.offset}`)).equals(torn)).toBe(true)
    await lake.client().create({_id: 'late-3', _type: 'late', i: 3})
    await lake.restart()
    expect(await lake.client().getDocument('late-3')).toBeDefined()
  })

  it('a garbled last line: cut off and reported after a crash; refused when the snapshot covers it', async () => {
    const dir = copyOf(crashed)
    const log = logOf(dir)
    const last = linesOf(log).at(-1)!
    const at = last.bytes.indexOf('"late"')
    patchBytes(log, last.offset + at + 1, 'L') // still valid JSON: only the checksum can tell
    const lake = await start(dir)
    expect(await lake.client().getDocument('late-2')).toBeDefined()
    expect(await lake.client().getDocument('late-3')).toBeUndefined()
    expect(fs.readFileSync(path.join(reportsIn(dir)[0]!, 'report.txt'), 'utf8')).toContain(
      `cut off ${last.bytes.length} bytes at byte ${last.offset}`,
    )

    const covered = copyOf(clean)
    const coveredLog = logOf(covered)
    const lastCovered = linesOf(coveredLog).at(-1)!
    patchBytes(coveredLog, lastCovered.offset + lastCovered.bytes.indexOf('Patched') + 1, 'A')
    const second = await start(covered)
    await expectStopped(second, covered, coveredLog, lastCovered.offset, /checksum mismatch.*The snapshot was taken after it/)
  })

  it('a broken line in the middle stops that dataset only; repair removes it, keeps a copy, says what it lost', async () => {
    const dir = copyOf(crashed)
    const log = logOf(dir)
    const line = linesOf(log)[4]!
    patchBytes(log, line.offset + 10, '#')
    const lake = await start(dir)
    await expectStopped(
      lake,
      dir,
      log,
      line.offset,
      /line 5 \(transaction seq 5.*\) is damaged: (checksum mismatch|not valid JSON).* intact lines follow it/,
    )
    await lake.kill()
    const verify = await cli('verify', '--data-dir', dir, '--dataset', 'production')
    expect(verify.code).toBe(1)
    expect(verify.stdout).toContain(`${log} at byte ${line.offset}`)
    const repair = await cli('repair', '--data-dir', dir, '--dataset', 'production')
    expect(repair.stdout).toContain(`Removed line 5 of txlog.ndjson at byte ${line.offset} (${line.bytes.length} bytes`)
    expect(repair.stdout).toContain('Its documents are kept (the snapshot was taken after it)')
    await lake.restart()
    // The snapshot covered the broken line; the three later lines replay on top of it.
    const docs = await lake.client().fetch<string[]>('*[_type == "late"]._id')
    expect(docs.sort()).toEqual(['late-1', 'late-2', 'late-3'])
    expect(await lake.client().getDocument('note-29')).toBeDefined()
  })

  it('a changed character inside a middle line (still valid JSON) is caught by its checksum', async () => {
    const dir = copyOf(clean)
    const log = logOf(dir)
    const line = linesOf(log).find((l) => l.bytes.includes('"Note number 20"'))!
    patchBytes(log, line.offset + line.bytes.indexOf('Note number 20') + 12, '3')
    const lake = await start(dir)
    await expectStopped(lake, dir, log, line.offset, /checksum mismatch/)
  })
})

describe('damage to the snapshot', () => {
  it('a truncated snapshot: the log holds everything, so the lake starts from it and keeps the snapshot aside', async () => {
    const dir = copyOf(clean)
    const snapshot = snapshotOf(dir)
    const original = fs.readFileSync(snapshot)
    fs.truncateSync(snapshot, Math.floor(original.length / 2))
    const lake = await start(dir)
    expect(await exportAll(lake)).toBe(exported.production)
    const [backup] = reportsIn(dir)
    expect(fs.readFileSync(path.join(backup!, 'report.txt'), 'utf8')).toMatch(
      /snapshot\.ndjson is damaged at byte \d+: .*truncated.*Started from txlog\.ndjson alone/,
    )
    expect(fs.readFileSync(path.join(backup!, 'snapshot.ndjson')).equals(original.subarray(0, Math.floor(original.length / 2)))).toBe(true)
  })

  it('a snapshot whose offset lies past the end of the log is refused, not ignored', async () => {
    const dir = copyOf(crashed)
    const log = logOf(dir)
    const snapshotHeader = JSON.parse(fs.readFileSync(snapshotOf(dir), 'utf8').split('\n')[0]!) as {logOffset: number}
    const end = linesOf(log).findLast((l) => l.offset < snapshotHeader.logOffset - 1000)!.offset
    fs.truncateSync(log, end)
    const lake = await start(dir)
    await expectStopped(
      lake,
      dir,
      log,
      end,
      new RegExp(`ends at byte ${end}, but snapshot\\.ndjson was taken at byte ${snapshotHeader.logOffset}`),
    )
  })
})

describe('old data dirs', () => {
  it('opens a data dir written before checksums and adds checksummed lines after its lines', async () => {
    const dir = copyOf(clean)
    const log = logOf(dir)
    const legacy = linesOf(log).map((l) => l.bytes.toString('utf8').replace(/,"crc32":"[0-9a-f]{8}"\}\n$/, '}\n'))
    fs.writeFileSync(log, legacy.join(''))
    const [header, ...docs] = fs.readFileSync(snapshotOf(dir), 'utf8').split('\n')
    const {seq} = JSON.parse(header!) as {seq: number}
    fs.writeFileSync(snapshotOf(dir), [JSON.stringify({seq, logOffset: fs.statSync(log).size}), ...docs].join('\n'))
    const lake = await start(dir)
    expect(await exportAll(lake)).toBe(exported.production)
    await lake.client().create({_id: 'new-line', _type: 't'})
    await lake.kill('SIGKILL')
    await lake.restart()
    expect(await lake.client().getDocument('new-line')).toBeDefined()
    await lake.kill()
    const verify = await cli('verify', '--data-dir', dir)
    expect(verify.code).toBe(0)
    expect(verify.stdout).toMatch(/production: ok: \d+ transactions.*; \d+ lines from before checksums/)
  })
})

describe('the data dir lock', () => {
  it('a stale lake.pid naming a live, unrelated process does not block a start', async () => {
    const dir = copyOf(clean)
    fs.writeFileSync(path.join(dir, 'lake.pid'), String(process.pid))
    const lake = await start(dir)
    expect(await exportAll(lake)).toBe(exported.production)
  })

  it('a lake killed with -9 that is still a zombie (not yet reaped) does not block a start', async () => {
    const dir = copyOf(clean)
    // The lake's parent execs into sleep, which never reaps it: after kill -9 it stays a zombie.
    const parent = spawn('sh', ['-c', `"${NODE}" "${CLI}" serve --port 0 --data-dir "${dir}" & echo "pid=$!"; exec sleep 120`], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    try {
      let out = ''
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`lake did not start: ${out}`)), 60_000)
        parent.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          if (/Spotter lake listening/.test(out)) {
            clearTimeout(timer)
            resolve()
          }
        })
      })
      const pid = Number(/pid=(\d+)/.exec(out)?.[1])
      process.kill(pid, 'SIGKILL')
      const state = () => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0]
      const until = Date.now() + 10_000
      while (state() !== 'Z' && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
      expect(state()).toBe('Z')
      fs.writeFileSync(path.join(dir, 'lake.pid'), String(pid)) // what an older lake left behind
      const lake = await start(dir)
      expect(state()).toBe('Z') // still there while the new lake serves
      expect(await exportAll(lake)).toBe(exported.production)
    } finally {
      parent.kill('SIGKILL')
    }
  })

  it('two lakes never serve one dir; commands on a served dir are refused; kill -9 releases the lock at once', async () => {
    const dir = copyOf(clean)
    const first = await start(dir)
    await expect(spawnLake({rateLimits: 'off', dataDir: dir})).rejects.toThrow(/A lake \(pid \d+, since .*\) is serving/)
    fs.writeFileSync(path.join(work, 'one.ndjson'), JSON.stringify({_id: 'x', _type: 't'}))
    for (const args of [['import', path.join(work, 'one.ndjson')], ['verify'], ['repair'], ['export']]) {
      const result = await cli(...args, '--data-dir', dir)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/is serving .*; stop it first/)
    }
    await first.kill('SIGKILL')
    const second = await start(dir)
    expect(await exportAll(second)).toBe(exported.production)
  })
})

describe('group commit', () => {
  it('kill -9 during 8 concurrent writers, three times: nothing acknowledged is lost, nothing applied by halves', async () => {
    const dir = copyOf(clean)
    const lake = await start(dir)
    const acknowledged: string[] = []
    for (let round = 0; round < 3; round++) {
      let stop = false
      const client = lake.client()
      const writers = Array.from({length: 8}, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const id = `r${round}-w${w}-${i}`
          try {
            await client
              .transaction()
              .create({_id: id, _type: 'burst'})
              .create({_id: `${id}-pair`, _type: 'burstPair'})
              .commit()
            acknowledged.push(id)
          } catch {
            return
          }
        }
      })
      const started = Date.now()
      const target = acknowledged.length + 40
      while (acknowledged.length < target && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 5))
      await lake.kill('SIGKILL')
      stop = true
      await Promise.all(writers)
      await lake.restart()
      const ids = new Set(await lake.client().fetch<string[]>('*[_type == "burst"]._id'))
      const pairs = new Set(await lake.client().fetch<string[]>('*[_type == "burstPair"]._id'))
      for (const id of acknowledged) expect(ids.has(id)).toBe(true)
      for (const id of ids) expect(pairs.has(`${id}-pair`)).toBe(true)
      expect(pairs.size).toBe(ids.size)
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(120)
  })
})
