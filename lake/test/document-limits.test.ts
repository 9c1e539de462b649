// Hosted's document limits (32 MB of JSON, 20 levels of attribute nesting) on every way a document
// is written: refused with a 400 naming the limit, the document and the path, nothing written, the
// lake still answering and restarting. Deep bodies (3,250 and 100,000 levels) are refused cleanly.
import {spawnSync} from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ClientError} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake({rateLimits: 'off'})
  await lake.client().create({_id: 'base', _type: 'exercise', name: 'Squat', tags: ['strength']})
})
afterAll(async () => {
  await lake?.stop()
})

/** `{"a": {"a": ... leaf}}`, `levels` attribute names deep, as JSON text (never built recursively). */
const nestedJson = (levels: number, leaf = '1') => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels)
/** The same as a value; JSON.parse builds it without recursion. */
const nested = (levels: number) => JSON.parse(nestedJson(levels)) as Record<string, unknown>
const depthPath = (levels: number) => Array.from({length: levels}, () => 'a').join('.')

const api = (p: string) => `${lake.url}/v2025-02-19${p}`
const headers = () => ({
  authorization: `Bearer ${lake.writeToken}`,
  'x-sanity-project-id': lake.projectId,
  'content-type': 'application/json',
})
const post = (p: string, body: string) => fetch(api(p), {method: 'POST', headers: headers(), body})

async function expectTooDeep(response: Response, documentId: string, pathPrefix = ''): Promise<void> {
  const body = await response.json()
  expect(response.status).toBe(400)
  expect(body.error).toMatchObject({
    type: 'documentTooDeepError',
    documentId,
    limit: 20,
    path: `${pathPrefix}${depthPath(21 - pathPrefix.split('.').filter(Boolean).length)}`,
  })
  expect(body.error.description).toBe(
    `Document "${documentId}" exceeds the maximum attribute nesting depth of 20 levels at ${body.error.path}`,
  )
}

async function absent(...ids: string[]): Promise<void> {
  const found = await lake.client().fetch('*[_id in $ids]._id', {ids}, {perspective: 'raw'})
  expect(found).toEqual([])
}

