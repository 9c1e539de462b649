// The seed content is public: every SDK query and every public page of the club site, read
// without a token, finds it, references included. Hosted Sanity lets a request without a token
// read only documents whose `_id` is a root path (no `.`, sanity.io/docs/ids), so a dotted seed id
// would make these queries return null, their references resolve to null and the pages 404.
// Expectations come from seed/spotter.ndjson itself (names, titles, steps, referenced documents).
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import * as sdk from '@spotter/sdk'
import {createExerciseClient, type ExerciseClient} from '@spotter/sdk'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {ensureSiteBuild, serveSite, type RunningSite} from '../../examples/club-site/build.ts'
import {freePort} from '../../examples/club-site/test/support/site.ts'

const SEED = fileURLToPath(new URL('../../seed/spotter.ndjson', import.meta.url))

type SeedDoc = {_id: string; _type: string; slug?: {current: string}} & Record<string, unknown>
type Ref = {_ref: string}
const docs: SeedDoc[] = readFileSync(SEED, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as SeedDoc)
const byId = new Map(docs.map((d) => [d._id, d]))
const ofType = (type: string) => docs.filter((d) => d._type === type)
const deref = (ref: Ref | undefined): SeedDoc => {
  const doc = ref && byId.get(ref._ref)
  if (!doc) throw new Error(`seed reference ${ref?._ref} names no seed document`)
  return doc
}
const slugOf = (doc: SeedDoc) => doc.slug!.current
// A person the source does not name has a descriptor instead ("Personal trainer at ...").
const nameOf = (doc: SeedDoc) => String(doc.name ?? doc.descriptor ?? doc.title)
const personName = (person: {name?: string | null; descriptor?: string | null} | null | undefined) =>
  person ? (person.name ?? person.descriptor) : null

const exercises = ofType('exercise')
const articles = ofType('article')
const people = ofType('person')
const club = ofType('club')[0]!
const reverseHyper = byId.get('exercise-reverse-hyperextension')!
const stepsOf = (exercise: SeedDoc) => ((exercise.steps ?? []) as {instruction: string}[]).map((s) => s.instruction)
const embedsOf = (article: SeedDoc) =>
  (article.body as {_type: string; exercise?: Ref; display?: string}[]).filter((b) => b._type === 'exerciseEmbed')

let lake: SpawnedLake
let client: ExerciseClient
let site: RunningSite

beforeAll(async () => {
  lake = await spawnLake({seed: SEED})
  // No token anywhere: what a visitor's browser, a club site or a partner app has.
  client = createExerciseClient({projectId: lake.projectId, dataset: lake.dataset, apiHost: lake.url, useCdn: false})
  const port = await freePort()
  site = await serveSite(await ensureSiteBuild(), {
    port,
    env: {
      SPOTTER_LAKE_URL: lake.url,
      SPOTTER_PROJECT_ID: lake.projectId,
      SPOTTER_DATASET: lake.dataset,
      SPOTTER_SITE_URL: `http://localhost:${port}`,
    },
  })
})
afterAll(async () => {
  await site?.close()
  await lake?.stop()
})

it('every seed document is readable without a token', async () => {
  expect(client.sanity.config().token).toBeUndefined()
  const ids = docs.map((d) => d._id)
  const visible = await client.sanity.fetch<string[]>('*[_id in $ids]._id', {ids})
  expect([...visible].sort()).toEqual([...ids].sort())
})

