// Acting on an inspection (integrity.ts): cutting a torn tail off at start, setting a damaged
// snapshot aside, and `spotter-lake repair`. Whatever is removed is kept first under
// DATASET_DIR/recovered/<time>/, with a report.txt that says what was removed and what was lost.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type {SanityDocument} from '../types.ts'
import {inspectDataset, isCompleteHistory, LOG_FILE, SNAPSHOT_FILE, type Inspection} from './integrity.ts'
import {syncDir, writeSnapshot} from './snapshot.ts'
import {decodeLine} from './txlog.ts'

export const RECOVERED_DIR = 'recovered'

function backupDir(dir: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  let target = path.join(dir, RECOVERED_DIR, stamp)
  for (let i = 2; fs.existsSync(target); i++) target = path.join(dir, RECOVERED_DIR, `${stamp}-${i}`)
  fs.mkdirSync(target, {recursive: true})
  return target
}

function writeDurably(file: string, data: Buffer | string): void {
  const fd = fs.openSync(file, 'w')
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  syncDir(path.dirname(file))
}

function readRange(file: string, offset: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r')
  try {
    const buf = Buffer.alloc(length)
    fs.readSync(fd, buf, 0, length, offset)
    return buf
  } finally {
    fs.closeSync(fd)
  }
}

