// Each validation rule of the content model rejects a document that breaks it, at the right path and with
// an editor-facing message, and accepts the fixed document. Run through Sanity's own
// validateDocument with a real @sanity/client against a lake seeded with seed/spotter.ndjson.
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {describeMarkers, markersAt, SEED_FILE, validate} from './support.ts'

type Doc = Record<string, unknown> & {_id: string; _type: string}

let lake: SpawnedLake
let client: SanityClient
let reverseHyper: Doc
let backHyper: Doc
let machineArticle: Doc
let guideArticle: Doc

beforeAll(async () => {
  lake = await spawnLake({seed: SEED_FILE})
  client = lake.client()
  const byId = async (id: string) => {
    const doc = await client.getDocument<Doc>(id)
    if (!doc) throw new Error(`seed document ${id} missing from the lake`)
    return doc
  }
  reverseHyper = await byId('exercise-reverse-hyperextension')
  backHyper = await byId('exercise-back-hyperextension')
  machineArticle = await byId('article-reverse-hyperextension-machine')
  guideArticle = await byId('article-back-hyperextensions')
})

afterAll(async () => {
  await lake?.stop()
})

const clone = <T>(value: T): T => structuredClone(value)
const keyOf = (doc: Doc, field: string, index = 0) => (doc[field] as {_key: string}[])[index]!._key

describe('min <= max in every range', () => {
  it('rejects reps 12-8 in an exercise prescription, at the range', async () => {
    const doc = clone(reverseHyper)
    const prescriptions = doc.prescriptions as {reps: {min: number; max: number}}[]
    prescriptions[0]!.reps = {min: 12, max: 8}
    const {markers} = await validate(client, doc)
    const path = ['prescriptions', {_key: keyOf(doc, 'prescriptions')}, 'reps', 'max']
    const at = markersAt(markers, path)
    expect(at, describeMarkers(markers).join('\n')).toHaveLength(1)
    expect(at[0]!.message).toBe(
      'The minimum (12) is higher than the maximum (8). Swap them, or enter the same number twice for a fixed value.',
    )
    expect(at[0]!.code).toBe('spotter.range-order')
    expect(at[0]!.level).toBe('error')
  })

  it("rejects a backwards frequency inside an article's prescription table", async () => {
    const doc = clone(guideArticle)
    const body = doc.body as {_key: string; _type: string; prescriptions?: {_key: string; frequencyPerWeek?: object}[]}[]
    const table = body.find((b) => b._type === 'prescriptionTable')!
    table.prescriptions![0]!.frequencyPerWeek = {_type: 'range', min: 3, max: 2}
    const {markers} = await validate(client, doc)
    const path = ['body', {_key: table._key}, 'prescriptions', {_key: table.prescriptions![0]!._key}, 'frequencyPerWeek', 'max']
    expect(markersAt(markers, path).map((m) => m.message)).toEqual([
      'The minimum (3) is higher than the maximum (2). Swap them, or enter the same number twice for a fixed value.',
    ])
  })

  it('accepts a fixed value (min = max), as in "two sets of 10"', async () => {
    const {status, markers} = await validate(client, backHyper)
    expect(describeMarkers(markers)).toEqual([])
    expect(status).toBe('passed')
  })
})

describe('every image has alt text and a credit', () => {
  it('rejects a hero image without alt text', async () => {
    const doc = clone(guideArticle)
    delete (doc.heroImage as {alt?: string}).alt
    const {markers} = await validate(client, doc)
    expect(markersAt(markers, ['heroImage', 'alt']).map((m) => m.message)).toEqual([
      'Describe the image for people who cannot see it (alt text). Every image needs alt text.',
    ])
  })

  it('rejects an exercise photo without a credit', async () => {
    const doc = clone(backHyper)
    delete (doc.media as {credit?: string}[])[0]!.credit
    const {markers} = await validate(client, doc)
    expect(markersAt(markers, ['media', {_key: keyOf(doc, 'media')}, 'credit']).map((m) => m.message)).toEqual([
      'Credit the image as it must be printed, e.g. "Photographer/Agency". Every image needs a credit.',
    ])
  })

  it('rejects an image embedded in an article body that has neither', async () => {
    const doc = clone(machineArticle)
    const asset = (guideArticle.heroImage as {asset: object}).asset
    ;(doc.body as object[]).push({_type: 'creditedImage', _key: 'newimage', asset})
    const {markers} = await validate(client, doc)
    expect(markersAt(markers, ['body', {_key: 'newimage'}, 'alt'])).toHaveLength(1)
    expect(markersAt(markers, ['body', {_key: 'newimage'}, 'credit'])).toHaveLength(1)
  })
})