// One case per SDK query; the first test fails when the SDK gains a query this file does not read.
const queries: Record<string, () => Promise<void>> = {
  async getExercise() {
    for (const exercise of exercises) {
      const result = await client.getExercise(slugOf(exercise))
      expect(result?.name, slugOf(exercise)).toBe(exercise.name)
      expect((result?.steps ?? []).map((s) => s.instruction)).toEqual(stepsOf(exercise))
    }
    const result = (await client.getExercise(slugOf(reverseHyper)))!
    expect(stepsOf(reverseHyper).length).toBeGreaterThan(2)
    const setups = reverseHyper.setups as {name: string; equipment: Ref[]}[]
    expect(result.setups?.map((s) => ({name: s.name, equipment: s.equipment?.map((e) => e.name)}))).toEqual(
      setups.map((s) => ({name: s.name, equipment: s.equipment.map((e) => nameOf(deref(e)))})),
    )
    expect(result.primaryMuscles?.map((m) => m.name)).toEqual((reverseHyper.primaryMuscles as Ref[]).map((r) => nameOf(deref(r))))
  },
  async listExercises() {
    const all = await client.listExercises({pageSize: 100})
    expect(all.total).toBe(exercises.length)
    expect(all.items.map((e) => e.name).sort()).toEqual(exercises.map(nameOf).sort())
    const muscle = deref((reverseHyper.primaryMuscles as Ref[])[0])
    const byMuscle = await client.listExercises({muscle: slugOf(muscle), pageSize: 100})
    const expected = exercises.filter((e) => ((e.primaryMuscles ?? []) as Ref[]).some((r) => r._ref === muscle._id))
    expect(byMuscle.items.map((e) => e.name).sort()).toEqual(expected.map(nameOf).sort())
  },
  async exercisesForEquipment() {
    const machine = deref((reverseHyper.setups as {equipment: Ref[]}[])[0]!.equipment[0])
    const result = await client.exercisesForEquipment([slugOf(machine)])
    expect(result.map((e) => e.name)).toContain(reverseHyper.name)
  },
  async relatedExercises() {
    const result = await client.relatedExercises(slugOf(reverseHyper))
    const related = reverseHyper.relatedExercises as {exercise: Ref}[]
    expect(related.length).toBeGreaterThan(0)
    expect((result?.related ?? []).map((r) => r.exercise?.name)).toEqual(related.map((r) => nameOf(deref(r.exercise))))
  },
  async getArticle() {
    for (const article of articles) {
      const result = await client.getArticle(slugOf(article))
      expect(result?.title, slugOf(article)).toBe(article.title)
      expect(personName(result?.author)).toBe(article.author ? nameOf(deref(article.author as Ref)) : null)
      expect(result?.publisher?.name ?? null).toBe(article.publisher ? nameOf(deref(article.publisher as Ref)) : null)
      const embeds = (result?.body ?? []).flatMap((b) => (b._type === 'exerciseEmbed' ? [b] : []))
      expect(embeds.map((b) => b.exercise?.name)).toEqual(embedsOf(article).map((b) => nameOf(deref(b.exercise))))
      expect(result?.equipment?.map((e) => e.name)).toEqual(((article.equipment ?? []) as Ref[]).map((r) => nameOf(deref(r))))
    }
  },
  async listArticles() {
    const result = await client.listArticles({pageSize: 100})
    expect(result.total).toBe(articles.length)
    expect(result.items.map((a) => [a.title, personName(a.author)]).sort()).toEqual(
      articles.map((a) => [a.title, a.author ? nameOf(deref(a.author as Ref)) : null]).sort(),
    )
  },
  async getPerson() {
    for (const person of people) expect(personName(await client.getPerson(slugOf(person))), slugOf(person)).toBe(nameOf(person))
  },
  async getClub() {
    const result = await client.getClub(slugOf(club))
    expect(result?.name).toBe(club.name)
    const inventory = club.equipmentInventory as {equipment: Ref}[]
    expect(result?.equipment?.map((i) => i.equipment?.name)).toEqual(inventory.map((i) => nameOf(deref(i.equipment))))
  },
}

describe('every SDK query, without a token', () => {
  it('covers every query the SDK exports', () => {
    const exported = Object.keys(sdk).filter((name) => `${name}Query` in sdk && `${name}Result` in sdk)
    expect(exported.sort()).toEqual(Object.keys(queries).sort())
  })
  for (const [name, run] of Object.entries(queries)) it(name, run)
})

