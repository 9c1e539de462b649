// The desk built with Sanity's own structure builder in Node: every filtered list names its GROQ
// API version (the Studio warns about each one that does not), and "Needs attention" counts what
// each of its lists holds, against a real lake with the seed.
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {createStructureBuilder, type StructureBuilder} from 'sanity/structure'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {attentionList, DOCUMENT_TYPES, spotterStructure, STRUCTURE_API_VERSION} from '../src/index.ts'
import {templates} from '../src/studio/templates.ts'
import {schema, SEED_FILE} from './support.ts'

interface Serialized {
  id?: string
  type?: string
  title?: string
  options?: {filter?: string; apiVersion?: string}
  items?: Serialized[]
  child?: unknown
}

let lake: SpawnedLake
let S: StructureBuilder

beforeAll(async () => {
  lake = await spawnLake({seed: SEED_FILE, rateLimits: 'off'})
  const client = lake.client()
  const source = {
    schema,
    getClient: () => client,
    templates: templates([], {} as never),
    document: {
      actions: () => [],
      badges: () => [],
      inspectors: () => [],
      unstable_fieldActions: () => [],
      resolveNewDocumentOptions: (options: unknown) => options,
    },
    i18n: {t: (key: string) => key},
    currentUser: null,
  }
  S = createStructureBuilder({source: source as never, perspectiveStack: []})
}, 120_000)
afterAll(() => lake?.stop())

/** Every pane the desk can open, children resolved (functions called, builders serialized). */
async function panes(node: unknown, context: unknown, out: Serialized[] = []): Promise<Serialized[]> {
  let value = typeof node === 'function' ? await (node as (...a: unknown[]) => unknown)('', {}) : node
  value = await value
  if (value && typeof (value as {serialize?: unknown}).serialize === 'function') value = (value as {serialize: () => unknown}).serialize()
  const pane = value as Serialized
  out.push(pane)
  // Sanity's own type lists (documentTypeListItem) are left out: their filter is Sanity's.
  for (const item of pane.items ?? [])
    if (item.child && !item.id?.startsWith('all-') && !DOCUMENT_TYPES.includes(item.id as never)) await panes(item.child, context, out)
  return out
}

describe('desk structure', () => {
  it('gives every filtered document list an API version', async () => {
    const context = {getClient: () => lake.client()}
    // Serializing a list is where the Studio warns (in the browser console) about a missing
    // version and then fills in its default: record what each list was given at that moment.
    type ListBuilder = {getId(): string; getApiVersion(): string | undefined; serialize(...args: unknown[]): unknown}
    const prototype = Object.getPrototypeOf(S.documentList()) as ListBuilder
    const original = prototype.serialize
    const given = new Map<string, string | undefined>()
    const serialize = vi.spyOn(prototype, 'serialize').mockImplementation(function (this: ListBuilder, ...args: unknown[]) {
      given.set(this.getId(), this.getApiVersion())
      return original.apply(this, args)
    })
    const all = await panes(spotterStructure(S, context as never), context).finally(() => serialize.mockRestore())
    const filtered = all.filter((p) => p.type === 'documentList' && p.options?.filter)
    expect(filtered.length).toBeGreaterThanOrEqual(16)
    expect(filtered.filter((p) => given.get(p.id!) !== STRUCTURE_API_VERSION).map((p) => p.id)).toEqual([])
  })

  it('lists what needs attention with counts from the lake in the titles', async () => {
    const list = (await attentionList(S, lake.client(), new Date('2026-12-01'))).serialize() as Serialized
    const titles = list.items!.map((item) => item.title)
    // Six of the eight seed exercises have only a name and a category.
    expect(titles).toContain('Stub exercises (6)')
    const noLevel = await lake.client().fetch<number>('count(*[_type == "exercise" && !defined(level)])')
    expect(noLevel).toBeGreaterThan(0)
    expect(titles).toContain(`Exercises without a level (${noLevel})`)
    expect(titles.some((t) => /^Exercises missing an image or credit \(\d+\)$/.test(t!))).toBe(true)
    expect(titles.some((t) => /^Articles due for review \(\d+\)$/.test(t!))).toBe(true)
  })

  it('counts an edit at once: a stub that gets steps leaves the stub list', async () => {
    await lake
      .client()
      .patch('exercise-good-morning')
      .set({steps: [{_key: 'a', _type: 'step', instruction: 'Hinge.'}]})
      .commit()
    const list = (await attentionList(S, lake.client())).serialize() as Serialized
    expect(list.items!.map((item) => item.title)).toContain('Stub exercises (5)')
  })
})
