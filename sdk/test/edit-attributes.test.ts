// Click-to-edit attributes: the seed articles and exercises, fetched from a lake and rendered by
// the React components with a Studio edit context, carry `data-sanity` attributes that
// @sanity/visual-editing's own decoder reads back to a document, type and field path whose value
// (in the document as the lake stores it) is what the element shows. Without the context the
// markup has no attribute at all. The HTML entry, given the same context, writes the same
// attributes on the same elements (the same markup as React's).
import type {SanityDocument} from '@sanity/client'
import {extract} from '@sanity/mutator'
import {decodeSanityNodeData} from '@sanity/visual-editing-csm'
import {parseFragment} from 'parse5'
import {createElement as h, type ReactNode} from 'react'
import {renderToStaticMarkup} from 'react-dom/server'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SpawnedLake} from '@spotter/lake/testing'
import {type ArticleResult, type ExerciseGuideResult, type ImageConfig, type StudioEditContext, studioEditAttribute} from '../src/index.ts'
import {articleBodyToHtml, articleToHtml, exerciseCardHtml, exerciseGuideHtml, prescriptionTableHtml} from '../src/html/index.ts'
import {ArticleBody, ArticleView, ExerciseCard, ExerciseGuide, PrescriptionTable} from '../src/react/index.ts'
import {ARTICLE_SLUGS, seededLake} from './support/lake.ts'
import {reactAsHtml} from './support/markup.ts'

const images: ImageConfig = {projectId: 'spotter', dataset: 'production'}
const edit: StudioEditContext = {baseUrl: '/studio', workspace: 'default'}
const EXERCISE_SLUGS = ['reverse-hyperextension', 'back-hyperextension'] as const

let lake: SpawnedLake
const articles = new Map<string, ArticleResult>()
const exercises = new Map<string, ExerciseGuideResult>()
/** Every seed document as the lake stores it, by id: what the decoded paths must resolve in. */
const documents = new Map<string, SanityDocument>()

beforeAll(async () => {
  const seeded = await seededLake()
  lake = seeded.lake
  for (const slug of ARTICLE_SLUGS) articles.set(slug, (await seeded.client.getArticle(slug))!)
  for (const slug of EXERCISE_SLUGS) exercises.set(slug, (await seeded.client.getExercise(slug))!)
  for (const doc of await lake.client().fetch<SanityDocument[]>('*')) documents.set(doc._id, doc)
})
afterAll(async () => lake?.stop())

interface Marked {
  id: string
  type: string
  path: string
  value: unknown
  text: string
  tag: string
  alt: string | undefined
}

type Node = {nodeName: string; tagName?: string; value?: string; attrs?: Array<{name: string; value: string}>; childNodes?: Node[]}
const textOf = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join(''))

/** Every element with a `data-sanity` attribute, decoded by @sanity/visual-editing. */
function marked(html: string): Marked[] {
  const out: Marked[] = []
  const walk = (node: Node) => {
    const attr = node.attrs?.find((a) => a.name === 'data-sanity')
    if (attr) {
      const decoded = decodeSanityNodeData(attr.value)
      // A node with an id (not the legacy href form) is what the overlays open in the Studio.
      if (!decoded || !('id' in decoded)) throw new Error(`@sanity/visual-editing cannot decode data-sanity="${attr.value}"`)
      expect(decoded.baseUrl).toBe('/studio')
      expect(decoded.workspace).toBe('default')
      const doc = documents.get(decoded.id)
      if (!doc) throw new Error(`data-sanity="${attr.value}" names ${decoded.id}, not a document in the lake`)
      expect(decoded.type, attr.value).toBe(doc._type)
      out.push({
        id: decoded.id,
        type: decoded.type!,
        path: decoded.path,
        // Sanity's own path reader (the one its patches use) finds the value in the stored document.
        value: extract(decoded.path, doc)[0],
        text: textOf(node).replace(/\s+/g, ' '),
        tag: node.tagName ?? '',
        alt: node.attrs?.find((a) => a.name === 'alt')?.value,
      })
    }
    for (const child of node.childNodes ?? []) walk(child)
  }
  walk(parseFragment(html) as unknown as Node)
  return out
}

/** Each attribute's path resolves in its document, and a text value is what the element shows. */
function expectResolving(list: Marked[]): void {
  expect(list.length).toBeGreaterThan(0)
  for (const m of list) {
    expect(m.value, `${m.id} ${m.path} does not resolve`).not.toBeUndefined()
    if (typeof m.value !== 'string') continue
    const value = m.value.trim().replace(/\s+/g, ' ')
    if (m.tag === 'img') expect(m.alt, `${m.id} ${m.path}`).toBe(value)
    else if (m.tag === 'time') expect(value.startsWith(m.text), `${m.id} ${m.path}`).toBe(true)
    else expect(m.text, `${m.id} ${m.path}`).toContain(value)
  }
}

const has = (list: Marked[], id: string, path: string) =>
  expect(
    list.some((m) => m.id === id && m.path === path),
    `no element marked ${id} ${path}`,
  ).toBe(true)
