// Query, doc and mutate through the real @sanity/client against a spawned lake.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake({rateLimits: 'off'})
})
afterAll(async () => {
  await lake?.stop()
})

describe('mutate + query + doc', () => {
  it('creates documents with system fields and reads them back', async () => {
    const client = lake.client()
    const created = await client.create({_id: 'ex-squat', _type: 'exercise', name: 'Squat', reps: 5})
    expect(created).toMatchObject({_id: 'ex-squat', _type: 'exercise', name: 'Squat'})
    expect(typeof created._rev).toBe('string')
    expect(created._createdAt).toBe(created._updatedAt)
    const fetched = await client.getDocument('ex-squat')
    expect(fetched).toEqual(created)
    const result = await client.fetch('*[_type == $type]{_id, name}', {type: 'exercise'})
    expect(result).toEqual([{_id: 'ex-squat', name: 'Squat'}])
  })

  it('answers sanity::projectId() and sanity::dataset() for the dataset queried', async () => {
    const result = await lake.client().fetch('{"project": sanity::projectId(), "dataset": sanity::dataset()}')
    expect(result).toEqual({project: lake.projectId, dataset: lake.dataset})
  })

  it('answers a query with no match as null, and returnQuery=false leaves the query out', async () => {
    const url = `${lake.url}/v2025-02-19/data/query/${lake.dataset}?query=${encodeURIComponent('*[_id == "nope"][0]')}&returnQuery=false`
    const response = await fetch(url, {headers: {'X-Sanity-Project-ID': lake.projectId}})
    expect(await response.json()).toEqual({result: null, syncTags: expect.any(Array), ms: expect.any(Number)})
  })

  it('generates ids for create without _id and for an id prefix ending in "."', async () => {
    const client = lake.client()
    const a = await client.create({_type: 'note'})
    expect(a._id).toMatch(/^[A-Za-z0-9]{22}$/)
    const b = await client.create({_id: 'drafts.', _type: 'note'})
    expect(b._id).toMatch(/^drafts\.[A-Za-z0-9]{22}$/)
  })

  it('applies every patch operation in one transaction', async () => {
    const client = lake.client()
    await client.createOrReplace({
      _id: 'p1',
      _type: 'exercise',
      name: 'hello world',
      count: 1,
      tags: ['a', 'c'],
      steps: [
        {_key: 'k1', text: 'one'},
        {_key: 'k2', text: 'two'},
      ],
    })
    const doc = await client
      .patch('p1')
      .set({'meta.level': 'hard'})
      .setIfMissing({count: 100, extra: 'x'})
      .inc({count: 2})
      .dec({count: 1})
      .insert('after', 'tags[0]', ['b'])
      .unset(['steps[_key=="k2"]'])
      .diffMatchPatch({name: '@@ -1,5 +1,5 @@\n-hello\n+HELLO\n'})
      .commit()
    expect(doc).toMatchObject({
      name: 'HELLO world',
      count: 2,
      extra: 'x',
      meta: {level: 'hard'},
      tags: ['a', 'b', 'c'],
      steps: [{_key: 'k1', text: 'one'}],
    })
    const replaced = await client.patch('p1').insert('replace', 'tags[1]', ['B']).commit()
    expect(replaced.tags).toEqual(['a', 'B', 'c'])
    const before = await client.patch('p1').insert('before', 'tags[0]', ['first']).commit()
    expect(before.tags).toEqual(['first', 'a', 'B', 'c'])
  })

  it('createIfNotExists leaves an existing document alone; createOrReplace keeps _createdAt', async () => {
    const client = lake.client()
    const first = await client.createIfNotExists({_id: 'cine', _type: 't', v: 1})
    const again = await client.createIfNotExists({_id: 'cine', _type: 't', v: 2})
    expect(again).toEqual(first)
    await new Promise((r) => setTimeout(r, 5))
    const replaced = await client.createOrReplace({_id: 'cine', _type: 't', v: 3})
    expect(replaced.v).toBe(3)
    expect(replaced._createdAt).toBe(first._createdAt)
    expect(replaced._updatedAt > first._updatedAt).toBe(true)
    // As hosted, _type is immutable: replacing with another type is refused (immutable-fields.test.ts).
    await expect(client.createOrReplace({_id: 'cine', _type: 'other'})).rejects.toThrow('Cannot modify immutable attribute "_type"')
  })

  it('deletes by id and by query', async () => {
    const client = lake.client()
    await client
      .transaction()
      .create({_id: 'd1', _type: 'gone'})
      .create({_id: 'd2', _type: 'gone'})
      .create({_id: 'd3', _type: 'gone'})
      .commit()
    await client.delete('d1')
    expect(await client.getDocument('d1')).toBeUndefined()
    await client.delete({query: '*[_type == $t]', params: {t: 'gone'}})
    expect(await client.fetch('count(*[_type == "gone"])')).toBe(0)
  })

  it('patches by query', async () => {
    const client = lake.client()
    await client.transaction().create({_id: 'q1', _type: 'batch', n: 1}).create({_id: 'q2', _type: 'batch', n: 2}).commit()
    const res = await client.mutate([{patch: {query: '*[_type == "batch"]', inc: {n: 10}}}], {returnDocuments: false, returnFirst: false})
    expect(res.documentIds.sort()).toEqual(['q1', 'q2'])
    expect(await client.fetch('*[_type == "batch"] | order(_id).n')).toEqual([11, 12])
  })

  it('returns mutate results like the hosted API', async () => {
    const client = lake.client()
    const res = await client.mutate([{create: {_id: 'r1', _type: 't'}}, {patch: {id: 'r1', set: {a: 1}}}], {
      returnDocuments: false,
      returnFirst: false,
    })
    expect(res.transactionId).toEqual(expect.any(String))
    expect(res.results).toEqual([
      {id: 'r1', operation: 'create'},
      {id: 'r1', operation: 'update'},
    ])
    const doc = await client.getDocument('r1')
    expect(doc?._rev).toBe(res.transactionId)
  })

  it('a transaction with a failing mutation writes nothing', async () => {
    const client = lake.client()
    await client.create({_id: 'atomic-existing', _type: 't'})
    await expect(
      client
        .transaction()
        .create({_id: 'atomic-new', _type: 't'})
        .patch('atomic-existing', (p) => p.set({x: 1}))
        .create({_id: 'atomic-existing', _type: 't'})
        .commit(),
    ).rejects.toMatchObject({statusCode: 409, message: expect.stringContaining('already exists')})
    expect(await client.getDocument('atomic-new')).toBeUndefined()
    expect((await client.getDocument('atomic-existing'))?.x).toBeUndefined()
  })

  it('rejects a stale ifRevisionID with 409', async () => {
    const client = lake.client()
    const doc = await client.create({_id: 'rev1', _type: 't', n: 0})
    await client.patch('rev1').ifRevisionId(doc._rev).inc({n: 1}).commit()
    await expect(client.patch('rev1').ifRevisionId(doc._rev).inc({n: 1}).commit()).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('unexpected revision'),
    })
  })

  it('getDocuments returns documents in order with null for missing ones', async () => {
    const client = lake.client()
    await client.createOrReplace({_id: 'gd1', _type: 't'})
    const docs = await client.getDocuments(['gd1', 'missing'])
    expect(docs.map((d) => d?._id ?? null)).toEqual(['gd1', null])
  })

  it('autoGenerateArrayKeys adds _key to array objects that lack one', async () => {
    const client = lake.client()
    const doc = await client.create(
      {_id: 'keys1', _type: 't', items: [{a: 1}, {_key: 'given', a: 2}], nested: {list: [{b: 1}]}},
      {autoGenerateArrayKeys: true},
    )
    const items = doc.items as unknown as Array<{_key: string}>
    expect(items[0]?._key).toMatch(/^[A-Za-z0-9]{12}$/)
    expect(items[1]?._key).toBe('given')
    expect((doc.nested as unknown as {list: Array<{_key: string}>}).list[0]?._key).toEqual(expect.any(String))
    const patched = await client
      .patch('keys1')
      .append('items', [{a: 3}])
      .commit({autoGenerateArrayKeys: true})
    expect((patched.items as Array<{_key?: string}>)[2]?._key).toEqual(expect.any(String))
  })
})