describe('rehabilitation or contraindications need a medical disclaimer', () => {
  const MESSAGE =
    'This exercise is used in rehabilitation or lists contraindications, so it needs a medical disclaimer before it can be published. Add a disclaimer whose kind is "Medical".'

  it('rejects a rehabilitation exercise whose only disclaimer is "information only"', async () => {
    const doc = clone(backHyper)
    doc.disclaimers = [{_type: 'reference', _key: 'info', _ref: 'disclaimer-information-only'}]
    const {markers} = await validate(client, doc)
    const at = markersAt(markers, ['disclaimers'])
    expect(at.map((m) => m.message)).toEqual([MESSAGE])
    expect(at[0]!.code).toBe('spotter.medical-disclaimer')
    expect(at[0]!.level).toBe('error')
  })

  it('rejects an exercise with contraindications and no disclaimers, even outside rehabilitation', async () => {
    const doc = clone(reverseHyper)
    doc.secondaryCategories = []
    delete doc.disclaimers
    const {markers} = await validate(client, doc)
    expect(markersAt(markers, ['disclaimers']).map((m) => m.message)).toEqual([MESSAGE])
  })

  it('rejects category "rehabilitation" without disclaimers', async () => {
    const doc: Doc = {
      _id: 'exercise-test-rehab',
      _type: 'exercise',
      name: 'Test rehab',
      slug: {_type: 'slug', current: 'test-rehab'},
      category: 'rehabilitation',
    }
    const {markers} = await validate(client, doc)
    expect(markersAt(markers, ['disclaimers']).map((m) => m.message)).toEqual([MESSAGE])
  })

  it('accepts the same exercise once a medical disclaimer is attached, and a plain strength exercise without one', async () => {
    const doc: Doc = {
      _id: 'exercise-test-rehab',
      _type: 'exercise',
      name: 'Test rehab',
      slug: {_type: 'slug', current: 'test-rehab'},
      category: 'rehabilitation',
      disclaimers: [{_type: 'reference', _key: 'med', _ref: 'disclaimer-consult-physician'}],
    }
    expect(describeMarkers((await validate(client, doc)).markers)).toEqual([])
    const squat = await client.getDocument<Doc>('exercise-squat')
    expect(describeMarkers((await validate(client, squat!)).markers)).toEqual([])
  })
})

describe('health advice needs a credentialed author', () => {
  it('rejects an article giving health advice whose author has no credentials, naming the author', async () => {
    const doc = clone(machineArticle)
    doc.author = {_type: 'reference', _ref: 'person-louis-simmons'}
    const {markers} = await validate(client, doc)
    const at = markersAt(markers, ['author'])
    expect(at.map((m) => m.message)).toEqual([
      'This article gives health advice, so its author needs at least one credential. Louis Simmons has none: add a credential to their profile or choose another author.',
    ])
    expect(at[0]!.code).toBe('spotter.health-advice-author')
    expect(at[0]!.level).toBe('error')
  })

  it('rejects an article giving health advice with no author', async () => {
    const doc = clone(guideArticle)
    delete doc.author
    const {markers} = await validate(client, doc)
    expect(markersAt(markers, ['author']).map((m) => m.message)).toEqual([
      'This article gives health advice, so it needs an author with at least one credential. Choose the author.',
    ])
  })

  it('accepts the same article when it is not flagged as health advice', async () => {
    const doc = clone(machineArticle)
    doc.author = {_type: 'reference', _ref: 'person-louis-simmons'}
    doc.givesHealthAdvice = false
    expect(describeMarkers((await validate(client, doc)).markers)).toEqual([])
  })
})

describe('unique slugs', () => {
  it('rejects a second exercise with a slug already in use', async () => {
    const doc: Doc = {
      _id: 'exercise-copycat',
      _type: 'exercise',
      name: 'Copycat',
      slug: {_type: 'slug', current: 'reverse-hyperextension'},
      category: 'strength',
    }
    const {markers} = await validate(client, doc)
    const at = markersAt(markers, ['slug'])
    expect(at.map((m) => m.message)).toEqual(['Slug is already in use'])
    expect(at[0]!.code).toBe('slug.not-unique')
    // Level: Sanity's CLI validation (validateDocument, environment "cli") downgrades every rule
    // of an object-typed value, slug included, to a warning; the Studio reports it as an error.
  })

  it("ignores the document's own draft, and the same slug on another type", async () => {
    const draft = {...clone(reverseHyper), _id: 'drafts.exercise-reverse-hyperextension', name: 'Reverse hyperextension (edited)'}
    await client.createOrReplace(draft as never)
    try {
      expect(describeMarkers((await validate(client, draft)).markers)).toEqual([])
      expect(describeMarkers((await validate(client, reverseHyper)).markers)).toEqual([])
    } finally {
      await client.delete(draft._id)
    }
    const muscle: Doc = {
      _id: 'muscle-test',
      _type: 'muscle',
      name: 'Test',
      slug: {_type: 'slug', current: 'reverse-hyperextension'},
      region: 'core',
    }
    expect(describeMarkers((await validate(client, muscle)).markers)).toEqual([])
  })

  it('rejects a missing slug with a message that says what a slug is for', async () => {
    const doc = clone(reverseHyper)
    delete doc.slug
    const {markers} = await validate(client, doc)
    expect(markersAt(markers, ['slug']).map((m) => m.message)).toEqual([
      'Add a slug: it becomes the page address. Click "Generate" to make one from the name.',
    ])
  })
})

