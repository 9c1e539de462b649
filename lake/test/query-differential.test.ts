// Differential test of the query planner: every query, in every perspective, gives exactly what
// plain groq-js gives when it scans the whole dataset, before and after a round of writes (which
// the indexes, including the lazily built sorted ones, must follow). The read scopes of requests
// without a token (root-path ids only; nothing) are views too: `*`, index lookups and `->` must
// agree on them as well.
import {evaluate, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'
import {plan} from '../src/query/plan.ts'
import {runQuery} from '../src/query/run.ts'
import {DocumentReader, DocumentText} from '../src/query/document-text.ts'
import {DocumentStore} from '../src/query/store.ts'
import type {DocumentChange, Perspective, ReadScope, SanityDocument} from '../src/types.ts'

/** A query thread's store, in this thread: documents written to shared text as the pool writes them. */
function storeOf(docs: SanityDocument[]) {
  const reader = new DocumentReader()
  const text = new DocumentText((segment, buffer) => reader.add(segment, buffer))
  const write = (doc: SanityDocument) => text.write(JSON.stringify(doc))
  const store = new DocumentStore(reader)
  store.load(docs.map(write))
  const apply = (changes: DocumentChange[]) => store.apply(changes.map(({id, document}) => ({id, slot: document ? write(document) : null})))
  return {store, apply}
}

// A small seeded generator, so a failure can be reproduced.
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32
    return seed / 2 ** 32
  }
}
const rand = random(42)
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!
const names = ['Squat', 'Lunge', 'Plank', 'Deadlift', 'Row', 'Press', 'Curl', 'Dip', 'squat', 'Ab wheel']

function base(_id: string, _type: string, fields: Record<string, unknown>): SanityDocument {
  return {
    _id,
    _type,
    _rev: 'r',
    _createdAt: '2025-01-01T00:00:00Z',
    _updatedAt: `2025-01-0${1 + Math.floor(rand() * 9)}T00:00:00Z`,
    ...fields,
  }
}
const ref = (id: string) => ({_type: 'reference', _ref: id, _key: id})
function oddValue(): unknown {
  return pick([null, 3, 1.5, true, false, ['Squat'], {x: 1}, 'Squat', undefined])
}

function exercise(id: string, n: number): SanityDocument {
  const fields: Record<string, unknown> = {
    name: rand() < 0.85 ? pick(names) : oddValue(),
    rank: Math.floor(rand() * 5),
    difficulty: pick(['easy', 'medium', 'hard']),
    primaryMuscles: Array.from({length: Math.floor(rand() * 3)}, () =>
      ref(rand() < 0.1 ? `team.muscle-${Math.floor(rand() * 5)}` : `muscle-${Math.floor(rand() * 30)}`),
    ),
  }
  const slugShape = rand()
  if (slugShape < 0.8) fields['slug'] = {_type: 'slug', current: `ex-${n % 300}`}
  else if (slugShape < 0.85) fields['slug'] = [{current: `ex-${n}`}]
  else if (slugShape < 0.9) fields['slug'] = {current: n}
  if (fields['name'] === undefined) delete fields['name']
  return base(id, 'exercise', fields)
}

function article(id: string): SanityDocument {
  return base(id, 'article', {
    title: pick(names),
    // A reference object answers for itself: the ref nested inside it is invisible to references().
    hero: {_type: 'reference', _ref: `exercise-${Math.floor(rand() * 400)}`, inner: ref('muscle-1')},
    body: [{_type: 'block', children: [{marks: [], text: 'x'}], markDefs: [ref(`exercise-${Math.floor(rand() * 400)}`)]}],
  })
}

function generate(exercises = 400): SanityDocument[] {
  const docs: SanityDocument[] = []
  for (let i = 0; i < 30; i++) docs.push(base(`muscle-${i}`, 'muscle', {name: `Muscle ${i % 12}`, slug: {current: `m-${i}`}}))
  for (let i = 0; i < exercises; i++) {
    docs.push(exercise(`exercise-${i}`, i))
    if (rand() < 0.2) docs.push(exercise(`drafts.exercise-${i}`, i))
    if (rand() < 0.05) docs.push(exercise(`versions.spring.exercise-${i}`, i))
  }
  for (let i = exercises; i < exercises + 40; i++) docs.push(exercise(`drafts.exercise-${i}`, i))
  for (let i = 0; i < exercises / 4; i++) docs.push(article(`article-${i}`))
  for (let i = 0; i < 10; i++) docs.push(base(`drafts.muscle-${i}`, 'muscle', {name: `Draft muscle ${i}`}))
  // Published documents under a sub-path: readable with a token only.
  for (let i = 0; i < exercises / 10; i++) docs.push(exercise(`team.exercise-${i}`, i))
  for (let i = 0; i < 5; i++) docs.push(base(`team.muscle-${i}`, 'muscle', {name: `Team muscle ${i}`, slug: {current: `m-${i}`}}))
  docs.sort(() => rand() - 0.5)
  return docs
}

