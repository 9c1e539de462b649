// Hosted's fixed access rules, over HTTP with the real @sanity/client against a spawned lake.
// Without a token only root-path documents (no `.` in `_id`) exist, however a request reads:
// `*`, index lookups (`_id`, `_type`, slug, references), ordered pages, subqueries, `->`,
// /data/doc, listen and export. A private dataset shows a request without a token nothing.
// Tokens see everything, dotted ids included.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {configPath} from '../src/config.ts'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import {collect, sleep} from './listen-helpers.ts'

let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake({datasets: ['production', 'secret'], args: ['--keepalive-ms', '200']})
  await lake
    .client()
    .transaction()
    .create({
      _id: 'settings.site',
      _type: 'settings',
      title: 'Site settings',
      slug: {current: 'site'},
      home: {_type: 'reference', _ref: 'ex-1'},
    })
    .create({
      _id: 'ex-1',
      _type: 'exercise',
      name: 'Squat',
      slug: {current: 'squat'},
      settings: {_type: 'reference', _ref: 'settings.site'},
      next: {_type: 'reference', _ref: 'ex-2'},
    })
    .create({_id: 'ex-2', _type: 'exercise', name: 'Lunge', slug: {current: 'lunge'}})
    .create({_id: 'drafts.ex-1', _type: 'exercise', name: 'Squat (draft)'})
    .create({_id: 'team.coach', _type: 'exercise', name: 'Coach-only', slug: {current: 'coach'}})
    .commit()
})
afterAll(async () => {
  await lake?.stop()
})

/** Unordered results (no `order()`) compared as sets: the test lake shuffles them, as hosted may. */
const sorted = (ids: string[]) => [...ids].sort()
const anonymous = () => lake.client({token: undefined})
const reader = () => lake.client({token: lake.readToken})
const api = (p: string) => `${lake.url}/v2025-02-19${p}`

