// Every query function against the seed content in a real lake process, through @sanity/client.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SpawnedLake} from '@spotter/lake/testing'
import type {ExerciseClient} from '../src/index.ts'
import {ARTICLE_SLUGS, seededLake} from './support/lake.ts'

let lake: SpawnedLake
let client: ExerciseClient
beforeAll(async () => ({lake, client} = await seededLake()))
afterAll(async () => lake?.stop())

const names = (items: readonly {name: string}[]) => items.map((i) => i.name)

describe('getExercise', () => {
  it('returns the full guide of the reverse hyperextension', async () => {
    const exercise = await client.getExercise('reverse-hyperextension')
    expect(exercise?.name).toBe('Reverse hyperextension')
    expect(exercise?.setups?.map((s) => s.equipment?.map((e) => e.slug))).toEqual([
      ['reverse-hyperextension-machine'],
      ['flat-bench'],
      ['exercise-ball'],
      ['flat-bench', 'exercise-ball'],
    ])
    expect(exercise?.steps).toHaveLength(5)
    expect(exercise?.prescriptions?.map((p) => p.reps)).toContainEqual({min: 8, max: 12})
    expect(exercise?.prescriptions?.map((p) => p.reps)).toContainEqual({min: 6, max: 8})
    expect(exercise?.primaryMuscles?.length).toBeGreaterThan(0)
    expect(exercise?.variations?.map((v) => v.change)).toEqual(['load', 'load', 'stability'])
    expect(exercise?.relatedExercises?.map((r) => r.exercise?.slug)).toEqual([
      'rack-pull',
      'good-morning',
      'squat',
      'stiff-leg-deadlift',
      'leg-press',
    ])
    expect(exercise?.disclaimers?.some((d) => d.kind === 'medical')).toBe(true)
  })

  it('returns null for an unknown slug and rejects an empty one before fetching', async () => {
    expect(await client.getExercise('no-such-exercise')).toBeNull()
    await expect(client.getExercise('')).rejects.toThrow('slug must be a non-empty string')
  })
})

describe('listExercises', () => {
  it('lists all exercises by name with the total', async () => {
    const result = await client.listExercises()
    expect(result.total).toBe(8)
    expect(names(result.items)).toEqual([...names(result.items)].sort((a, b) => a.localeCompare(b)))
  })

  it('pages', async () => {
    const all = await client.listExercises()
    const page2 = await client.listExercises({page: 2, pageSize: 3})
    expect(page2.total).toBe(8)
    expect(page2.items.map((e) => e._id)).toEqual(all.items.slice(3, 6).map((e) => e._id))
    await expect(client.listExercises({pageSize: 0})).rejects.toThrow('pageSize must be an integer from 1 to 100, received 0')
  })

  it('filters by muscle, equipment, category and search', async () => {
    const byMuscle = await client.listExercises({muscle: 'hamstrings'})
    expect(byMuscle.items.every((e) => e.name)).toBe(true)
    expect(names(byMuscle.items)).toContain('Reverse hyperextension')
    expect(byMuscle.total).toBe(byMuscle.items.length)
    expect(names((await client.listExercises({equipment: 'exercise-ball'})).items)).toEqual(['Reverse hyperextension'])
    const rehab = await client.listExercises({category: 'rehabilitation'})
    expect(names(rehab.items)).toEqual(['Back hyperextension', 'Reverse hyperextension'])
    expect(names((await client.listExercises({search: 'reverse hyp'})).items)).toEqual(['Reverse hyperextension'])
    expect(names((await client.listExercises({search: 'rack pulls'})).items)).toEqual(['Rack pull'])
    expect((await client.listExercises({search: 'zumba'})).total).toBe(0)
  })
})

describe('exercisesForEquipment', () => {
  it('finds exercises with a setup that needs only the given equipment', async () => {
    expect(names(await client.exercisesForEquipment(['exercise-ball']))).toEqual(['Reverse hyperextension'])
    expect(names(await client.exercisesForEquipment(['hyperextension-bench']))).toContain('Back hyperextension')
    expect(names(await client.exercisesForEquipment(['hyperextension-bench']))).not.toContain('Reverse hyperextension')
    expect(await client.exercisesForEquipment([])).toEqual([])
  })
})

