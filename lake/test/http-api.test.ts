// Auth, perspectives, assets, CORS, project host, datasets, import/export and bad input,
// through the real @sanity/client (and plain fetch where the client cannot express the request).
import * as http from 'node:http'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import {pngBytes} from './png.ts'

let lake: SpawnedLake
const BODY_LIMIT = 200_000

beforeAll(async () => {
  lake = await spawnLake({rateLimits: 'off', args: ['--max-body-bytes', String(BODY_LIMIT)]})
  await lake
    .client()
    .transaction()
    .create({_id: 'ex-1', _type: 'exercise', name: 'Published'})
    .create({_id: 'drafts.ex-1', _type: 'exercise', name: 'Draft of 1'})
    .create({_id: 'drafts.ex-2', _type: 'exercise', name: 'Only a draft'})
    .commit()
})
afterAll(async () => {
  await lake?.stop()
})

const api = (path: string) => `${lake.url}/v2025-02-19${path}`
const auth = (token: string) => ({authorization: `Bearer ${token}`})

describe('perspectives and auth', () => {
  const names = '*[_type == "exercise"] | order(name) {_id, name, _originalId}'

  it('published: no drafts, for anonymous and token holders alike', async () => {
    const expected = [{_id: 'ex-1', name: 'Published', _originalId: null}]
    expect(await lake.client({token: undefined}).fetch(names)).toEqual(expected)
    expect(await lake.client().fetch(names, {}, {perspective: 'published'})).toEqual(expected)
  })

  it('drafts (and previewDrafts): drafts stand in for published documents', async () => {
    const client = lake.client({token: lake.readToken})
    const expected = [
      {_id: 'ex-1', name: 'Draft of 1', _originalId: 'drafts.ex-1'},
      {_id: 'ex-2', name: 'Only a draft', _originalId: 'drafts.ex-2'},
    ]
    expect(await client.fetch(names, {}, {perspective: 'drafts'})).toEqual(expected)
    const res = await fetch(api(`/data/query/production?query=${encodeURIComponent(names)}&perspective=previewDrafts`), {
      headers: auth(lake.readToken),
    })
    expect((await res.json()).result).toEqual(expected)
  })

  it('raw: every document as stored', async () => {
    const ids = await lake.client({token: lake.readToken}).fetch('*[_type == "exercise"] | order(_id) ._id', {}, {perspective: 'raw'})
    expect(ids).toEqual(['drafts.ex-1', 'drafts.ex-2', 'ex-1'])
  })

  it('drafts and raw need a token; an unknown perspective is a 400', async () => {
    const anonymous = lake.client({token: undefined})
    await expect(anonymous.fetch('*', {}, {perspective: 'drafts'})).rejects.toMatchObject({statusCode: 401})
    await expect(anonymous.fetch('*', {}, {perspective: 'raw'})).rejects.toMatchObject({statusCode: 401})
    const res = await fetch(api('/data/query/production?query=*&perspective=sideways'), {headers: auth(lake.readToken)})
    expect(res.status).toBe(400)
    expect((await res.json()).error.description).toContain('sideways')
  })

  it('the query envelope is {query, result, syncTags, ms}; returnQuery=false drops the query', async () => {
    const res = await fetch(api('/data/query/production?query=count(*)&returnQuery=false'), {headers: auth(lake.readToken)})
    const body = await res.json()
    expect(Object.keys(body).sort()).toEqual(['ms', 'result', 'syncTags'])
    const post = await fetch(api('/data/query/production'), {
      method: 'POST',
      headers: {...auth(lake.readToken), 'content-type': 'application/json'},
      body: JSON.stringify({query: '*[_id == $id][0].name', params: {id: 'ex-1'}}),
    })
    expect(await post.json()).toEqual({
      query: '*[_id == $id][0].name',
      result: 'Published',
      syncTags: expect.any(Array),
      ms: expect.any(Number),
    })
  })

  it('a GROQ syntax error is a 400 naming the position', async () => {
    const res = await fetch(api(`/data/query/production?query=${encodeURIComponent('*[_type == ]')}`))
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body).toMatchObject({statusCode: 400, error: {type: 'queryParseError', query: '*[_type == ]', start: expect.any(Number)}})
    expect(typeof body.message).toBe('string')
  })

  it('doc: anonymous readers get drafts omitted for permission', async () => {
    const res = await fetch(api('/data/doc/production/ex-1,drafts.ex-1,nope'))
    expect(await res.json()).toMatchObject({
      documents: [{_id: 'ex-1'}],
      omitted: [
        {id: 'drafts.ex-1', reason: 'permission'},
        {id: 'nope', reason: 'existence'},
      ],
    })
    const withToken = await lake.client({token: lake.readToken}).getDocument('drafts.ex-1')
    expect(withToken?.name).toBe('Draft of 1')
  })

  it('writes need a write token: 401 anonymous or bad token, 403 read token', async () => {
    await expect(lake.client({token: undefined}).create({_type: 'x'})).rejects.toMatchObject({statusCode: 401})
    await expect(lake.client({token: 'not-a-real-token'}).fetch('count(*)')).rejects.toMatchObject({statusCode: 401})
    const err = await lake
      .client({token: lake.readToken})
      .create({_type: 'x'})
      .catch((e: unknown) => e)
    expect(err).toMatchObject({statusCode: 403})
    const res = await fetch(api('/data/mutate/production'), {
      method: 'POST',
      headers: {...auth(lake.readToken), 'content-type': 'application/json'},
      body: '{"mutations":[]}',
    })
    expect(await res.json()).toMatchObject({
      statusCode: 403,
      error: {type: 'permissionDeniedError', description: expect.stringContaining('write')},
      message: expect.any(String),
    })
  })
})