describe('without a token only root-path documents exist', () => {
  it('`*`, counts and type lookups leave dotted ids out; a token sees them', async () => {
    expect(sorted(await anonymous().fetch('*._id'))).toEqual(['ex-1', 'ex-2'])
    expect(await anonymous().fetch('count(*)')).toBe(2)
    expect(sorted(await anonymous().fetch('*[_type == "exercise"]._id'))).toEqual(['ex-1', 'ex-2'])
    expect(await anonymous().fetch('*[_type in ["settings", "exercise"]] | order(name) .name')).toEqual(['Lunge', 'Squat'])
    expect(sorted(await reader().fetch('*[_type == "exercise"]._id', {}, {perspective: 'published'}))).toEqual([
      'ex-1',
      'ex-2',
      'team.coach',
    ])
    expect(await reader().fetch('*[_type == "settings"][0].title', {}, {perspective: 'published'})).toBe('Site settings')
  })

  it('lookups by _id, slug and references() agree with `*`', async () => {
    expect(await anonymous().fetch('*[_id == "settings.site"]')).toEqual([])
    expect(await anonymous().fetch('*[_id in ["team.coach", "ex-2"]]._id')).toEqual(['ex-2'])
    expect(await anonymous().fetch('*[slug.current in ["coach", "squat"]]._id')).toEqual(['ex-1'])
    // settings.site references ex-1, ex-1 references settings.site: only ex-1 may be seen.
    expect(await anonymous().fetch('*[references("ex-1")]._id')).toEqual([])
    expect(await anonymous().fetch('*[references("settings.site")]._id')).toEqual(['ex-1'])
    expect(await reader().fetch('*[references("ex-1")]._id', {}, {perspective: 'published'})).toEqual(['settings.site'])
    expect(sorted(await anonymous().fetch('*[_id in path("**")]._id'))).toEqual(['ex-1', 'ex-2'])
  })

  it('an ordered first page and subqueries see the same documents', async () => {
    expect(await anonymous().fetch('*[_type == "exercise"] | order(name desc) [0...3] .name')).toEqual(['Squat', 'Lunge'])
    expect(await reader().fetch('*[_type == "exercise"] | order(name desc) [0...3] .name', {}, {perspective: 'published'})).toEqual([
      'Squat',
      'Lunge',
      'Coach-only',
    ])
    expect(await anonymous().fetch('{"settings": count(*[_type == "settings"]), "all": count(*[])}')).toEqual({settings: 0, all: 2})
    expect(await anonymous().fetch('*[_id == "ex-1"][0]{"referrers": *[references(^._id)]._id}')).toEqual({referrers: []})
  })

  it('a reference to a dotted document dereferences to null; with a token to the document', async () => {
    const query = '*[_id == "ex-1"][0]{"settings": settings->title, "next": next->name, "home": *[_type == "settings"][0].home->name}'
    expect(await anonymous().fetch(query)).toEqual({settings: null, next: 'Lunge', home: null})
    expect(await reader().fetch(query, {}, {perspective: 'published'})).toEqual({settings: 'Site settings', next: 'Lunge', home: 'Squat'})
    expect(await anonymous().fetch('*[_id == "ex-1"][0].settings->')).toBeNull()
  })

  it('/data/doc omits dotted ids for permission, existing or not', async () => {
    const res = await fetch(api('/data/doc/production/ex-1,settings.site,team.nobody,drafts.ex-1,nope'))
    expect(await res.json()).toEqual({
      documents: [expect.objectContaining({_id: 'ex-1'})],
      omitted: [
        {id: 'settings.site', reason: 'permission'},
        {id: 'team.nobody', reason: 'permission'},
        {id: 'drafts.ex-1', reason: 'permission'},
        {id: 'nope', reason: 'existence'},
      ],
    })
    expect(await anonymous().getDocument('settings.site')).toBeUndefined()
    expect((await reader().getDocument('settings.site'))?.title).toBe('Site settings')
  })

  it('listen sends no events for dotted documents without a token, with one all the same', async () => {
    const anon = collect(anonymous(), '*[_type in ["settings", "exercise"]]')
    const tokened = collect(reader(), '*[_type in ["settings", "exercise"]]')
    await Promise.all([anon.welcome, tokened.welcome])
    const client = lake.client()
    await client.patch('settings.site').set({title: 'Renamed'}).commit()
    await client
      .transaction()
      .patch('team.coach', (p) => p.set({name: 'Coach'}))
      .patch('ex-2', (p) => p.set({name: 'Lunge 2'}))
      .commit()
    await client.patch('ex-1').set({name: 'Squat 2'}).commit()
    // Events arrive in commit order: by ex-1's event every earlier one has been sent.
    await anon.waitFor(2)
    await tokened.waitFor(4)
    await sleep(200)
    expect(anon.events.map((e) => e.documentId)).toEqual(['ex-2', 'ex-1'])
    expect(anon.events[0]).toMatchObject({transactionTotalEvents: 1, transactionCurrentEvent: 0})
    expect(tokened.events.map((e) => e.documentId)).toEqual(['settings.site', 'team.coach', 'ex-2', 'ex-1'])
    anon.close()
    tokened.close()
  })

  it('export holds the root-path documents without a token, every document with one', async () => {
    const ids = async (headers: Record<string, string>) =>
      (await (await fetch(api('/data/export/production'), {headers})).text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)._id)
    expect(await ids({})).toEqual(['ex-1', 'ex-2'])
    expect(await ids({authorization: `Bearer ${lake.readToken}`})).toEqual(['drafts.ex-1', 'ex-1', 'ex-2', 'settings.site', 'team.coach'])
  })
})