describe('every public page of the club site, without a token', () => {
  async function get(path: string): Promise<{status: number; text: string; links: string[]}> {
    const res = await fetch(site.url + path, {redirect: 'manual'})
    const html = await res.text()
    const links = [...html.matchAll(/href="(\/[^"#]*)"/g)].map((m) => decode(m[1]!))
    return {status: res.status, text: textOf(html), links}
  }

  it('reaches every exercise and article from the home page, and every page is a 200', async () => {
    const seen = new Map<string, number>()
    const queue = ['/']
    while (queue.length > 0) {
      const path = queue.shift()!
      if (seen.has(path)) continue
      const page = await get(path)
      seen.set(path, page.status)
      for (const link of page.links) if (!link.startsWith('/api/') && !seen.has(link)) queue.push(link)
    }
    expect([...seen].filter(([, status]) => status !== 200)).toEqual([])
    for (const exercise of exercises) expect(seen.has(`/exercises/${slugOf(exercise)}`), slugOf(exercise)).toBe(true)
    for (const article of articles) expect(seen.has(`/articles/${slugOf(article)}`), slugOf(article)).toBe(true)
    for (const path of ['/exercises', '/equipment', '/articles']) expect(seen.has(path), path).toBe(true)
  })

  it('home and equipment: the club and its (referenced) equipment', async () => {
    const equipment = (club.equipmentInventory as {equipment: Ref}[]).map((i) => nameOf(deref(i.equipment)))
    for (const path of ['/', '/equipment']) {
      const page = await get(path)
      expect(page.text, path).toContain(String(club.name))
      for (const name of equipment) expect(page.text, path).toContain(name)
      expect(page.links, path).toContain(`/exercises/${slugOf(reverseHyper)}`)
    }
  })

  it('library: every exercise, and filters by referenced muscle and equipment', async () => {
    const all = await get('/exercises')
    expect(all.text).toContain(`${exercises.length} exercises`)
    for (const exercise of exercises) expect(all.text).toContain(nameOf(exercise))
    const muscle = deref((reverseHyper.primaryMuscles as Ref[])[0])
    expect((await get(`/exercises?muscle=${slugOf(muscle)}`)).links).toContain(`/exercises/${slugOf(reverseHyper)}`)
    const bench = deref((reverseHyper.setups as {equipment: Ref[]}[])[1]!.equipment[0])
    expect((await get(`/exercises?equipment=${slugOf(bench)}`)).links).toContain(`/exercises/${slugOf(reverseHyper)}`)
  })

  it('exercise pages: name, steps, setups with their equipment, related exercises', async () => {
    for (const exercise of exercises) {
      const page = await get(`/exercises/${slugOf(exercise)}`)
      expect(page.status).toBe(200)
      expect(page.text).toContain(nameOf(exercise))
      for (const step of stepsOf(exercise)) expect(page.text, slugOf(exercise)).toContain(step)
      for (const setup of (exercise.setups ?? []) as {equipment?: Ref[]}[]) {
        for (const ref of setup.equipment ?? []) expect(page.text, slugOf(exercise)).toContain(nameOf(deref(ref)))
      }
    }
  })

  it('article pages: title, author, embedded exercises and their steps', async () => {
    for (const article of articles) {
      const page = await get(`/articles/${slugOf(article)}`)
      expect(page.status).toBe(200)
      expect(page.text).toContain(String(article.title))
      if (article.author) expect(page.text).toContain(nameOf(deref(article.author as Ref)))
      for (const embed of embedsOf(article)) {
        const exercise = deref(embed.exercise)
        expect(page.text, slugOf(article)).toContain(nameOf(exercise))
        if (embed.display !== 'card') for (const step of stepsOf(exercise)) expect(page.text, slugOf(article)).toContain(step)
      }
    }
    const list = await get('/articles')
    for (const article of articles) expect(list.text).toContain(String(article.title))
  })
})

function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

const textOf = (html: string) => decode(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')