describe('nesting depth', () => {
  it('accepts 20 levels and refuses 21, naming the document and the path', async () => {
    const client = lake.client()
    const ok = await client.create({_id: 'depth-20', _type: 't', ...nested(20)})
    expect(ok._id).toBe('depth-20')
    const error = await client.create({_id: 'depth-21', _type: 't', ...nested(21)}).catch((err: unknown) => err)
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).statusCode).toBe(400)
    expect((error as ClientError).message).toBe(
      `Document "depth-21" exceeds the maximum attribute nesting depth of 20 levels at ${depthPath(21)}`,
    )
    await absent('depth-21')
  })

  it("counts an object in an array at its array's level, and an array in an array as a level", async () => {
    const client = lake.client()
    // body[].children[].text nests 3 levels: Portable Text stays far from the limit.
    const block = {_type: 'block', _key: 'b', children: [{_type: 'span', _key: 's', text: 'x'}]}
    await client.create({_id: 'pt', _type: 't', body: [block]})
    const arrays = JSON.parse(`{"_id": "arrays", "_type": "t", "m": ${'['.repeat(21)}1${']'.repeat(21)}}`)
    const response = await post('/data/mutate/production', JSON.stringify({mutations: [{create: arrays}]}))
    const body = await response.json()
    expect(response.status).toBe(400)
    expect(body.error).toMatchObject({type: 'documentTooDeepError', documentId: 'arrays', path: `m${'[0]'.repeat(20)}`})
  })

  for (const levels of [3_250, 100_000]) {
    it(`refuses a document ${levels.toLocaleString('en')} levels deep on every write path; the lake keeps answering and restarts`, async () => {
      const id = `deep-${levels}`
      const doc = `{"_id": "${id}", "_type": "t", "a": ${nestedJson(levels - 1)}}`
      const mutations = [
        `{"create": ${doc}}`,
        `{"createOrReplace": ${doc}}`,
        `{"createIfNotExists": ${doc}}`,
        `{"patch": {"id": "base", "set": {"deep": ${nestedJson(levels)}}}}`,
        `{"patch": {"query": "*[_id == 'base']", "setIfMissing": {"deep": ${nestedJson(levels)}}}}`,
        `{"patch": {"id": "base", "insert": {"after": "tags[-1]", "items": [${nestedJson(levels)}]}}}`,
      ]
      for (const mutation of mutations) {
        for (const query of ['', '?autoGenerateArrayKeys=true&returnDocuments=true']) {
          const response = await post(
            `/data/mutate/production${query}`,
            `{"mutations": [{"create": {"_id": "sibling", "_type": "t"}}, ${mutation}]}`,
          )
          expect(response.status, mutation.slice(0, 40)).toBe(400)
          const body = await response.json()
          expect(body.error.type).toBe('documentTooDeepError')
          expect(body.error.documentId).toBe(mutation.includes('"base"') || mutation.includes("'base'") ? 'base' : id)
          expect(body.error.path.split('.').length).toBe(21)
        }
      }
      // As text: JSON.stringify itself overflows the stack on such values.
      const actions = [
        `{"actionType": "sanity.action.document.create", "publishedId": "${id}", "attributes": {"_type": "t", "a": ${nestedJson(levels)}}}`,
        `{"actionType": "sanity.action.document.edit", "draftId": "drafts.base", "publishedId": "base", "patch": {"set": {"a": ${nestedJson(levels)}}}}`,
      ]
      for (const action of actions) {
        const response = await post('/data/actions/production', `{"actions": [${action}]}`)
        expect(response.status).toBe(400)
        expect((await response.json()).error.type).toBe('documentTooDeepError')
      }
      const imported = await fetch(api('/data/import/production'), {
        method: 'POST',
        headers: headers(),
        body: `{"_id": "imp-ok", "_type": "t"}\n${doc}\n`,
      })
      await expectTooDeep(imported, id)
      await absent(id, `drafts.${id}`, 'drafts.base', 'sibling', 'imp-ok')
      expect(await lake.client().getDocument('base')).toMatchObject({name: 'Squat'})
      expect(
        await lake
          .client()
          .getDocument('base')
          .then((d) => d && 'deep' in d),
      ).toBe(false)
      // Still answering, and a restart replays a log without it.
      expect(await lake.client().fetch('count(*[_id == "base"])')).toBe(1)
      await lake.restart()
      expect(await lake.client().fetch('*[_id == "base"][0].name')).toBe('Squat')
      await absent(id)
    })
  }

  it('refuses a deep value that would change nothing (it would still be logged as the request)', async () => {
    for (const mutation of [
      `{"createIfNotExists": {"_id": "base", "_type": "exercise", "a": ${nestedJson(100_000)}}}`,
      `{"patch": {"id": "base", "setIfMissing": {"name": ${nestedJson(100_000)}}}}`,
      `{"patch": {"id": "base", "setIfMissing": {"name": ${nestedJson(3_250)}}}}`,
    ]) {
      const response = await post(
        '/data/mutate/production',
        `{"mutations": [{"create": {"_id": "noop-sibling", "_type": "t"}}, ${mutation}]}`,
      )
      const body = await response.json()
      expect(response.status).toBe(400)
      expect(body.error).toMatchObject({type: 'requestTooDeepError', limit: 72})
      expect(body.error.description).toContain('deeper than any document may (at most 20 levels of attributes)')
    }
    await absent('noop-sibling')
    expect(await lake.client().getDocument('base')).toMatchObject({name: 'Squat'})
  })

  it('refuses a patch whose result is too deep although its value is shallow, at the path in the document', async () => {
    const client = lake.client()
    await client.create({_id: 'grow', _type: 't', ...nested(18)})
    // A value three levels deep, set at level 18, puts its leaf at level 21.
    const response = await post(
      '/data/mutate/production',
      JSON.stringify({mutations: [{patch: {id: 'grow', set: {[depthPath(18)]: {b: {c: {d: 1}}}}}}]}),
    )
    const body = await response.json()
    expect(response.status).toBe(400)
    expect(body.error).toMatchObject({type: 'documentTooDeepError', documentId: 'grow', path: `${depthPath(18)}.b.c.d`})
    expect(await client.fetch(`*[_id == "grow"][0].${depthPath(18)}`)).toBe(1)
  })

  it('refuses a CLI import over the limit and writes none of its documents', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-limits-cli-'))
    const file = path.join(dataDir, 'deep.ndjson')
    fs.writeFileSync(file, `{"_id": "cli-ok", "_type": "t"}\n{"_id": "cli-deep", "_type": "t", "a": ${nestedJson(100_000)}}\n`)
    const run = (...args: string[]) =>
      spawnSync(path.join(ROOT, 'node_modules/.bin/node'), [path.join(ROOT, 'lake/src/cli.ts'), ...args, '--data-dir', dataDir], {
        encoding: 'utf8',
      })
    const result = run('import', file)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Document "cli-deep" exceeds the maximum attribute nesting depth of 20 levels at a.a.a')
    const exported = run('export')
    expect(exported.status).toBe(0)
    expect(exported.stdout).toBe('')
    fs.rmSync(dataDir, {recursive: true, force: true})
  })
})