interface ViewSpec {
  perspective: Perspective
  scope?: ReadScope
}

/** Perspectives (and scopes) computed the obvious way, over the plain list, for plain groq-js: `*` in _id order. */
function perspectiveOf(docs: SanityDocument[], {perspective, scope = 'all'}: ViewSpec): unknown[] {
  const byId = (a: {_id: string}, b: {_id: string}) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
  if (scope === 'none') return []
  if (scope === 'rootPaths') return docs.filter((d) => !d._id.includes('.')).sort(byId)
  if (perspective === 'raw') return [...docs].sort(byId)
  const published = (id: string) => !id.startsWith('drafts.') && !id.startsWith('versions.')
  if (perspective === 'published') return docs.filter((d) => published(d._id)).sort(byId)
  const ids = new Set(docs.map((d) => d._id))
  const out: SanityDocument[] = []
  for (const d of docs) {
    if (d._id.startsWith('drafts.')) out.push({...d, _id: d._id.slice(7), _originalId: d._id})
    else if (published(d._id) && !ids.has(`drafts.${d._id}`)) out.push({...d, _originalId: d._id})
  }
  return out.sort(byId)
}

const queries: [string, Record<string, unknown>?][] = [
  ['*[_type == $type]{_id, name}', {type: 'muscle'}],
  ['*[_type == "exercise" && slug.current == $slug][0]{..., "muscles": primaryMuscles[]->{name}}', {slug: 'ex-17'}],
  ['*[_type == "exercise" && slug.current == $slug]{_id, _originalId}', {slug: 'ex-5'}],
  ['*[slug.current == "ex-3"]._id'],
  ['*[slug.current in $slugs]{_id}', {slugs: ['ex-1', 'ex-2', 'm-3', 'nope']}],
  ['*[_id == $id]', {id: 'exercise-10'}],
  ['*[_id == $id]', {id: 'drafts.exercise-10'}],
  ['*[_id == $id]{_id, _originalId}', {id: 'exercise-610'}],
  ['*[_id == $missing]', {missing: null}],
  ['*[_id in $ids]{_id, name}', {ids: ['exercise-3', 'muscle-2', 'exercise-3', 'drafts.exercise-7', 'exercise-7', 'nope']}],
  ['*[_id in ["article-1", "article-2"]]._id'],
  ['*[_id in $ids]._id', {ids: ['team.exercise-1', 'exercise-1', 'team.muscle-2']}],
  ['*[slug.current == "m-2"]._id'],
  ['*[references("team.muscle-1")][0...10]{_id, "muscles": primaryMuscles[]->_id}'],
  ['*[_id in $ids]', {ids: ['exercise-1', 5]}],
  ['*[_type == "article" && references($id)]{_id}', {id: 'exercise-12'}],
  ['*[references($ids)]._id', {ids: ['exercise-3', 'exercise-4', 'muscle-5']}],
  ['*[references("muscle-1", 5)]._id'],
  ['*[references(5)]._id'],
  ['count(*[_type == "exercise" && references($id)])', {id: 'muscle-4'}],
  ['*[_type == "exercise"] | order(name asc) [0...20]{_id, name}'],
  ['*[_type == "exercise"] | order(name desc) [0...20]{_id, name}'],
  ['*[_type == "exercise"] | order(rank desc, name) [0...25]{_id, rank, name}'],
  ['*[_type == "exercise"] | order(name)[3]{_id}'],
  ['*[_type == "exercise"] | order(name)[5..9]._id'],
  ['*[_type == "exercise"] | order(name)[40...45]._id'],
  ['*[_type == "exercise"] | order(slug.current)[0...30]._id'],
  ['*[_type == "exercise" && difficulty == "easy"] | order(name) [0...20]{_id, name}'],
  ['*[_type == "exercise" && defined(name) && rank > 2] | order(name desc, _id) [0...10]._id'],
  ['*[_type == "exercise"] | order(_id) [0...10]._id'],
  ['*[_type == "exercise"] | order(_updatedAt desc) [0...15]._id'],
  ['*[_type == "muscle"] | order(name) [0...100]._id'],
  ['*[_type == "exercise"] | order(name) [-5...-1]._id'],
  ['*[_type == "exercise" && _id in $ids] | order(name)[0...2]._id', {ids: ['exercise-1', 'exercise-2', 'exercise-3']}],
  ['count(*[_type == "exercise" && difficulty == $d])', {d: 'hard'}],
  ['count(*[_type == "exercise"])'],
  ['*[_type in ["exercise", "muscle"]][0...50]._id'],
  ['{"a": *[_type == "muscle"][0...3]._id, "b": count(*[_type == "article"]), "c": *[_id == "muscle-2"][0].name}'],
  ['*[_type == "exercise" && _id in $ids]._id', {ids: ['exercise-1', 'article-1', 'exercise-2']}],
  ['*[_type == 5]'],
  ['*[_type == "exercise" && (difficulty == "easy" || rank > 3)][0...40]._id'],
  ['*[name match "sq*"]._id'],
  ['*[_type == "article"][0...10]{_id, "n": count(*[_type == "exercise" && references(^.hero._ref)]), "hero": hero->name}'],
  ['*[_type == "exercise" && "muscle-3" in primaryMuscles[]._ref]._id'],
  ['*[_type == "exercise"]{_id}[0...5]'],
  ['*[_type == "exercise" && slug.current == $slug] | order(rank)[0]._id', {slug: 'ex-9'}],
  ['*[_type == "exercise"][_id in $ids]._id', {ids: ['exercise-4']}],
  ['*[!(_id in path("drafts.**")) && _type == "muscle"]._id'],
  // The SDK's optional filters: a null parameter switches a term off.
  ...[
    {level: null, muscle: null},
    {level: 'easy', muscle: null},
    {level: null, muscle: 'm-3'},
  ].flatMap((params): [string, Record<string, unknown>][] => [
    [
      '*[_type == "exercise" && ($level == null || difficulty == $level) && ($muscle == null || $muscle in primaryMuscles[]->slug.current)] | order(name asc)[0...10]{_id}',
      params,
    ],
    [
      'count(*[_type == "exercise" && ($level == null || difficulty == $level) && ($muscle == null || $muscle in primaryMuscles[]->slug.current)])',
      params,
    ],
  ]),
  ['*[_type == "exercise" && $flag][0...3]._id', {flag: true}],
  ['*[_type == "exercise" && $flag]._id', {flag: false}],
  ['count(*[_type == "muscle" && 1 == 2])'],
  // Parameter values that look like syntax nodes stay values.
  [
    '{"a": $obj, "b": *[_id == $obj.id][0]._id, "c": *[_type == "muscle"][0...2]{"o": $obj}}',
    {obj: {type: 'Filter', base: {type: 'Everything'}, expr: {type: 'Parameter', name: 'nope'}, id: 'muscle-1'}},
  ],
  ['*[_type == "muscle" && count(*[_type == "article"]) > 3][0...2]._id'],
]

