// The service's CLI as a process: keys and partners are created, listed and removed in the
// store; keys are printed once and stored only as hashes; bad use fails with a clear message.
import {execFile} from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, describe, expect, it} from 'vitest'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')
const NODE = path.join(ROOT, 'node_modules/.bin/node')
const CLI = path.join(ROOT, 'syndication/src/cli.ts')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-syndication-cli-'))
const config = path.join(dir, 'config.json')
fs.writeFileSync(
  config,
  JSON.stringify({
    storage: {kind: 'sqlite', path: 'state.db'},
    source: {projectId: 'spotter', canonicalBaseUrl: 'https://spotter.example/a/'},
    webhookSecret: 'x',
  }),
)

const cli = (...args: string[]) => run(NODE, [CLI, ...args, '--config', config], {cwd: ROOT})

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

describe('spotter-syndication CLI', () => {
  it('creates, lists and removes partners; keys are kept only as hashes', async () => {
    const {stdout} = await cli('partner', 'add', '--id', 'club-east', '--name', 'Club East', '--webhook-url', 'http://127.0.0.1:9/hook')
    const created = JSON.parse(stdout) as {apiKey: string; webhookSecret: string; partner: {id: string}}
    expect(created.partner.id).toBe('club-east')
    expect(created.apiKey).toMatch(/^spk_/)
    expect(created.webhookSecret).toMatch(/^whsec_/)
    const publisher = JSON.parse((await cli('publisher-key', '--name', 'ops')).stdout) as {publisherKey: string}
    expect(publisher.publisherKey).toMatch(/^spp_/)
    const db = fs.readFileSync(path.join(dir, 'state.db'))
    expect(db.includes(Buffer.from(created.apiKey))).toBe(false)
    expect(db.includes(Buffer.from(publisher.publisherKey))).toBe(false)
    const list = JSON.parse((await cli('partner', 'list')).stdout) as Array<Record<string, unknown>>
    expect(list).toEqual([expect.objectContaining({id: 'club-east', name: 'Club East', webhookUrl: 'http://127.0.0.1:9/hook'})])
    expect(JSON.stringify(list)).not.toMatch(/sha256|whsec_/)
    await expect(cli('partner', 'add', '--id', 'club-east', '--name', 'Again')).rejects.toMatchObject({
      stderr: expect.stringContaining('Partner "club-east" already exists'),
    })
    await expect(cli('partner', 'add', '--id', 'Bad Id', '--name', 'x')).rejects.toMatchObject({
      stderr: expect.stringContaining('"id" must be 1-63 of a-z'),
    })
    await cli('partner', 'remove', '--id', 'club-east')
    expect(JSON.parse((await cli('partner', 'list')).stdout)).toEqual([])
    await expect(cli('partner', 'remove', '--id', 'club-east')).rejects.toMatchObject({
      stderr: expect.stringContaining('No partner "club-east"'),
    })
  })

  it('refuses a bad config with the field named', async () => {
    fs.writeFileSync(
      path.join(dir, 'bad.json'),
      JSON.stringify({source: {projectId: 'p', canonicalBaseUrl: 'https://x.example/'}, webhookSecret: 'x', storage: {kind: 'oracle'}}),
    )
    await expect(run(NODE, [CLI, 'serve', '--config', path.join(dir, 'bad.json')], {cwd: ROOT})).rejects.toMatchObject({
      stderr: expect.stringContaining('storage.kind must be "sqlite" or "postgres"'),
    })
  })
})
