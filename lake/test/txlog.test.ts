// The transaction log file on its own: closing it while appends are still being written and synced.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {TransactionLog, type LoggedTransaction} from '../src/store/txlog.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-txlog-'))
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

const transaction = (seq: number): LoggedTransaction => ({
  seq,
  id: `tx-${seq}`,
  timestamp: '2026-01-01T00:00:00Z',
  identity: 'test',
  mutations: [],
  changes: [{id: `doc-${seq}`, doc: null}],
})

describe('closing the transaction log', () => {
  it('waits for every append in flight to be written and synced, then refuses more', async () => {
    const file = path.join(dir, 'txlog.ndjson')
    const log = TransactionLog.open(file)
    const settled: string[] = []
    // Not awaited before close: the first batch's fdatasync is in flight and the others queue behind it.
    const appends = [1, 2, 3].map((seq) => log.append(transaction(seq)))
    const outcomes = appends.map(({durable}, i) =>
      durable.then(
        () => settled.push(`ok ${i + 1}`),
        (error: Error) => settled.push(`failed ${i + 1}: ${error.message}`),
      ),
    )
    await log.close()
    expect(settled).toEqual(['ok 1', 'ok 2', 'ok 3'])
    await Promise.all(outcomes)
    expect(log.failed).toBeNull()
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n')
    expect(lines.map((line) => (JSON.parse(line) as {id: string}).id)).toEqual(['tx-1', 'tx-2', 'tx-3'])
    expect(() => log.append(transaction(4))).toThrow(`${file} is closed`)
  })
})