describe('no cycles in progression chains', () => {
  const exercise = (id: string, edges: [relation: string, target: string][]): Doc => ({
    _id: `exercise-${id}`,
    _type: 'exercise',
    name: id,
    slug: {_type: 'slug', current: id},
    category: 'strength',
    relatedExercises: edges.map(([relation, target], i) => ({
      _type: 'exerciseRelation',
      _key: `e${i}`,
      relation,
      exercise: {_type: 'reference', _ref: `exercise-${target}`},
    })),
  })

  beforeAll(async () => {
    // Published chain: floor -> bench -> machine (each a progression of the previous), and
    // "hard" lists "easy" as its regression (easy is easier than hard).
    const tx = client.transaction()
    for (const doc of [
      exercise('chain-floor', [['progression', 'chain-bench']]),
      exercise('chain-bench', [['progression', 'chain-machine']]),
      exercise('chain-machine', []),
      exercise('chain-hard', [['regression', 'chain-easy']]),
      exercise('chain-easy', []),
      // A loop made only of other exercises' edges: x < d (x progression d), d < y (y regression
      // d), y < x (y progression x). "d" has no edges of its own.
      exercise('loop-x', [['progression', 'loop-d']]),
      exercise('loop-y', [
        ['regression', 'loop-d'],
        ['progression', 'loop-x'],
      ]),
      exercise('loop-d', []),
    ]) {
      tx.createOrReplace(doc as never)
    }
    await tx.commit()
  })

  it('rejects a progression that leads back to the exercise', async () => {
    const edited = exercise('chain-machine', [['progression', 'chain-floor']])
    const {markers} = await validate(client, {...edited, _id: 'drafts.exercise-chain-machine'})
    const at = markersAt(markers, ['relatedExercises'])
    expect(at.map((m) => m.message)).toEqual([
      'Progression chain loops back to this exercise (exercise-chain-machine → exercise-chain-floor → exercise-chain-bench → exercise-chain-machine). An exercise cannot be harder than itself: remove or change one of the progression/regression links.',
    ])
    expect(at[0]!.code).toBe('spotter.progression-cycle')
    expect(at[0]!.level).toBe('error')
  })

  it('rejects a regression that contradicts a regression edge on the other side', async () => {
    // "easy" says "hard" is its regression, while "hard" already says "easy" is easier.
    const {markers} = await validate(client, exercise('chain-easy', [['regression', 'chain-hard']]))
    expect(markersAt(markers, ['relatedExercises'])[0]?.message).toMatch(
      /^Progression chain loops back to this exercise \(exercise-chain-easy → exercise-chain-hard → exercise-chain-easy\)/,
    )
  })

  it("finds a loop through an exercise made only of other exercises' edges", async () => {
    const {markers} = await validate(client, exercise('loop-d', []))
    expect(markersAt(markers, ['relatedExercises'])[0]?.message).toContain(
      '(exercise-loop-d → exercise-loop-y → exercise-loop-x → exercise-loop-d)',
    )
  })

  it('rejects an exercise that is its own progression', async () => {
    const {markers} = await validate(client, exercise('chain-floor', [['progression', 'chain-floor']]))
    expect(markersAt(markers, ['relatedExercises'])[0]?.code).toBe('spotter.progression-cycle')
  })

  it('rejects a regression to an exercise that is harder along the chain', async () => {
    // floor -> bench -> machine; declaring machine a regression of floor closes the loop.
    const {markers} = await validate(
      client,
      exercise('chain-floor', [
        ['progression', 'chain-bench'],
        ['regression', 'chain-machine'],
      ]),
    )
    expect(markersAt(markers, ['relatedExercises'])[0]?.message).toContain(
      '(exercise-chain-floor → exercise-chain-bench → exercise-chain-machine → exercise-chain-floor)',
    )
  })

  it('accepts a chain without a loop, and other relation types that point back', async () => {
    for (const id of ['chain-floor', 'chain-bench', 'chain-machine', 'chain-hard']) {
      const doc = await client.getDocument<Doc>(`exercise-${id}`)
      expect(describeMarkers((await validate(client, doc!)).markers), id).toEqual([])
    }
    const substitute = exercise('chain-machine', [
      ['substitute', 'chain-floor'],
      ['complements', 'chain-bench'],
    ])
    expect(describeMarkers((await validate(client, substitute)).markers)).toEqual([])
  })
})

describe('syndication rights', () => {
  it('requires attribution text for CC BY 4.0 and at least one partner for "partners only"', async () => {
    const doc = clone(guideArticle)
    doc.syndication = {_type: 'syndicationRights', licence: 'partners-only'}
    const {markers} = await validate(client, doc)
    expect(markersAt(markers, ['syndication', 'attributionText']).map((m) => m.message)).toEqual([
      'Syndicated content must carry attribution: write the attribution text.',
    ])
    expect(markersAt(markers, ['syndication', 'allowedPartners']).map((m) => m.message)).toEqual([
      'With "Partners only", list at least one partner allowed to republish.',
    ])
    doc.syndication = {_type: 'syndicationRights', licence: 'partners-only', attributionText: 'Spotter', allowedPartners: ['partner-a']}
    expect(describeMarkers((await validate(client, doc)).markers)).toEqual([])
  })
})
