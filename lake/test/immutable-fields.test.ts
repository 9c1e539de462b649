// `_id` and `_type` cannot change once a document exists, as on hosted
// (cannotModifyImmutableAttributeError): by patch (by id or query, every operation), in actions'
// edit, by createOrReplace or delete + create in one transaction. The whole transaction is refused.
import {ClientError} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake({rateLimits: 'off'})
  await lake
    .client()
    .transaction()
    .create({_id: 'ex-1', _type: 'exercise', name: 'Squat'})
    .create({_id: 'ex-2', _type: 'exercise', name: 'Lunge'})
    .commit()
})
afterAll(async () => {
  await lake?.stop()
})

async function refused(promise: Promise<unknown>, attribute: '_id' | '_type', documentId: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  )
  expect(error).toBeInstanceOf(ClientError)
  const clientError = error as ClientError
  expect(clientError.statusCode).toBe(400)
  expect(clientError.message).toBe(`Cannot modify immutable attribute "${attribute}"`)
  expect(clientError.response.body).toMatchObject({
    error: {
      type: 'cannotModifyImmutableAttributeError',
      description: `Cannot modify immutable attribute "${attribute}"`,
      attribute,
      documentId,
    },
    statusCode: 400,
  })
}

async function unchanged(): Promise<void> {
  const docs = await lake.client().fetch('*[_id in ["ex-1", "ex-2"]] | order(_id) {_id, _type, name}', {}, {perspective: 'raw'})
  expect(docs).toEqual([
    {_id: 'ex-1', _type: 'exercise', name: 'Squat'},
    {_id: 'ex-2', _type: 'exercise', name: 'Lunge'},
  ])
}

describe('immutable _id and _type', () => {
  it('refuses set, unset, setIfMissing-free changes and diffMatchPatch on _type by id, and writes nothing of the transaction', async () => {
    const client = lake.client()
    await refused(
      client
        .transaction()
        .patch('ex-2', (p) => p.set({name: 'Changed'}))
        .patch('ex-1', (p) => p.set({_type: 'article'}))
        .commit(),
      '_type',
      'ex-1',
    )
    await refused(client.patch('ex-1').unset(['_type']).commit(), '_type', 'ex-1')
    await refused(client.patch('ex-1').diffMatchPatch({_type: '@@ -1,8 +1,7 @@\n exercis\n-e\n'}).commit(), '_type', 'ex-1')
    await unchanged()
  })

  it('refuses changing or removing _id by patch', async () => {
    const client = lake.client()
    await refused(client.patch('ex-1').set({_id: 'ex-9'}).commit(), '_id', 'ex-1')
    await refused(client.patch('ex-1').unset(['_id']).commit(), '_id', 'ex-1')
    expect(await client.getDocument('ex-9')).toBeUndefined()
    await unchanged()
  })

  it('allows setting them to their current value, and setIfMissing (a no-op on a present field)', async () => {
    const client = lake.client()
    const same = await client.patch('ex-1').set({_type: 'exercise', _id: 'ex-1'}).setIfMissing({_type: 'other'}).commit()
    expect(same).toMatchObject({_id: 'ex-1', _type: 'exercise'})
  })

  it('refuses a patch by query that would retype any match', async () => {
    const client = lake.client()
    await refused(client.mutate([{patch: {query: '*[_type == "exercise"]', set: {_type: 'article'}}}]), '_type', 'ex-1')
    await unchanged()
  })

  it('refuses createOrReplace with another _type, and delete + create of the same id in one transaction', async () => {
    const client = lake.client()
    await refused(client.createOrReplace({_id: 'ex-1', _type: 'article'}), '_type', 'ex-1')
    await refused(client.transaction().delete('ex-2').create({_id: 'ex-2', _type: 'article'}).commit(), '_type', 'ex-2')
    await unchanged()
    // Deleted first, in its own transaction, the id is free for any type.
    await client.create({_id: 'temp', _type: 'a'})
    await client.delete('temp')
    expect(await client.create({_id: 'temp', _type: 'b'})).toMatchObject({_type: 'b'})
  })

  it('refuses an edit action that sets _type on the draft', async () => {
    const client = lake.client()
    const action = {
      actionType: 'sanity.action.document.edit' as const,
      draftId: 'drafts.ex-1',
      publishedId: 'ex-1',
      patch: {set: {_type: 'article'}},
    }
    await refused(client.action(action), '_type', 'drafts.ex-1')
    // The draft the edit would have started from the published document was not written either.
    expect(await client.getDocument('drafts.ex-1')).toBeUndefined()
  })

  it('refuses with dryRun too, and nothing was ever logged', async () => {
    const client = lake.client()
    await refused(client.patch('ex-1').set({_type: 'article'}).commit({dryRun: true}), '_type', 'ex-1')
    const history = await fetch(`${lake.url}/v2025-02-19/data/history/${lake.dataset}/transactions/ex-1?excludeContent=true`, {
      headers: {authorization: `Bearer ${lake.writeToken}`, 'x-sanity-project-id': lake.projectId},
    })
    const lines = (await history.text()).trim().split('\n').filter(Boolean)
    // The initial create and the allowed same-value patch only.
    expect(lines).toHaveLength(2)
  })
})