const key = (k: string) => `[_key=="${k}"]`
const render = (node: ReactNode) => renderToStaticMarkup(node)

describe.each(EXERCISE_SLUGS)('the %s exercise guide', (slug) => {
  const exercise = () => exercises.get(slug)!
  const doc = () => documents.get(exercise()._id) as SanityDocument & Record<string, Array<{_key: string}> | undefined>

  it('marks its name, summary, steps, cues, prescriptions, mistakes, safety and image credits', () => {
    const list = marked(render(h(ExerciseGuide, {exercise: exercise(), images, edit})))
    expectResolving(list)
    const id = exercise()._id
    has(list, id, 'name')
    has(list, id, 'summary')
    // The reverse hyperextension has steps and mistakes, the back hyperextension an image.
    expect((doc().steps?.length ?? 0) + (doc().media?.length ?? 0)).toBeGreaterThan(0)
    for (const step of doc().steps ?? []) {
      has(list, id, `steps${key(step._key)}`)
      has(list, id, `steps${key(step._key)}.instruction`)
      const {cues, image} = step as {cues?: string[]; image?: unknown}
      for (const [i] of (cues ?? []).entries()) has(list, id, `steps${key(step._key)}.cues[${i}]`)
      if (image) has(list, id, `steps${key(step._key)}.image.credit`)
    }
    for (const p of doc().prescriptions ?? []) has(list, id, `prescriptions${key(p._key)}`)
    for (const m of doc().commonMistakes ?? []) has(list, id, `commonMistakes${key(m._key)}`)
    for (const n of doc().safetyNotes ?? []) has(list, id, `safetyNotes${key(n._key)}`)
    for (const c of doc().contraindications ?? []) has(list, id, `contraindications${key(c._key)}`)
    for (const b of doc().benefits ?? []) has(list, id, `benefits${key(b._key)}`)
    for (const d of exercise().disclaimers ?? []) has(list, d._id, 'body')
  })

  it('as a card marks its name, summary and its first image credit', () => {
    const list = marked(render(h(ExerciseCard, {exercise: {...exercise(), image: exercise().media?.[0] ?? null}, images, edit})))
    expectResolving(list)
    has(list, exercise()._id, 'name')
    if (exercise().media?.[0]) has(list, exercise()._id, 'media[0].credit')
  })

  it('carries no attribute without an edit context', () => {
    expect(render(h(ExerciseGuide, {exercise: exercise(), images}))).not.toContain('data-sanity')
  })
})

describe.each(ARTICLE_SLUGS)('the %s article', (slug) => {
  const article = () => articles.get(slug)!

  it('marks its title, hero credit, every body block, the people and their credentials', () => {
    const a = article()
    const list = marked(render(h(ArticleView, {article: a, images, edit, personHref: (s) => `/people/${s}`})))
    expectResolving(list)
    has(list, a._id, 'title')
    if (a.heroImage) has(list, a._id, 'heroImage.credit')
    const body = documents.get(a._id)!.body as Array<{_key: string; _type: string; disclaimer?: {_ref: string}; exercise?: {_ref: string}}>
    for (const block of body) {
      const at = `body${key(block._key)}`
      const marks = list.filter((m) => m.id === a._id && (m.path === at || m.path.startsWith(`${at}.`)))
      // A disclaimer callout shows the disclaimer document's text, marked as that document's.
      if (block._type === 'disclaimerCallout') has(list, block.disclaimer!._ref, 'body')
      else expect(marks.length, `body block ${block._key} (${block._type}) is not marked`).toBeGreaterThan(0)
      if (block._type === 'exerciseEmbed') has(list, block.exercise!._ref, 'name')
    }
    for (const person of [a.author, a.reviewer]) {
      if (!person) continue
      has(list, person._id, person.name ? 'name' : 'descriptor')
      for (const c of person.credentials ?? []) has(list, person._id, `credentials${key(c._key)}`)
    }
    if (a.publishedAt) has(list, a._id, 'publishedAt')
    for (const d of a.disclaimers ?? []) has(list, d._id, 'body')
  })

  it('carries no attribute without an edit context', () => {
    expect(render(h(ArticleView, {article: article(), images}))).not.toContain('data-sanity')
  })
})

/** The HTML entry's markup is React's, attributes included; returns the (decoded, resolving) attributes. */
function expectSameAsReact(node: ReactNode, html: string): Marked[] {
  expect(html).toBe(reactAsHtml(render(node)))
  const fromHtml = marked(html)
  const fromReact = marked(render(node))
  const values = (list: Marked[]) => list.map((m) => `${m.id} ${m.type} ${m.path}`).sort()
  expect(values(fromHtml)).toEqual(values(fromReact))
  expectResolving(fromHtml)
  return fromHtml
}