describe('assets', () => {
  it('uploads an image, stores the asset document and serves the bytes', async () => {
    const client = lake.client()
    const bytes = pngBytes(30, 20)
    const asset = await client.assets.upload('image', bytes, {filename: 'red.png'})
    expect(asset._id).toMatch(/^image-[a-f0-9]{40}-30x20-png$/)
    expect(asset).toMatchObject({
      _type: 'sanity.imageAsset',
      extension: 'png',
      mimeType: 'image/png',
      size: bytes.length,
      originalFilename: 'red.png',
    })
    expect(asset.metadata.dimensions).toMatchObject({width: 30, height: 20, aspectRatio: 1.5})
    expect(asset.url).toBe(`${lake.url}/images/${lake.projectId}/production/${asset.assetId}-30x20.png`)
    const res = await fetch(asset.url)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
    expect(await client.getDocument(asset._id)).toMatchObject({_id: asset._id, _rev: expect.any(String)})
    // The same bytes again: the same asset, not a second one.
    const again = await client.assets.upload('image', bytes, {filename: 'copy.png'})
    expect(again._id).toBe(asset._id)
  })

  it('uploads a file', async () => {
    const asset = await lake.client().assets.upload('file', Buffer.from('hello lake'), {
      filename: 'notes.txt',
      contentType: 'text/plain',
      title: 'Notes',
      source: {name: 'test', id: 'n1'},
    })
    expect(asset._id).toMatch(/^file-[a-f0-9]{40}-txt$/)
    expect(asset).toMatchObject({title: 'Notes', mimeType: 'text/plain', source: {name: 'test', id: 'n1'}})
    expect(await (await fetch(asset.url)).text()).toBe('hello lake')
  })

  it('rejects bytes that are not an image', async () => {
    await expect(lake.client().assets.upload('image', Buffer.from('not an image'))).rejects.toMatchObject({statusCode: 400})
    expect((await fetch(`${lake.url}/images/${lake.projectId}/production/${'0'.repeat(40)}-1x1.png`)).status).toBe(404)
  })
})

describe('transport', () => {
  it('CORS: the default allowed origin gets its Origin echoed with credentials and preflights a 204 (more in cors.test.ts)', async () => {
    const res = await fetch(api('/data/query/production?query=1'), {headers: {origin: 'http://localhost:3333'}})
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3333')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    const pre = await fetch(api('/data/mutate/production'), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3333',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization,content-type')
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST')
  })

  it('takes the project from {projectId}.localhost or X-Sanity-Project-ID, rejecting others', async () => {
    const get = (headers: Record<string, string>) =>
      new Promise<{status: number; body: string}>((resolve, reject) => {
        const req = http.get(api('/data/query/production?query=1'), {headers}, (res) => {
          let body = ''
          res.on('data', (c) => (body += c))
          res.on('end', () => resolve({status: res.statusCode ?? 0, body}))
        })
        req.on('error', reject)
      })
    expect((await get({host: `${lake.projectId}.localhost:${lake.port}`})).status).toBe(200)
    const wrongHost = await get({host: `other.localhost:${lake.port}`})
    expect(wrongHost.status).toBe(404)
    expect(wrongHost.body).toContain('other')
    expect((await get({'x-sanity-project-id': 'nope'})).status).toBe(404)
  })

  it('accepts any API version prefix', async () => {
    for (const v of ['v1', 'vX', 'v2021-06-07']) {
      const res = await fetch(`${lake.url}/${v}/data/query/production?query=count(*[_id=="ex-1"])`)
      expect((await res.json()).result).toBe(1)
    }
  })
})