// Uncorrelated subqueries (evaluated once) next to correlated ones (evaluated per row). Plain
// groq-js evaluates these per row, so they run on a smaller dataset.
const subqueries: [string, Record<string, unknown>?][] = [
  ['*[_type == "muscle" && _id in *[_type == "exercise"].primaryMuscles[]._ref]._id'],
  ['*[_type == "article"][0...5]{_id, "muscles": count(*[_type == "muscle"]), "first": (*[_type == "exercise"] | order(name)[0]._id)}'],
  ['*[_type == "exercise" && rank == *[_type == "exercise"] | order(rank desc)[0].rank][0...10]._id'],
  [
    '*[_type == "muscle"][0...4]{_id, "users": *[_type == "exercise" && references(^._id)][0...3]._id, "any": defined(*[_id == $id][0])}',
    {id: 'exercise-3'},
  ],
  ['*[_type == "muscle"]{"n": count(*[_type == "exercise" && name == ^.name])}[0...5]'],
  ['*[_type == "muscle"][0...6]{_id, "users": *[_type == "exercise" && difficulty == "easy" && references(^._id)]._id}'],
  ['*[_type == "article"][0...4]{"hero": *[_id == ^.hero._ref && _type == "exercise"][0]{_id, name}}'],
]

const perspectives: ViewSpec[] = [
  {perspective: 'raw'},
  {perspective: 'published'},
  {perspective: 'drafts'},
  {perspective: 'published', scope: 'rootPaths'},
  {perspective: 'published', scope: 'none'},
]
const describeView = ({perspective, scope}: ViewSpec) => (scope ? `${perspective}, ${scope}` : perspective)

async function plainGroq(docs: SanityDocument[], view: ViewSpec, query: string, params: Record<string, unknown>) {
  const value = await evaluate(parse(query, {params}), {dataset: perspectiveOf(docs, view), params})
  return value.get()
}

