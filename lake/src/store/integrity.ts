// Checking a dataset's files before it is served: every log line against its checksum, the
// snapshot against its checksum, and the two against each other. `inspectDataset` only reads;
// `Dataset.open` acts on the verdict (truncates a torn tail, falls back to the log when the
// snapshot is damaged, or refuses), and `repairDataset` (repair.ts) recovers what it can.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {readSnapshot, SnapshotDamage, type Snapshot} from './snapshot.ts'
import {checkLine, describeTransactionAt, lines} from './txlog.ts'

export const LOG_FILE = 'txlog.ndjson'
export const SNAPSHOT_FILE = 'snapshot.ndjson'

export interface DamagedLine {
  offset: number
  length: number
  /** 1-based line number. */
  line: number
  reason: string
  /** What the start of the line still says (`transaction seq N (id X)`). */
  what: string
}

export interface LogScan {
  size: number
  /** Intact lines, in order. */
  intact: {offset: number; length: number; seq: number}[]
  damaged: DamagedLine[]
  /** End of the intact prefix (everything before the first damaged line). */
  validEnd: number
  /** True when lines without checksums (an older lake) were found. */
  legacyLines: number
}

/** Reads the whole log, checking every line. */
export function scanLog(file: string): LogScan {
  const scan: LogScan = {size: 0, intact: [], damaged: [], validEnd: 0, legacyLines: 0}
  if (!fs.existsSync(file)) return scan
  const fd = fs.openSync(file, 'r')
  try {
    scan.size = fs.fstatSync(fd).size
    let lineNumber = 0
    let checksummed = false
    for (const {line, offset, terminated} of lines(fd, scan.size)) {
      lineNumber++
      const length = line.length + (terminated ? 1 : 0)
      const damage = (reason: string) => scan.damaged.push({offset, length, line: lineNumber, reason, what: describeTransactionAt(line)})
      if (!terminated) {
        damage(`incomplete line (${line.length} bytes, no newline)`)
        continue
      }
      if (line.length === 0) {
        damage('empty line')
        continue
      }
      const check = checkLine(line)
      if (!check.ok) damage(check.reason)
      else if (!check.checksummed && checksummed) damage('no checksum, after lines that have one')
      else {
        if (check.checksummed) checksummed = true
        else scan.legacyLines++
        scan.intact.push({offset, length, seq: check.seq})
      }
    }
  } finally {
    fs.closeSync(fd)
  }
  scan.validEnd = scan.damaged[0]?.offset ?? scan.size
  return scan
}

export type SnapshotState = {kind: 'none'} | {kind: 'ok'; snapshot: Snapshot} | {kind: 'damaged'; error: SnapshotDamage}

export function loadSnapshot(file: string): SnapshotState {
  try {
    const snapshot = readSnapshot(file)
    return snapshot ? {kind: 'ok', snapshot} : {kind: 'none'}
  } catch (err) {
    if (err instanceof SnapshotDamage) return {kind: 'damaged', error: err}
    throw err
  }
}

export interface Inspection {
  logFile: string
  snapshotFile: string
  log: LogScan
  snapshot: SnapshotState
  /** A crash mid-append: damaged lines only at the very end, none of them covered by the snapshot. */
  tornTail: {offset: number; bytes: number; what: string} | null
  /** The snapshot is damaged but the log holds every transaction from seq 1: start from the log. */
  replayWholeLog: boolean
  /** Why the dataset cannot be served as it is (null: it can). */
  problem: {file: string; offset: number; message: string} | null
}

/** True when the intact lines run 1, 2, 3, ... with nothing missing (damaged lines aside). */
export function isCompleteHistory(scan: LogScan): boolean {
  return scan.intact.every((l, i) => l.seq === i + 1)
}