describe('datasets, import and export', () => {
  it('creates and lists datasets; an unknown dataset is a 404', async () => {
    const client = lake.client()
    await client.datasets.create('staging')
    expect((await client.datasets.list()).map((d) => d.name)).toEqual(['production', 'staging'])
    await client.withConfig({dataset: 'staging'}).create({_id: 's', _type: 't'})
    expect(await client.withConfig({dataset: 'staging'}).fetch('*[]._id')).toEqual(['s'])
    const err = await client
      .withConfig({dataset: 'nope'})
      .fetch('*')
      .catch((e: unknown) => e)
    expect(err).toMatchObject({statusCode: 404, message: expect.stringContaining('"nope"')})
    const comments = await fetch(api(`/projects/${lake.projectId}/datasets?datasetProfile=comments&addonFor=production`), {
      headers: auth(lake.readToken),
    })
    expect(await comments.json()).toEqual([])
    const stream = await fetch(api('/data/listen/staging?query=*'), {headers: auth(lake.readToken)})
    await client.datasets.delete('staging')
    const text = await stream.text() // ends when the dataset goes
    expect(text).toContain('event: disconnect')
    expect((await client.datasets.list()).map((d) => d.name)).toEqual(['production'])
  })

  it('imports NDJSON verbatim or with system fields filled, all or nothing, and exports it', async () => {
    const client = lake.client()
    await client.datasets.create('imports')
    const post = (body: string, query = '') =>
      fetch(api(`/data/import/imports${query}`), {
        method: 'POST',
        headers: {...auth(lake.writeToken), 'content-type': 'application/x-ndjson'},
        body,
      })
    const verbatim = [
      {_id: 'v1', _type: 't', n: 1},
      {_id: 'v2', _type: 't', n: 2},
    ]
    const res = await post(verbatim.map((d) => JSON.stringify(d)).join('\n'), '?verbatim=true')
    expect(res.status).toBe(200)
    const stored = await client.withConfig({dataset: 'imports'}).fetch('*[_type == "t"] | order(_id)', {}, {perspective: 'raw'})
    expect(stored).toEqual(verbatim)
    const filled = await post(JSON.stringify({_id: 'f1', _type: 'u'}))
    expect(filled.status).toBe(200)
    expect(await client.withConfig({dataset: 'imports'}).getDocument('f1')).toMatchObject({
      _rev: expect.any(String),
      _createdAt: expect.any(String),
    })
    const bad = await post(`${JSON.stringify({_id: 'g1', _type: 'u'})}\n{"_id": "g2", "_type": `)
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.description).toContain('line 2')
    expect(await client.withConfig({dataset: 'imports'}).getDocument('g1')).toBeUndefined()

    const exported = await fetch(api('/data/export/imports'), {headers: auth(lake.readToken)})
    const lines = (await exported.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((d) => d._id)).toEqual(['f1', 'v1', 'v2'])
    expect(lines[1]).toEqual(verbatim[0])
  })
})

describe('bad input: a 4xx with a clear message, nothing written', () => {
  const count = () => lake.client().fetch('count(*)', {}, {perspective: 'raw'})
  const mutate = (body: string, headers: Record<string, string> = {}) =>
    fetch(api('/data/mutate/production'), {
      method: 'POST',
      headers: {...auth(lake.writeToken), 'content-type': 'application/json', ...headers},
      body,
    })

  it('malformed JSON, unknown mutation, invalid id, oversized body, unknown dataset', async () => {
    const before = await count()
    const malformed = await mutate('{"mutations": [')
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).error.description).toContain('not valid JSON')

    const unknown = await mutate(JSON.stringify({mutations: [{create: {_id: 'ok1', _type: 't'}}, {teleport: {id: 'x'}}]}))
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).error.description).toContain('mutations[1]: unknown mutation "teleport"')

    const badId = await mutate(
      JSON.stringify({mutations: [{create: {_id: 'ok2', _type: 't'}}, {createOrReplace: {_id: 'has space', _type: 't'}}]}),
    )
    expect(badId.status).toBe(400)
    expect((await badId.json()).error.description).toContain('"has space" is invalid')

    const badPatch = await mutate(JSON.stringify({mutations: [{patch: {id: 'ex-1', inc: {n: 'one'}}}]}))
    expect(badPatch.status).toBe(400)
    expect((await badPatch.json()).error.description).toContain('patch.inc["n"] must be a number')

    const noType = await mutate(JSON.stringify({mutations: [{create: {_id: 'ok3'}}]}))
    expect((await noType.json()).error.description).toContain('_type')

    const huge = await mutate(JSON.stringify({mutations: [{create: {_id: 'big', _type: 't', blob: 'x'.repeat(BODY_LIMIT)}}]}))
    expect(huge.status).toBe(413)
    expect((await huge.json()).error.description).toContain(`${BODY_LIMIT} bytes`)

    const missing = await fetch(api('/data/mutate/nope'), {method: 'POST', headers: {...auth(lake.writeToken)}, body: '{"mutations":[]}'})
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.description).toBe('Dataset "nope" not found')

    const notFound = await fetch(api('/data/teleport/production'))
    expect(notFound.status).toBe(404)

    expect(await count()).toBe(before)
    // The connection is still healthy after the errors.
    expect(await lake.client().fetch('count(*[_id == "ex-1"])')).toBe(1)
  })

  it('patching a missing document is an error and writes nothing', async () => {
    const client = lake.client()
    await expect(
      client
        .transaction()
        .create({_id: 'pm1', _type: 't'})
        .patch('nope-missing', (p) => p.set({a: 1}))
        .commit(),
    ).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('nope-missing'),
    })
    expect(await client.getDocument('pm1')).toBeUndefined()
  })
})
