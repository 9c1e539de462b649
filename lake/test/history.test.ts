// History derived from the transaction log: revisions, transactions (NDJSON) and document events.
import {afterAll, beforeAll, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake()
})
afterAll(async () => {
  await lake?.stop()
})

const get = async (path: string) => {
  const res = await fetch(`${lake.url}/v2025-02-19${path}`, {headers: {authorization: `Bearer ${lake.readToken}`}})
  expect(res.status).toBe(200)
  return res
}

it('lists transactions with whole-document effects and names document events', async () => {
  const client = lake.client()
  await client.action(
    {actionType: 'sanity.action.document.create', publishedId: 'h1', attributes: {_id: 'drafts.h1', _type: 't', v: 1}, ifExists: 'fail'},
    {transactionId: 'h-create'},
  )
  await client.action(
    {actionType: 'sanity.action.document.edit', draftId: 'drafts.h1', publishedId: 'h1', patch: {set: {v: 2}}},
    {transactionId: 'h-edit'},
  )
  await client.action({actionType: 'sanity.action.document.publish', draftId: 'drafts.h1', publishedId: 'h1'}, {transactionId: 'h-publish'})
  await lake.restart() // history comes from the log, not from memory

  const text = await (
    await get(
      '/data/history/production/transactions/h1,drafts.h1?excludeContent=true&effectFormat=mendoza&reverse=true&includeIdentifiedDocumentsOnly=true',
    )
  ).text()
  const lines = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
  expect(lines.map((l) => l.id)).toEqual(['h-publish', 'h-edit', 'h-create'])
  expect(lines[0].documentIDs.sort()).toEqual(['drafts.h1', 'h1'])
  expect(lines[0].effects['drafts.h1']).toEqual({apply: [0, null], revert: [0, expect.objectContaining({v: 2})]})
  expect(lines[0].effects.h1.apply[1]).toMatchObject({_id: 'h1', v: 2})
  expect(lines[0].effects.h1.apply[1]).not.toHaveProperty('_rev')
  expect(lines[0]).not.toHaveProperty('mutations')

  const {events} = await (await get('/data/history/production/events/documents/drafts.h1?limit=10')).json()
  expect(events['drafts.h1'].map((e: {type: string}) => e.type)).toEqual([
    'publishDocumentVersion',
    'editDocumentVersion',
    'createDocumentVersion',
  ])
  expect(events['drafts.h1'][0]).toMatchObject({
    documentId: 'h1',
    versionId: 'drafts.h1',
    revisionId: 'h-publish',
    versionRevisionId: 'h-edit',
    author: 'test-write',
  })
  // The Studio's timeline needs an edit's revisionId and its transactions list.
  expect(events['drafts.h1'][1]).toMatchObject({
    revisionId: 'h-edit',
    contributors: ['test-write'],
    transactions: [{type: 'editTransaction', author: 'test-write', revisionId: 'h-edit', timestamp: expect.any(String)}],
  })

  const {documents} = await (await get('/data/history/production/documents/drafts.h1?revision=h-create')).json()
  expect(documents).toEqual([expect.objectContaining({_id: 'drafts.h1', v: 1, _rev: 'h-create'})])
})

it('rejects a transaction id that was already used', async () => {
  const client = lake.client()
  await client.create({_id: 'dup1', _type: 't'}, {transactionId: 'dup-tx'} as never)
  await expect(
    client.action(
      {actionType: 'sanity.action.document.create', publishedId: 'dup2', attributes: {_id: 'drafts.dup2', _type: 't'}, ifExists: 'fail'},
      {transactionId: 'h-create'},
    ),
  ).rejects.toMatchObject({statusCode: 409})
  expect(await client.getDocument('drafts.dup2')).toBeUndefined()
})