export function inspectDataset(dir: string): Inspection {
  const logFile = path.join(dir, LOG_FILE)
  const snapshotFile = path.join(dir, SNAPSHOT_FILE)
  const log = scanLog(logFile)
  const snapshot = loadSnapshot(snapshotFile)
  const result: Inspection = {logFile, snapshotFile, log, snapshot, tornTail: null, replayWholeLog: false, problem: null}
  const first = log.damaged[0]
  const lastIntact = log.intact.at(-1)
  const snapshotEnd = snapshot.kind === 'ok' ? snapshot.snapshot.logOffset : 0
  if (first) {
    const onlyAtEnd = !lastIntact || lastIntact.offset < first.offset
    if (onlyAtEnd && snapshotEnd <= first.offset) {
      result.tornTail = {offset: first.offset, bytes: log.size - first.offset, what: first.what}
    } else {
      const covered =
        snapshotEnd > first.offset
          ? ` The snapshot was taken after it (at byte ${snapshotEnd}), so it held an acknowledged transaction.`
          : ''
      const after = onlyAtEnd ? '' : ` ${log.intact.filter((l) => l.offset > first.offset).length} intact lines follow it.`
      result.problem = {
        file: logFile,
        offset: first.offset,
        message: `line ${first.line} (${first.what}) is damaged: ${first.reason}.${after}${covered}${log.damaged.length > 1 ? ` ${log.damaged.length} damaged lines in all.` : ''}`,
      }
      return result
    }
  }
  const end = result.tornTail?.offset ?? log.size
  if (snapshot.kind === 'ok') {
    const {logOffset, logSeq, seq} = snapshot.snapshot
    if (logOffset > end) {
      const lastSeq = log.intact.filter((l) => l.offset < end).at(-1)?.seq ?? 0
      result.problem = {
        file: logFile,
        offset: end,
        message: `ends at byte ${end}, but ${SNAPSHOT_FILE} was taken at byte ${logOffset} (after transaction seq ${seq}): the log has lost acknowledged transactions (it ends at seq ${lastSeq}), and whatever was committed after the snapshot.`,
      }
      return result
    }
    const line = logOffset === 0 ? null : log.intact.find((l) => l.offset + l.length === logOffset)
    if (logOffset > 0 && line?.seq !== logSeq) {
      result.problem = {
        file: snapshotFile,
        offset: 0,
        message: `says it covers ${LOG_FILE} up to byte ${logOffset} (transaction seq ${logSeq}), but ${line ? `the line ending there is seq ${line.seq}` : 'no line of the log ends there'}: snapshot and log do not belong together.`,
      }
      return result
    }
  } else if (snapshot.kind === 'damaged') {
    if (isCompleteHistory(log)) result.replayWholeLog = true
    else {
      result.problem = {
        file: snapshotFile,
        offset: snapshot.error.offset,
        message: `is damaged: ${snapshot.error.reason}; the log cannot replace it (it does not hold every transaction from seq 1).`,
      }
    }
  } else if (log.intact.length > 0 && log.intact[0]?.seq !== 1) {
    result.problem = {
      file: snapshotFile,
      offset: 0,
      message: `is missing, and ${LOG_FILE} starts at seq ${log.intact[0]?.seq}: the documents of the earlier transactions are only in a snapshot.`,
    }
  }
  return result
}

/** The command that recovers what can be recovered, for messages. */
export function repairCommand(dir: string): string {
  const dataDir = path.dirname(path.dirname(dir))
  return `spotter-lake repair --data-dir ${dataDir} --dataset ${path.basename(dir)}`
}

/** Why a dataset is not served: names the file, the byte offset and the recovery command. */
export class DatasetDamagedError extends Error {
  readonly dataset: string
  readonly file: string
  readonly offset: number
  constructor(dataset: string, dir: string, problem: {file: string; offset: number; message: string}) {
    super(
      `Dataset "${dataset}" is not served: ${problem.file} at byte ${problem.offset}: ${problem.message} ` +
        `Stop the lake and run \`${repairCommand(dir)}\` to recover what can be recovered (it keeps a backup of what it removes).`,
    )
    this.dataset = dataset
    this.file = problem.file
    this.offset = problem.offset
  }
}