describe('relatedExercises', () => {
  it('returns typed edges, optionally of one relation', async () => {
    const all = await client.relatedExercises('reverse-hyperextension')
    expect(all?.related?.map((r) => [r.relation, r.exercise?.name])).toEqual([
      ['complements', 'Rack pull'],
      ['complements', 'Good morning'],
      ['complements', 'Squat'],
      ['complements', 'Stiff-leg deadlift'],
      ['complements', 'Leg press'],
    ])
    expect((await client.relatedExercises('reverse-hyperextension', 'progression'))?.related).toEqual([])
    expect(await client.relatedExercises('no-such-exercise')).toBeNull()
    await expect(client.relatedExercises('squat', 'harder' as never)).rejects.toThrow('relation must be one of')
  })
})

describe('getArticle', () => {
  it.each(ARTICLE_SLUGS)('returns %s with its body embeds resolved', async (slug) => {
    const article = await client.getArticle(slug)
    expect(article?.slug).toBe(slug)
    expect(article?.body.length).toBeGreaterThan(5)
    for (const block of article?.body ?? []) {
      if (block._type === 'exerciseEmbed') expect(block.exercise?._id).toMatch(/^exercise-/)
      if (block._type === 'disclaimerCallout') expect(block.disclaimer?.body.length).toBeGreaterThan(0)
      if (block._type === 'prescriptionTable') expect(block.prescriptions.length).toBeGreaterThan(0)
    }
  })

  it('carries the author with credentials and the image metadata', async () => {
    const article = await client.getArticle('back-hyperextensions')
    expect(article?.author?.name).toBe('Mike Samuels')
    expect(article?.author?.credentials?.map((c) => c.kind)).toContain('qualification')
    expect(article?.heroImage?.credit).toBe('DeanDrobot/iStock/Getty Images')
    expect(article?.heroImage?.asset?.width).toBeGreaterThan(0)
    expect(article?.heroImage?.asset?._id).toMatch(/^image-/)
  })

  it('carries disclaimers', async () => {
    const article = await client.getArticle('leg-training-reverse-hyperextensions')
    expect(article?.disclaimers?.map((d) => d.kind)).toContain('medical')
  })
})

describe('listArticles', () => {
  it('filters by kind, exercise and author', async () => {
    const all = await client.listArticles()
    expect(all.total).toBe(3)
    expect((await client.listArticles({kind: 'equipment-spotlight'})).items.map((a) => a.slug)).toEqual([
      'the-reverse-hyperextension-machine',
    ])
    expect((await client.listArticles({author: 'mike-samuels'})).items.map((a) => a.slug)).toEqual(['back-hyperextensions'])
    const byExercise = (await client.listArticles({exercise: 'reverse-hyperextension'})).items.map((a) => a.slug).sort()
    expect(byExercise).toEqual(['leg-training-reverse-hyperextensions', 'the-reverse-hyperextension-machine'])
    expect((await client.listArticles({page: 2, pageSize: 2})).items).toHaveLength(1)
  })
})

describe('getPerson', () => {
  it('returns credentials and articles', async () => {
    const person = await client.getPerson('mike-samuels')
    expect(person?.credentials?.map((c) => c.title)).toEqual(
      expect.arrayContaining(['Personal trainer', 'Sports massage therapist', 'Corrective exercise specialist']),
    )
    expect(person?.articles.map((a) => a.slug)).toEqual(['back-hyperextensions'])
    expect(await client.getPerson('nobody')).toBeNull()
  })
})

describe('getClub', () => {
  it('returns the inventory and the exercises it supports', async () => {
    const club = await client.getClub('new-milford-fitness-aquatics-club')
    expect(club?.equipment?.map((i) => i.equipment?.slug)).toEqual(['reverse-hyperextension-machine'])
    expect(club?.equipment?.[0]?.acquisition).toBe('purchased')
    expect(names(club?.exercises ?? [])).toEqual(names(await client.exercisesForEquipment(['reverse-hyperextension-machine'])))
    expect(names(club?.exercises ?? [])).toEqual(['Reverse hyperextension'])
  })
})
