// The CLI's import and export subcommands on a data dir, and their guard against a running lake.
import {execFile} from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {spawnLake} from '../src/testing.ts'
import {pngBytes} from './png.ts'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')
const NODE = path.join(ROOT, 'node_modules/.bin/node')
const CLI = path.join(ROOT, 'lake/src/cli.ts')
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lake-cli-'))
})
afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

it('imports NDJSON (with assets) into a data dir and exports it again', async () => {
  const dataDir = path.join(dir, 'data')
  fs.mkdirSync(path.join(dir, 'images'))
  fs.writeFileSync(path.join(dir, 'images/a.png'), pngBytes(8, 4))
  const docs = [
    {_id: 'b', _type: 'exercise', _rev: 'keep-me', _createdAt: '2021-01-01T00:00:00Z', _updatedAt: '2021-01-01T00:00:00Z', name: 'B'},
    {_id: 'a', _type: 'exercise', photo: {_type: 'image', _sanityAsset: 'image@file://./images/a.png'}},
  ]
  fs.writeFileSync(path.join(dir, 'in.ndjson'), docs.map((d) => JSON.stringify(d)).join('\n'))
  const imported = await run(NODE, [CLI, 'import', path.join(dir, 'in.ndjson'), '--data-dir', dataDir])
  expect(imported.stdout).toContain('Imported 2 documents into "production"')
  await run(NODE, [CLI, 'export', '--data-dir', dataDir, '--out', path.join(dir, 'out.ndjson')])
  const out = fs
    .readFileSync(path.join(dir, 'out.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
  expect(out.map((d) => d._id)).toEqual(['a', 'b', expect.stringMatching(/^image-[a-f0-9]{40}-8x4-png$/)])
  expect(out[1]).toEqual(docs[0])
  expect(out[0].photo.asset._ref).toBe(out[2]._id)

  // The exported file imports verbatim into another data dir, unchanged.
  const second = path.join(dir, 'data2')
  await run(NODE, [CLI, 'import', path.join(dir, 'out.ndjson'), '--data-dir', second, '--verbatim'])
  const again = await run(NODE, [CLI, 'export', '--data-dir', second])
  expect(again.stdout).toBe(fs.readFileSync(path.join(dir, 'out.ndjson'), 'utf8'))
})

it('refuses to import into a data dir a running lake serves', async () => {
  const lake = await spawnLake()
  try {
    fs.writeFileSync(path.join(dir, 'one.ndjson'), JSON.stringify({_id: 'x', _type: 't'}))
    const err = await run(NODE, [CLI, 'import', path.join(dir, 'one.ndjson'), '--data-dir', lake.dataDir]).catch((e: {stderr: string}) => e)
    expect((err as {stderr: string}).stderr).toContain('is serving')
  } finally {
    await lake.stop()
  }
})

it('prints usage and rejects unknown commands', async () => {
  const help = await run(NODE, [CLI, '--help'])
  expect(help.stdout).toContain('serve')
  const err = await run(NODE, [CLI, 'frobnicate']).catch((e: {stderr: string; code: number}) => e)
  expect((err as {stderr: string}).stderr).toContain('Unknown command "frobnicate"')
})
