// /data/listen and /data/actions through the real @sanity/client.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import {collect, sleep} from './listen-helpers.ts'

let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake({rateLimits: 'off', args: ['--keepalive-ms', '150']})
})
afterAll(async () => {
  await lake?.stop()
})

describe('listen', () => {
  it('sends only documents matching the filter, with transitions and a rev chain', async () => {
    const client = lake.client()
    const listener = collect(client, '*[_type == "exercise" && level == $level]', {level: 'easy'})
    await listener.welcome
    const created = await client.create({_id: 'l1', _type: 'exercise', level: 'easy', name: 'a'})
    await client.create({_id: 'other', _type: 'muscle', level: 'easy'}) // filtered out
    const updated = await client.patch('l1').set({name: 'b'}).commit()
    await client.patch('l1').set({level: 'hard'}).commit() // leaves the filter
    await client.patch('l1').set({name: 'c'}).commit() // matches neither before nor after
    await client.patch('l1').set({level: 'easy'}).commit() // comes back
    const events = await listener.waitFor(4)
    await sleep(200)
    expect(listener.events).toHaveLength(4)
    expect(events.map((e) => e.transition)).toEqual(['appear', 'update', 'disappear', 'appear'])
    expect(events.every((e) => e.documentId === 'l1')).toBe(true)
    expect(events[0]).not.toHaveProperty('previousRev')
    expect(events[0]?.resultRev).toBe(created._rev)
    expect(events[1]).toMatchObject({previousRev: created._rev, resultRev: updated._rev, transactionId: updated._rev})
    expect((events[1]?.result as {name: string} | undefined)?.name).toBe('b')
    expect(events[1]?.mutations).toEqual([{patch: {id: 'l1', set: {name: 'b'}}}])
    expect(events[1]?.visibility).toBe('transaction') // the hosted default
    listener.close()
  })

  it('sends one event per document per transaction, carrying all its mutations', async () => {
    const client = lake.client()
    const listener = collect(client, '*[_id in $ids]', {ids: ['m1', 'm2']}, {effectFormat: 'mendoza', visibility: 'query'})
    await listener.welcome
    const res = await client
      .transaction()
      .createIfNotExists({_id: 'm1', _type: 't'})
      .patch('m1', (p) => p.set({a: 1}))
      .patch('m1', (p) => p.inc({a: 1}))
      .create({_id: 'm2', _type: 't'})
      .commit()
    const events = await listener.waitFor(2)
    await sleep(200)
    expect(listener.events).toHaveLength(2)
    const m1 = events.find((e) => e.documentId === 'm1')!
    expect(m1.mutations).toHaveLength(3)
    expect(m1).toMatchObject({transactionId: res.transactionId, transactionTotalEvents: 2, visibility: 'query'})
    expect(m1.effects).toEqual({apply: [0, expect.objectContaining({_id: 'm1', a: 2})], revert: [0, null]})
    expect((m1.effects as {apply: [number, Record<string, unknown>]}).apply[1]).not.toHaveProperty('_rev')
    expect(events.map((e) => e.transactionCurrentEvent).sort()).toEqual([0, 1])
    await client.delete('m2')
    const [, , deleted] = await listener.waitFor(3)
    expect(deleted).toMatchObject({
      documentId: 'm2',
      transition: 'disappear',
      effects: {apply: [0, null], revert: [0, expect.objectContaining({_id: 'm2'})]},
    })
    expect(deleted).not.toHaveProperty('result')
    listener.close()
  })

  it('counts transactionTotalEvents per listener and honours includeResult/includeMutations=false', async () => {
    const client = lake.client()
    const onlyA = collect(client, '*[_id == "tA"]', {}, {includeResult: false, includeMutations: false})
    await onlyA.welcome
    await client.transaction().create({_id: 'tA', _type: 't'}).create({_id: 'tB', _type: 't'}).commit()
    const [event] = await onlyA.waitFor(1)
    expect(event).toMatchObject({documentId: 'tA', transactionTotalEvents: 1, transactionCurrentEvent: 0})
    expect(event).not.toHaveProperty('result')
    expect(event).not.toHaveProperty('mutations')
    onlyA.close()
  })

  it('skips versions unless includeAllVersions, and ends a bad query with channelError', async () => {
    const client = lake.client()
    const plain = collect(client, '*[_type == "ver"]')
    const all = collect(client, '*[_type == "ver"]', {}, {includeAllVersions: true})
    await Promise.all([plain.welcome, all.welcome])
    await client.create({_id: 'versions.r1.v1', _type: 'ver'})
    await client.create({_id: 'v1', _type: 'ver'})
    expect((await all.waitFor(2)).map((e) => e.documentId)).toEqual(['versions.r1.v1', 'v1'])
    expect((await plain.waitFor(1)).map((e) => e.documentId)).toEqual(['v1'])
    plain.close()
    all.close()

    const res = await fetch(`${lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent('*[_type ==')}`, {
      headers: {authorization: `Bearer ${lake.readToken}`},
    })
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const text = await res.text()
    expect(text).toContain('event: channelError')
    expect(text).not.toContain('event: welcome')
  })

  it('uses only the top-level filter: projections, ordering and slices are ignored', async () => {
    const client = lake.client()
    const listener = collect(client, '*[_type == "proj"][name != "skip"] | order(name) [0...0] {name}')
    await listener.welcome
    await client.create({_id: 'proj-skip', _type: 'proj', name: 'skip'})
    await client.create({_id: 'proj-1', _type: 'proj', name: 'keep'})
    const [event] = await listener.waitFor(1)
    await sleep(200)
    expect(listener.events).toHaveLength(1)
    expect(event?.documentId).toBe('proj-1')
    listener.close()
  })

  it('sends keepalive comments on an idle stream', async () => {
    const controller = new AbortController()
    const res = await fetch(`${lake.url}/v2025-02-19/data/listen/production?query=*`, {
      headers: {authorization: `Bearer ${lake.readToken}`},
      signal: controller.signal,
    })
    const reader = res.body!.getReader()
    let text = ''
    while (!/\n:\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value)
    expect(text.indexOf('event: welcome')).toBeLessThan(text.search(/\n:\n/))
    controller.abort()
  })

  it('hides drafts from anonymous listeners', async () => {
    const anonymous = collect(lake.client({token: undefined}), '*[_type == "secret"]')
    const authed = collect(lake.client({token: lake.readToken}), '*[_type == "secret"]')
    await Promise.all([anonymous.welcome, authed.welcome])
    await lake.client().create({_id: 'drafts.s1', _type: 'secret'})
    await lake.client().create({_id: 's1', _type: 'secret'})
    const events = await authed.waitFor(2)
    expect(events.map((e) => e.documentId)).toEqual(['drafts.s1', 's1'])
    const [anon] = await anonymous.waitFor(1)
    await sleep(200)
    expect(anonymous.events).toHaveLength(1)
    expect(anon?.documentId).toBe('s1')
    anonymous.close()
    authed.close()
  })
})