describe('private datasets', () => {
  it('are created private, listed and read back as private, and stay private across a restart', async () => {
    const client = lake.client()
    expect(await client.datasets.create('vault', {aclMode: 'private'})).toMatchObject({datasetName: 'vault', aclMode: 'private'})
    await client.withConfig({dataset: 'vault'}).create({_id: 'v1', _type: 'note', text: 'hidden'})
    const modes = async () => Object.fromEntries((await lake.client().datasets.list()).map((d) => [d.name, d.aclMode]))
    expect(await modes()).toMatchObject({production: 'public', secret: 'public', vault: 'private'})
    const one = await fetch(api(`/projects/${lake.projectId}/datasets/vault`), {headers: {authorization: `Bearer ${lake.readToken}`}})
    expect(await one.json()).toMatchObject({name: 'vault', aclMode: 'private'})
    await lake.restart()
    expect(await modes()).toMatchObject({vault: 'private'})
    expect(await anonymous().withConfig({dataset: 'vault'}).fetch('*')).toEqual([])
  })

  it('answer a request without a token as empty: no documents to query, get, listen to or export', async () => {
    const client = lake.client()
    await client.datasets.edit('secret', {aclMode: 'private'})
    const secret = client.withConfig({dataset: 'secret'})
    await secret.create({_id: 's1', _type: 'note', text: 'top secret'})
    const anon = anonymous().withConfig({dataset: 'secret'})
    expect(await anon.fetch('*')).toEqual([])
    expect(await anon.fetch('{"n": count(*[_type == "note"]), "one": 1 + 0}')).toEqual({n: 0, one: 1})
    expect(await anon.fetch('*[_id == "s1"][0].text')).toBeNull()
    expect(await reader().withConfig({dataset: 'secret'}).fetch('*[_id == "s1"][0].text')).toBe('top secret')
    const doc = await fetch(api('/data/doc/secret/s1,nope'))
    expect(await doc.json()).toEqual({
      documents: [],
      omitted: [
        {id: 's1', reason: 'permission'},
        {id: 'nope', reason: 'permission'},
      ],
    })
    expect(await (await fetch(api('/data/export/secret'))).text()).toBe('')
    const acl = await fetch(api(`/projects/${lake.projectId}/datasets/secret/acl`))
    expect(await acl.json()).toEqual([])

    const anonListener = collect(anon, '*[_type == "note"]')
    const tokenListener = collect(reader().withConfig({dataset: 'secret'}), '*[_type == "note"]')
    await Promise.all([anonListener.welcome, tokenListener.welcome])
    await secret.patch('s1').set({text: 'still secret'}).commit()
    await tokenListener.waitFor(1)
    await sleep(300)
    expect(anonListener.events).toEqual([])
    anonListener.close()
    tokenListener.close()

    // Made public again, its root-path documents are readable without a token.
    expect(await client.datasets.edit('secret', {aclMode: 'public'})).toMatchObject({datasetName: 'secret', aclMode: 'public'})
    expect(await anon.fetch('*[]._id')).toEqual(['s1'])
  })

  it('refuses an aclMode other than public or private, naming the field', async () => {
    const res = await fetch(api('/datasets/odd'), {
      method: 'PUT',
      headers: {authorization: `Bearer ${lake.writeToken}`, 'content-type': 'application/json'},
      body: JSON.stringify({aclMode: 'custom'}),
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.description).toMatch(/aclMode must be "public" or "private"/)
    expect((await lake.client().datasets.list()).map((d) => d.name)).not.toContain('odd')
  })
})

describe('data dirs and the command line', () => {
  it('an old data dir (plain dataset names, no dataset.json) opens with public datasets; dotted ids stay readable with a token', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-lake-old-'))
    const first = await spawnLake({dataDir})
    await first.client().create({_id: 'config.x', _type: 'c'})
    await first.client().create({_id: 'root', _type: 'c'})
    await first.kill()
    // As written before datasets had a mode and the config had CORS origins.
    fs.rmSync(path.join(dataDir, 'datasets', 'production', 'dataset.json'))
    const config = JSON.parse(fs.readFileSync(configPath(dataDir), 'utf8'))
    delete config.cors
    fs.writeFileSync(configPath(dataDir), JSON.stringify({...config, datasets: ['production']}))
    const again = await spawnLake({dataDir})
    try {
      expect((await again.client().datasets.list()).map((d) => [d.name, d.aclMode])).toEqual([['production', 'public']])
      expect(await again.client({token: undefined}).fetch('*[_type == "c"]._id')).toEqual(['root'])
      expect(sorted(await again.client({token: again.readToken}).fetch('*[_type == "c"]._id'))).toEqual(['config.x', 'root'])
    } finally {
      await again.stop()
      fs.rmSync(dataDir, {recursive: true, force: true})
    }
  })

  it('--dataset creates a public dataset unless --acl private says otherwise; a config entry sets its mode', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-lake-acl-'))
    const first = await spawnLake({dataDir, args: ['--dataset', 'open', '--dataset', 'closed', '--acl', 'private']})
    const modes = async (l: SpawnedLake) => Object.fromEntries((await l.client().datasets.list()).map((d) => [d.name, d.aclMode]))
    try {
      // --acl applies to the --dataset names; production comes from the config.
      expect(await modes(first)).toEqual({production: 'public', open: 'private', closed: 'private'})
      await first.kill()
      const config = JSON.parse(fs.readFileSync(configPath(dataDir), 'utf8'))
      fs.writeFileSync(configPath(dataDir), JSON.stringify({...config, datasets: [{name: 'production', aclMode: 'private'}, 'extra']}))
      const second = await spawnLake({dataDir, args: ['--dataset', 'open']})
      // Without --acl an existing dataset keeps its mode; a new one is public.
      expect(await modes(second)).toEqual({production: 'private', open: 'private', closed: 'private', extra: 'public'})
      await second.stop()
    } finally {
      await first.stop()
      fs.rmSync(dataDir, {recursive: true, force: true})
    }
  })
})