describe('document size', () => {
  it('refuses a document over 32 MB (SI) of JSON from create and from a patch; accepts one under it', async () => {
    const client = lake.client()
    const big = await post(
      '/data/mutate/production',
      JSON.stringify({mutations: [{create: {_id: 'big', _type: 't', blob: 'x'.repeat(32_000_000)}}]}),
    )
    const body = await big.json()
    expect(big.status).toBe(400)
    expect(body.error).toMatchObject({type: 'documentTooLargeError', documentId: 'big', limit: 32_000_000})
    expect(body.error.size).toBeGreaterThan(32_000_000)
    expect(body.error.description).toMatch(
      /^Document "big" is 32,000,\d{3} bytes of JSON, over the maximum document size of 32,000,000 bytes \(32 MB\)$/,
    )
    await client.create({_id: 'nearly', _type: 't', blob: 'x'.repeat(31_990_000)})
    const grown = await post(
      '/data/mutate/production',
      JSON.stringify({mutations: [{patch: {id: 'nearly', set: {more: 'y'.repeat(20_000)}}}]}),
    )
    expect(grown.status).toBe(400)
    expect((await grown.json()).error).toMatchObject({type: 'documentTooLargeError', documentId: 'nearly'})
    await absent('big')
    expect(await client.fetch('*[_id == "nearly"][0]{"n": length(blob), more}')).toEqual({n: 31_990_000, more: null})
    await client.delete('nearly')
  })
})

describe('attributes per document', () => {
  it('accepts 1,000 unique paths and datatypes (system fields included) and refuses 1,001; array items share one path', async () => {
    const client = lake.client()
    // _id, _type, _rev, _createdAt, _updatedAt + 995 fields = 1,000.
    const fields = (n: number) => Object.fromEntries(Array.from({length: n}, (_, i) => [`f${i}`, i]))
    expect((await client.create({_id: 'attrs-1000', _type: 't', ...fields(995)}))._id).toBe('attrs-1000')
    const over = await post(
      '/data/mutate/production',
      JSON.stringify({mutations: [{create: {_id: 'attrs-1001', _type: 't', ...fields(996)}}]}),
    )
    const body = await over.json()
    expect(over.status).toBe(400)
    expect(body.error).toMatchObject({type: 'documentTooManyAttributesError', documentId: 'attrs-1001', limit: 1000})
    expect(body.error.description).toBe(
      'Document "attrs-1001" has over 1,000 attributes (unique paths and datatypes), the maximum per document',
    )
    await absent('attrs-1001')
    // 20,000 array items of two shapes: items[] (object), items[]._key, items[].n (integer), items[].x (float).
    const items = Array.from({length: 20_000}, (_, i) => (i % 2 ? {_key: `k${i}`, n: i} : {_key: `k${i}`, x: i + 0.5}))
    expect((await client.create({_id: 'long-array', _type: 't', ...fields(990), items}))._id).toBe('long-array')
    // Retyping a field keeps the count (1,000); a new field on long-array makes 1,001 and fails
    // the whole transaction.
    const patched = await post(
      '/data/mutate/production',
      JSON.stringify({mutations: [{patch: {id: 'attrs-1000', set: {f0: 'now a string'}}}, {patch: {id: 'long-array', set: {f990: true}}}]}),
    )
    expect(patched.status).toBe(400)
    expect((await patched.json()).error).toMatchObject({type: 'documentTooManyAttributesError', documentId: 'long-array'})
    expect(await client.fetch('*[_id == "attrs-1000"][0].f0')).toBe(0)
    await client.patch('attrs-1000').set({f0: 'now a string'}).commit()
  })
})

describe('a data dir written before the limits', () => {
  it('still starts with documents over them (warning), keeps answering, and lets them be deleted', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-limits-old-'))
    const datasetDir = path.join(dataDir, 'datasets', 'production')
    fs.mkdirSync(datasetDir, {recursive: true})
    const system = {_rev: 'r1', _createdAt: '2026-01-01T00:00:00Z', _updatedAt: '2026-01-01T00:00:00Z'}
    const changes = [
      {id: 'old-30', doc: {_id: 'old-30', _type: 't', ...system, ...nested(30)}},
      {id: 'old-3250', doc: {_id: 'old-3250', _type: 't', ...system, ...nested(3_250)}},
      {id: 'fine', doc: {_id: 'fine', _type: 't', ...system}},
    ]
    fs.writeFileSync(
      path.join(datasetDir, 'txlog.ndjson'),
      `${JSON.stringify({seq: 1, id: 'r1', timestamp: system._createdAt, identity: 'old', mutations: [], changes})}\n`,
    )
    const old = await spawnLake({rateLimits: 'off', dataDir})
    try {
      const client = old.client()
      expect(await client.fetch('*[_type == "t"] | order(_id asc)._id', {}, {perspective: 'raw'})).toEqual(['fine', 'old-30'])
      expect((await client.getDocument('old-3250'))?._id).toBe('old-3250')
      await client.delete('old-3250')
      await old.restart()
      expect(await client.getDocument('old-3250')).toBeUndefined()
      expect(await client.fetch('count(*[_id == "old-30"])')).toBe(1)
    } finally {
      await old.stop()
      fs.rmSync(dataDir, {recursive: true, force: true})
    }
  })
})