describe('actions', () => {
  it('create, edit, publish (two events), unpublish, discard and delete a document', async () => {
    const client = lake.client()
    const listener = collect(client, '*[_id in $ids]', {ids: ['a1', 'drafts.a1']}, {effectFormat: 'mendoza'})
    await listener.welcome
    const txCreate = 'tx-create-0001'
    await client.action(
      {
        actionType: 'sanity.action.document.create',
        publishedId: 'a1',
        attributes: {_id: 'drafts.a1', _type: 'exercise', _rev: 'ignored', name: 'Draft'},
        ifExists: 'fail',
      },
      {transactionId: txCreate},
    )
    const draft = await client.getDocument('drafts.a1')
    expect(draft).toMatchObject({_id: 'drafts.a1', name: 'Draft', _rev: txCreate})
    await expect(
      client.action({
        actionType: 'sanity.action.document.create',
        publishedId: 'a1',
        attributes: {_id: 'drafts.a1', _type: 'exercise'},
        ifExists: 'fail',
      }),
    ).rejects.toMatchObject({statusCode: 409})

    await client.action(
      [
        {
          actionType: 'sanity.action.document.edit',
          draftId: 'drafts.a1',
          publishedId: 'a1',
          patch: {unset: ['_empty_action_guard_pseudo_field_']},
        },
        {actionType: 'sanity.action.document.edit', draftId: 'drafts.a1', publishedId: 'a1', patch: {set: {name: 'Edited'}}},
      ],
      {transactionId: 'tx-edit-0001'},
    )
    const edit = (await listener.waitFor(2))[1]!
    expect(edit).toMatchObject({documentId: 'drafts.a1', previousRev: txCreate, resultRev: 'tx-edit-0001', transactionTotalEvents: 1})
    expect(edit.mutations).toHaveLength(2)

    const publish = await client.action({actionType: 'sanity.action.document.publish', draftId: 'drafts.a1', publishedId: 'a1'})
    const [, , p1, p2] = await listener.waitFor(4)
    const byId = Object.fromEntries([p1, p2].map((e) => [e!.documentId, e!]))
    expect(byId.a1).toMatchObject({transition: 'appear', transactionTotalEvents: 2, resultRev: publish.transactionId})
    expect(byId['drafts.a1']).toMatchObject({transition: 'disappear', previousRev: 'tx-edit-0001', effects: {apply: [0, null]}})
    const published = await client.getDocument('a1')
    expect(published).toMatchObject({name: 'Edited', _rev: publish.transactionId})
    expect(await client.getDocument('drafts.a1')).toBeUndefined()

    // Stale published revision -> 409; edit without a draft copies the published document.
    await client.action({actionType: 'sanity.action.document.edit', draftId: 'drafts.a1', publishedId: 'a1', patch: {set: {name: 'Again'}}})
    await expect(
      client.action({
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.a1',
        publishedId: 'a1',
        ifPublishedRevisionId: 'stale',
      }),
    ).rejects.toMatchObject({statusCode: 409})
    expect((await client.getDocument('a1'))?.name).toBe('Edited')
    await client.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.a1',
      publishedId: 'a1',
      ifPublishedRevisionId: publish.transactionId,
    })
    const republished = await client.getDocument('a1')
    expect(republished?.name).toBe('Again')
    expect(republished?._createdAt).toBe(published?._createdAt)

    await client.action({actionType: 'sanity.action.document.unpublish', draftId: 'drafts.a1', publishedId: 'a1'})
    expect(await client.getDocument('a1')).toBeUndefined()
    expect((await client.getDocument('drafts.a1'))?.name).toBe('Again')

    await client.action({actionType: 'sanity.action.document.discard', draftId: 'drafts.a1'})
    expect(await client.getDocument('drafts.a1')).toBeUndefined()

    await client.createOrReplace({_id: 'a1', _type: 'exercise'})
    await expect(
      client.action({
        actionType: 'sanity.action.document.create',
        publishedId: 'a1',
        attributes: {_id: 'drafts.a1', _type: 'exercise'},
        ifExists: 'fail',
      }),
    ).rejects.toMatchObject({statusCode: 409, message: expect.stringContaining('already published')})
    await client.action({
      actionType: 'sanity.action.document.replaceDraft',
      publishedId: 'a1',
      attributes: {_id: 'drafts.a1', _type: 'exercise', name: 'Replaced'},
    })
    expect((await client.getDocument('drafts.a1'))?.name).toBe('Replaced')
    await client.action({actionType: 'sanity.action.document.delete', publishedId: 'a1', includeDrafts: ['drafts.a1']})
    expect(await client.getDocuments(['a1', 'drafts.a1'])).toEqual([null, null])
    listener.close()
  })

  it('version.discard (the Studio\'s "Discard changes") deletes the draft and keeps the published document', async () => {
    const client = lake.client()
    await client.createOrReplace({_id: 'vd1', _type: 'exercise', name: 'Published'})
    await client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.vd1',
      publishedId: 'vd1',
      patch: {set: {name: 'Draft'}},
    })
    await client.action({actionType: 'sanity.action.document.version.discard', versionId: 'drafts.vd1'} as never)
    expect(await client.getDocuments(['vd1', 'drafts.vd1'])).toEqual([expect.objectContaining({name: 'Published'}), null])
    await expect(
      client.action({actionType: 'sanity.action.document.version.discard', versionId: 'drafts.vd1'} as never),
    ).rejects.toMatchObject({statusCode: 409})
    await expect(client.action({actionType: 'sanity.action.document.version.discard', versionId: 'vd1'} as never)).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('not a draft or version id'),
    })
  })

  it('an action batch is atomic and unknown action types are rejected', async () => {
    const client = lake.client()
    await expect(
      client.action([
        {actionType: 'sanity.action.document.create', publishedId: 'b1', attributes: {_id: 'drafts.b1', _type: 't'}, ifExists: 'fail'},
        {actionType: 'sanity.action.document.discard', draftId: 'drafts.nope'},
      ]),
    ).rejects.toMatchObject({statusCode: 409})
    expect(await client.getDocument('drafts.b1')).toBeUndefined()
    await expect(client.action({actionType: 'sanity.action.document.teleport'} as never)).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('unknown actionType'),
    })
  })
})
