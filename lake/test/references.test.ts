// Referential integrity: a strongly referenced document can't be deleted or unpublished (409
// naming the referring documents); weak references, and referrers deleted in the same
// transaction, don't block.
import {afterAll, beforeAll, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake({rateLimits: 'off'})
  await lake
    .client()
    .transaction()
    .create({_id: 'target', _type: 'muscle', name: 'Target'})
    .create({_id: 'holder', _type: 'exercise', primaryMuscles: [{_key: 'a', _type: 'reference', _ref: 'target'}]})
    .create({_id: 'weak-target', _type: 'muscle'})
    .create({_id: 'weak-holder', _type: 'exercise', muscle: {_type: 'reference', _ref: 'weak-target', _weak: true}})
    .commit()
})
afterAll(async () => {
  await lake?.stop()
})

it('refuses to delete a strongly referenced document, naming who refers to it', async () => {
  const error = await lake
    .client()
    .delete('target')
    .catch((e: {statusCode: number; message: string; response: {body: unknown}}) => e)
  expect(error).toMatchObject({
    statusCode: 409,
    message: expect.stringContaining('"target" cannot be deleted as there are references to it from "holder"'),
  })
  expect((error as {response: {body: {error: {items: unknown[]}}}}).response.body.error.items[0]).toMatchObject({
    error: {type: 'documentHasExistingReferencesError', id: 'target', referencingIDs: ['holder']},
  })
  expect(await lake.client().getDocument('target')).toBeDefined()
})

it('refuses to unpublish a referenced document through the actions API too', async () => {
  await expect(
    lake.client().action({actionType: 'sanity.action.document.unpublish', draftId: 'drafts.target', publishedId: 'target'}),
  ).rejects.toMatchObject({statusCode: 409})
  expect(await lake.client().getDocuments(['target', 'drafts.target'])).toEqual([expect.objectContaining({_id: 'target'}), null])
})

it('allows deleting a document that only weak references point at', async () => {
  await lake.client().delete('weak-target')
  expect(await lake.client().getDocument('weak-target')).toBeUndefined()
})

it('allows deleting a referrer and its target together, or the target once the reference is gone', async () => {
  await lake.client().transaction().delete('holder').delete('target').commit()
  expect(await lake.client().getDocuments(['holder', 'target'])).toEqual([null, null])
})

it('knows who refers to a document after a restart, and after a patch takes the reference away', async () => {
  const client = lake.client()
  await client
    .transaction()
    .create({_id: 'kept-target', _type: 'muscle'})
    .create({_id: 'kept-holder', _type: 'exercise', primaryMuscles: [{_key: 'a', _type: 'reference', _ref: 'kept-target'}]})
    .create({_id: 'other-holder', _type: 'exercise', deep: {list: [{muscle: {_type: 'reference', _ref: 'kept-target'}}]}})
    .commit()
  await lake.restart()
  type Refusal = {statusCode: number; response: {body: {error: {items: Array<{error: {referencingIDs: string[]}}>}}}}
  const refused = (await lake
    .client()
    .delete('kept-target')
    .catch((e: Refusal) => e)) as Refusal
  expect(refused.statusCode).toBe(409)
  expect([...refused.response.body.error.items[0]!.error.referencingIDs].sort()).toEqual(['kept-holder', 'other-holder'])
  await lake.client().patch('kept-holder').unset(['primaryMuscles']).commit()
  await lake.client().patch('other-holder').set({'deep.list[0].muscle._weak': true}).commit()
  await lake.client().delete('kept-target')
  expect(await lake.client().getDocument('kept-target')).toBeUndefined()
})