describe.each(ARTICLE_SLUGS)('the %s article from the HTML entry', (slug) => {
  const article = () => articles.get(slug)!
  const personHref = (s: string) => `/people/${s}`

  it('carries the attributes the React view carries, on the same elements', () => {
    const a = article()
    const list = expectSameAsReact(h(ArticleView, {article: a, images, edit, personHref}), articleToHtml(a, {images, edit, personHref}))
    has(list, a._id, 'title')
    for (const person of [a.author, a.reviewer]) if (person) has(list, person._id, person.name ? 'name' : 'descriptor')
  })

  it('marks a body given its document and field like ArticleBody does', () => {
    const a = article()
    const bodyEdit: StudioEditContext = {...edit, document: {id: a._id, type: 'article'}, path: ['body']}
    const list = expectSameAsReact(
      h(ArticleBody, {value: a.body, images, edit: bodyEdit}),
      articleBodyToHtml(a.body, {images, edit: bodyEdit}),
    )
    for (const block of a.body) {
      // A disclaimer callout shows (and marks) the disclaimer document; every other block marks its place in the body.
      if (block._type === 'disclaimerCallout') continue
      const at = `body${key(block._key)}`
      expect(
        list.some((m) => m.id === a._id && (m.path === at || m.path.startsWith(`${at}.`))),
        `body block ${block._key} (${block._type})`,
      ).toBe(true)
    }
  })

  it('carries no attribute without an edit context', () => {
    expect(articleToHtml(article(), {images})).not.toContain('data-sanity')
    expect(articleBodyToHtml(article().body, {images})).not.toContain('data-sanity')
  })
})

describe.each(EXERCISE_SLUGS)('the %s exercise from the HTML entry', (slug) => {
  const exercise = () => exercises.get(slug)!

  it('as a guide, its steps alone and a card carries the attributes the React components carry', () => {
    const e = exercise()
    const guide = expectSameAsReact(h(ExerciseGuide, {exercise: e, images, edit}), exerciseGuideHtml(e, images, {edit}))
    has(guide, e._id, 'name')
    expectSameAsReact(h(ExerciseGuide, {exercise: e, images, edit, stepsOnly: true}), exerciseGuideHtml(e, images, {edit, stepsOnly: true}))
    const card = {...e, image: e.media?.[0] ?? null}
    expectSameAsReact(h(ExerciseCard, {exercise: card, images, edit}), exerciseCardHtml(card, images, {edit}))
  })

  it("marks a prescription table given the exercise's prescriptions field", () => {
    const e = exercise()
    expect(e.prescriptions?.length).toBeGreaterThan(0)
    const tableEdit: StudioEditContext = {...edit, document: {id: e._id, type: 'exercise'}, path: ['prescriptions']}
    const list = expectSameAsReact(
      h(PrescriptionTable, {prescriptions: e.prescriptions!, edit: tableEdit}),
      prescriptionTableHtml(e.prescriptions!, {edit: tableEdit}),
    )
    for (const p of e.prescriptions!) {
      // The row and the goal, and each of Sets, Reps and Per week that shows a value opens that
      // value's field; Notes joins several fields, so only its row opens it.
      const shown = [
        p.sets ? 'sets' : null,
        p.reps ? 'reps' : p.repsDescription ? 'repsDescription' : null,
        p.frequencyPerWeek ? 'frequencyPerWeek' : null,
      ].filter((f) => f !== null)
      const row = `prescriptions${key(p._key)}`
      const marked = list.filter((m) => m.path.startsWith(row)).map((m) => m.path)
      expect(marked.sort()).toEqual([row, `${row}.goal`, ...shown.map((f) => `${row}.${f}`)].sort())
    }
    expect(e.prescriptions!.some((p) => p.sets || p.reps || p.repsDescription)).toBe(true)
  })

  it('carries no attribute without an edit context', () => {
    const e = exercise()
    expect(exerciseGuideHtml(e, images)).not.toContain('data-sanity')
    expect(exerciseCardHtml({...e, image: e.media?.[0] ?? null}, images)).not.toContain('data-sanity')
    expect(prescriptionTableHtml(e.prescriptions ?? [])).not.toContain('data-sanity')
  })
})

describe('studioEditAttribute', () => {
  it('writes what createDataAttribute writes, with the published id for a draft', async () => {
    const {createDataAttribute} = await import('@sanity/visual-editing-csm')
    const path = ['steps', {_key: 'a1'}, 'cues', 2] as const
    const ours = studioEditAttribute(
      {baseUrl: 'https://studio.example.org/x', tool: 'presentation'},
      {id: 'drafts.e1', type: 'exercise', path},
    )
    const theirs = createDataAttribute({baseUrl: 'https://studio.example.org/x', tool: 'presentation', id: 'e1', type: 'exercise'})(
      'steps[_key=="a1"].cues[2]',
    )
    expect(ours).toBe(theirs)
  })

  it('refuses an empty path, naming it', () => {
    expect(() => studioEditAttribute({baseUrl: '/'}, {id: 'e1', type: 'exercise', path: []})).toThrow(/path is empty/)
  })
})