async function compareAll(store: DocumentStore, docs: SanityDocument[], list = queries) {
  let compared = 0
  for (const [query, params = {}] of list) {
    for (const view of perspectives) {
      const expected = await plainGroq(docs, view, query, params)
      const outcome = await runQuery(store, {query, params, ...view})
      if (!outcome.ok) throw new Error(`${query} (${describeView(view)}) failed: ${outcome.description}`)
      expect(JSON.parse(outcome.json), `${query} (${describeView(view)}) ${JSON.stringify(params)}`).toEqual(
        JSON.parse(JSON.stringify(expected ?? null)),
      )
      compared++
    }
  }
  return compared
}

describe('planned queries give plain groq-js results', () => {
  const docs = generate()
  const {store, apply} = storeOf(docs)

  // Plain groq-js scans everything for every query: generous limits for a loaded 2-core machine.
  it('on the generated dataset', {timeout: 180_000}, async () => {
    expect(await compareAll(store, docs)).toBe(queries.length * perspectives.length)
  })

  it('after writes: updates, deletes, type changes, new drafts', {timeout: 180_000}, async () => {
    const changes: DocumentChange[] = []
    const write = (document: SanityDocument) => changes.push({id: document._id, document})
    for (let i = 0; i < 80; i++) write(exercise(`exercise-${Math.floor(rand() * 400)}`, i))
    for (let i = 0; i < 20; i++) write(exercise(`drafts.exercise-${Math.floor(rand() * 400)}`, i))
    for (let i = 0; i < 10; i++) write(article(`exercise-${Math.floor(rand() * 400)}`))
    for (let i = 0; i < 30; i++) changes.push({id: `exercise-${Math.floor(rand() * 400)}`, document: null})
    for (let i = 0; i < 10; i++) changes.push({id: `drafts.exercise-${Math.floor(rand() * 440)}`, document: null})
    // Most in one batch (merged into the sorted lists), the rest one by one (inserted in place).
    apply(changes.slice(0, 100))
    for (const change of changes.slice(100)) apply([change])
    let current = docs
    for (const {id, document} of changes) {
      current = current.filter((d) => d._id !== id)
      if (document) current.push(document)
    }
    expect(await compareAll(store, current)).toBe(queries.length * perspectives.length)
  })
})

describe('uncorrelated subqueries evaluated once give plain groq-js results', () => {
  it('on a small generated dataset', {timeout: 180_000}, async () => {
    const docs = generate(60)
    const {store} = storeOf(docs)
    expect(await compareAll(store, docs, subqueries)).toBe(subqueries.length * perspectives.length)
  })
})

describe('the planner uses the indexes', () => {
  const {store} = storeOf(generate())
  const indexed = [
    '*[_type == "exercise" && slug.current == $slug][0]{..., "muscles": primaryMuscles[]->{name}}',
    '*[_id == $id]',
    '*[_id in $ids]',
    '*[_type == "article" && references($id)]',
    '*[_type == "exercise"] | order(name asc) [0...20]{_id, name}',
    'count(*[_type == "exercise" && difficulty == "easy"])',
    'count(*[_type == "exercise" && ($level == null || difficulty == $level)])',
  ]
  it.each(indexed)('%s reads no full scan', async (query) => {
    const params = {slug: 'ex-1', id: 'exercise-1', ids: ['exercise-1'], level: null}
    for (const {perspective, scope} of perspectives) {
      const planned = await plan(parse(query, {params}), params, store, store.view(perspective, scope))
      expect(JSON.stringify(planned.tree)).not.toContain('"Everything"')
    }
  })
  it('drops optional filters switched off by a null parameter', async () => {
    const query = 'count(*[_type == "exercise" && ($level == null || difficulty == $level)])'
    const planned = await plan(parse(query, {params: {level: null}}), {level: null}, store, store.view('raw'))
    expect(JSON.stringify(planned.tree)).not.toContain('"Filter"')
    const active = await plan(parse(query, {params: {level: 'easy'}}), {level: 'easy'}, store, store.view('raw'))
    expect(JSON.stringify(active.tree)).toContain('"Filter"')
  })

  it('gives a correlated subquery its candidates from an index when the indexed term is constant', async () => {
    const query = '*[_type == "muscle"]{"users": *[_type == "exercise" && references(^._id)]._id}'
    const planned = await plan(parse(query), {}, store, store.view('raw'))
    expect(JSON.stringify(planned.tree)).not.toContain('"Everything"')
    expect(JSON.stringify(planned.tree)).toContain('"references"')
  })

  it('leaves a filter without an indexable term to groq-js', async () => {
    const planned = await plan(parse('*[name == "Squat"]'), {}, store, store.view('raw'))
    expect(JSON.stringify(planned.tree)).toContain('"Everything"')
  })
})
