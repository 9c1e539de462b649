// The identity/project endpoints the Studio calls while booting, per token role.
import {afterAll, beforeAll, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake()
})
afterAll(async () => {
  await lake?.stop()
})

const get = async (path: string, token?: string) => {
  const res = await fetch(`${lake.url}/v2025-02-19${path}`, {headers: token ? {authorization: `Bearer ${token}`} : {}})
  return {status: res.status, body: await res.json()}
}

it('/users/me names the token holder, and is empty for anonymous requests', async () => {
  expect((await get('/users/me', lake.writeToken)).body).toMatchObject({id: 'test-write', role: 'administrator'})
  expect((await get('/users/me', lake.readToken)).body).toMatchObject({id: 'test-read', role: 'viewer'})
  expect((await get('/users/me')).body).toEqual({})
})

it('the dataset ACL grants what the token may do', async () => {
  const write = await get(`/projects/${lake.projectId}/datasets/production/acl`, lake.writeToken)
  expect(write.body).toEqual([{filter: '_id in path("**")', permissions: ['read', 'create', 'history', 'update']}])
  const read = await get(`/projects/${lake.projectId}/datasets/production/acl`, lake.readToken)
  expect(read.body[0].permissions).toEqual(['read', 'history'])
  expect((await get(`/projects/${lake.projectId}/datasets/nope/acl`, lake.readToken)).status).toBe(404)
})

it('answers the project and the boot-time lookups', async () => {
  const project = await get(`/projects/${lake.projectId}`, lake.readToken)
  expect(project.body).toMatchObject({id: lake.projectId, members: [{id: 'test-read', isCurrentUser: true}]})
  expect((await get('/projects/other', lake.readToken)).status).toBe(404)
  expect((await get('/journey/asset-limit')).body).toEqual({})
  expect((await get(`/schedules/${lake.projectId}/production`)).body).toEqual({schedules: []})
})

it('/users/:ids names the authors of transactions (one id: an object, several: an array)', async () => {
  expect((await get('/users/seed', lake.readToken)).body).toMatchObject({id: 'seed', displayName: 'seed', imageUrl: null})
  const both = await get('/users/seed,test-write', lake.readToken)
  expect(both.body.map((u: {id: string}) => u.id)).toEqual(['seed', 'test-write'])
  expect((await get('/users/me', lake.writeToken)).body).toMatchObject({id: 'test-write'})
})

it('reports no cross-dataset references (asked before unpublish and delete)', async () => {
  expect(
    (await get('/data/references/production/documents/x/to?excludeInternalReferences=true&excludePaths=true', lake.readToken)).body,
  ).toEqual({totalCount: 0, references: []})
  expect((await get('/data/references/nope/documents/x/to', lake.readToken)).status).toBe(404)
})
