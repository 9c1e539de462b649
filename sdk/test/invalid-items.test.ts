// Drafts preview must survive one half-finished draft: list queries leave it out and report it,
// while the published perspective stays strict and single-document queries keep throwing.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {createExerciseClient, ResultMismatchError} from '../src/index.ts'
import {SEED} from './support/lake.ts'

let lake: SpawnedLake
beforeAll(async () => {
  lake = await spawnLake({seed: SEED})
  // A new exercise draft with a name and a no-equipment setup but no category yet (the model requires one).
  await lake.client().create({
    _id: 'drafts.exercise-half-finished',
    _type: 'exercise',
    name: 'Aaa half-finished',
    slug: {_type: 'slug', current: 'half-finished'},
    setups: [{_key: 'floor', _type: 'setup', name: 'Floor'}],
  })
})
afterAll(async () => lake?.stop())

const draftsClient = (reported: ResultMismatchError[]) =>
  createExerciseClient({
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiHost: lake.url,
    token: lake.readToken,
    perspective: 'drafts',
    onInvalidItem: (e) => reported.push(e),
  })

describe('drafts perspective: invalid list items', () => {
  it('listExercises leaves out the draft without a category, returns the others and reports the field', async () => {
    const reported: ResultMismatchError[] = []
    const result = await draftsClient(reported).listExercises({pageSize: 100})
    expect(result.items.map((e) => e.name)).not.toContain('Aaa half-finished')
    expect(result.items.map((e) => e.slug)).toEqual(expect.arrayContaining(['deadlift', 'squat', 'reverse-hyperextension']))
    expect(result.items).toHaveLength(8)
    // total is the query's count: the left-out draft is still counted.
    expect(result.total).toBe(9)
    expect(reported).toHaveLength(1)
    expect(reported[0]).toBeInstanceOf(ResultMismatchError)
    expect(reported[0]!.query).toBe('listExercises')
    expect(reported[0]!.problems.map((p) => p.path)).toEqual(['result.items[0].category'])
  })

  it("exercisesForEquipment and the club's exercises skip it too; getExercise still throws", async () => {
    const reported: ResultMismatchError[] = []
    const client = draftsClient(reported)
    const free = await client.exercisesForEquipment([])
    expect(free.map((e) => e.slug)).not.toContain('half-finished')
    expect(reported.map((e) => e.problems[0]?.path)).toContain('exercises[0].category')
    const club = await client.getClub('new-milford-fitness-aquatics-club')
    expect(club?.exercises.length).toBeGreaterThan(0)
    expect(reported.map((e) => e.query)).toContain('getClub')
    await expect(client.getExercise('half-finished')).rejects.toThrow('exercise.category: expected')
  })

  it('defaults to a development warning', async () => {
    const warnings: string[] = []
    const original = console.warn
    console.warn = (message: string) => void warnings.push(message)
    try {
      const client = createExerciseClient({
        projectId: lake.projectId,
        dataset: lake.dataset,
        apiHost: lake.url,
        token: lake.readToken,
        perspective: 'drafts',
      })
      await client.listExercises()
    } finally {
      console.warn = original
    }
    expect(warnings.join('\n')).toContain('result.items[0].category')
  })
})

describe('published perspective stays strict', () => {
  it('an invalid published exercise makes listExercises throw', async () => {
    const reported: ResultMismatchError[] = []
    const client = createExerciseClient({
      projectId: lake.projectId,
      dataset: lake.dataset,
      apiHost: lake.url,
      onInvalidItem: (e) => reported.push(e),
    })
    expect((await client.listExercises()).total).toBe(8)
    await lake.client().create({_id: 'exercise-broken', _type: 'exercise', name: 'Aaa broken', slug: {_type: 'slug', current: 'broken'}})
    try {
      await expect(client.listExercises()).rejects.toThrow(ResultMismatchError)
      await expect(client.listExercises()).rejects.toThrow('result.items[0].category')
      expect(reported).toHaveLength(0)
    } finally {
      await lake.client().delete('exercise-broken')
    }
  })
})