/** A crash mid-append left a partial line (never acknowledged): keep a copy, cut it off, say so. */
export function cutTornTail(name: string, dir: string, torn: NonNullable<Inspection['tornTail']>): void {
  const logFile = path.join(dir, LOG_FILE)
  const backup = backupDir(dir)
  const copy = path.join(backup, `${LOG_FILE}.tail-at-${torn.offset}`)
  writeDurably(copy, readRange(logFile, torn.offset, torn.bytes))
  const fd = fs.openSync(logFile, 'r+')
  try {
    fs.ftruncateSync(fd, torn.offset)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  const message =
    `Dataset "${name}": ${logFile} ended in an incomplete append (a crash while writing): cut off ${torn.bytes} bytes at byte ${torn.offset}, ` +
    `${torn.what}, which was never acknowledged. A copy is in ${copy}.`
  writeDurably(path.join(backup, 'report.txt'), `${message}\n`)
  console.error(`[lake] ${message}`)
}

/** The snapshot is damaged and the log holds everything: move the snapshot aside, say so. */
export function setDamagedSnapshotAside(name: string, dir: string, reason: string): void {
  const backup = backupDir(dir)
  const moved = path.join(backup, SNAPSHOT_FILE)
  fs.renameSync(path.join(dir, SNAPSHOT_FILE), moved)
  syncDir(dir)
  const message = `Dataset "${name}": ${reason}. Started from ${LOG_FILE} alone (it holds every transaction from seq 1); the damaged snapshot is in ${moved}.`
  writeDurably(path.join(backup, 'report.txt'), `${message}\n`)
  console.error(`[lake] ${message}`)
}

export interface RepairResult {
  changed: boolean
  /** What was done and what was lost, one sentence per entry. */
  report: string[]
  backup: string | null
}

/**
 * Rebuilds a damaged dataset from what is intact: the log keeps its intact lines (damaged ones
 * are removed), the state is the intact snapshot (if it fits) plus the intact lines after it,
 * and a fresh snapshot records it. The originals are copied to the backup folder first.
 */
export async function repairDataset(dir: string): Promise<RepairResult> {
  const inspection = inspectDataset(dir)
  if (!inspection.problem && !inspection.tornTail && !inspection.replayWholeLog)
    return {changed: false, report: ['intact, nothing to repair'], backup: null}
  const {log, logFile, snapshotFile} = inspection
  const backup = backupDir(dir)
  const report: string[] = []
  if (fs.existsSync(logFile)) fs.copyFileSync(logFile, path.join(backup, LOG_FILE))
  if (fs.existsSync(snapshotFile)) fs.copyFileSync(snapshotFile, path.join(backup, SNAPSHOT_FILE))

  // Which base to start from: the snapshot when it is intact, unless the log alone holds the
  // whole history at least as far (then a snapshot that disagrees with it is the odd one out).
  let snapshot = inspection.snapshot.kind === 'ok' ? inspection.snapshot.snapshot : null
  const lastLogSeq = log.intact.at(-1)?.seq ?? 0
  if (inspection.snapshot.kind === 'damaged') report.push(`${SNAPSHOT_FILE} was damaged (${inspection.snapshot.error.reason}); dropped it.`)
  if (
    snapshot &&
    log.damaged.length === 0 &&
    isCompleteHistory(log) &&
    lastLogSeq >= snapshot.seq &&
    inspection.problem?.file === snapshotFile
  ) {
    report.push(
      `${SNAPSHOT_FILE} (seq ${snapshot.seq}) did not match ${LOG_FILE}, which holds every transaction from seq 1 to ${lastLogSeq}; rebuilt from the log.`,
    )
    snapshot = null
  }
  const documents = new Map<string, SanityDocument>()
  let seq = 0
  if (snapshot) {
    for (const doc of snapshot.documents) documents.set(doc._id, doc)
    seq = snapshot.seq
  }

  for (const d of log.damaged) {
    const covered = snapshot !== null && d.offset < snapshot.logOffset
    report.push(
      `Removed line ${d.line} of ${LOG_FILE} at byte ${d.offset} (${d.length} bytes, ${d.what}): ${d.reason}. ` +
        (covered
          ? 'Its documents are kept (the snapshot was taken after it); its history is lost.'
          : 'LOST: what it changed, unless a later transaction changed the same documents.'),
    )
  }
  if (snapshot && snapshot.logOffset > log.size) {
    const missingFrom = lastLogSeq + 1
    report.push(
      `${LOG_FILE} ended at byte ${log.size}, before the snapshot's byte ${snapshot.logOffset}: transactions seq ${missingFrom}..${snapshot.seq} are no longer in the log. ` +
        `Their documents are kept from the snapshot; their history (past revisions) is lost. LOST: anything committed after seq ${snapshot.seq}, which only the missing part of the log held.`,
    )
  }

  // Replay the intact lines the base does not cover, and write them out as the new log.
  const fd = fs.openSync(logFile, 'r')
  const kept: Buffer[] = []
  let previous = 0
  const gaps: string[] = []
  try {
    for (const line of log.intact) {
      const bytes = Buffer.alloc(line.length)
      fs.readSync(fd, bytes, 0, line.length, line.offset)
      kept.push(bytes)
      if (line.seq !== previous + 1 && line.seq > seq) gaps.push(`${previous + 1}..${line.seq - 1}`)
      previous = line.seq
      if (line.seq <= seq) continue
      const transaction = decodeLine(bytes.subarray(0, bytes.length - 1))
      for (const change of transaction.changes) {
        if (change.doc) documents.set(change.id, change.doc)
        else documents.delete(change.id)
      }
      seq = transaction.seq
    }
  } finally {
    fs.closeSync(fd)
  }
  if (!snapshot && gaps.length > 0)
    report.push(
      `LOST: transactions seq ${gaps.join(', ')} (neither in the log nor in a snapshot); documents only they wrote are missing or older.`,
    )

  const newLog = Buffer.concat(kept)
  const tmp = `${logFile}.repair`
  writeDurably(tmp, newLog)
  fs.renameSync(tmp, logFile)
  syncDir(dir)
  await writeSnapshot(snapshotFile, {seq, logOffset: newLog.length, logSeq: log.intact.at(-1)?.seq ?? 0}, jsonTexts(documents.values()))
  report.push(
    `Now ${documents.size} documents at seq ${seq}; ${log.intact.length} transactions in ${LOG_FILE}, a fresh ${SNAPSHOT_FILE}. The originals are in ${backup}.`,
  )
  writeDurably(path.join(backup, 'report.txt'), `${report.join('\n')}\n`)
  return {changed: true, report, backup}
}

function* jsonTexts(documents: Iterable<SanityDocument>): Generator<string> {
  for (const doc of documents) yield JSON.stringify(doc)
}
