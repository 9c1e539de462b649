// Client configuration, draft preview and result validation against a real lake process.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SpawnedLake} from '@spotter/lake/testing'
import {createExerciseClient, ExerciseClientConfigError, ResultMismatchError} from '../src/index.ts'
import {seededLake} from './support/lake.ts'

let lake: SpawnedLake
beforeAll(async () => {
  ;({lake} = await seededLake())
  // A draft of a published exercise, and a published exercise whose shape is broken.
  await lake
    .client()
    .transaction()
    .createOrReplace({
      _id: 'drafts.exercise-squat',
      _type: 'exercise',
      name: 'Squat (draft)',
      slug: {_type: 'slug', current: 'squat'},
      category: 'strength',
    })
    .createOrReplace({
      _id: 'exercise-broken',
      _type: 'exercise',
      name: 'Broken',
      slug: {_type: 'slug', current: 'broken'},
      category: 'juggling',
      steps: [
        {_key: 'a', _type: 'step', instruction: 'One'},
        {_key: 'b', _type: 'step', instruction: 'Two'},
        {_key: 'c', _type: 'step', instruction: null},
      ],
    })
    .commit()
})
afterAll(async () => lake?.stop())

const config = () => ({projectId: lake.projectId, dataset: lake.dataset, apiHost: lake.url})

describe('perspectives', () => {
  it('reads published content by default, even with a token', async () => {
    const client = createExerciseClient({...config(), token: lake.readToken})
    expect(client.perspective).toBe('published')
    expect((await client.getExercise('squat'))?.name).toBe('Squat')
  })

  it('previews drafts with a token', async () => {
    const client = createExerciseClient({...config(), token: lake.readToken, perspective: 'drafts'})
    expect((await client.getExercise('squat'))?.name).toBe('Squat (draft)')
  })

  it('refuses draft preview without a token', () => {
    expect(() => createExerciseClient({...config(), perspective: 'drafts'})).toThrow(ExerciseClientConfigError)
    expect(() => createExerciseClient({...config(), perspective: 'drafts'})).toThrow('perspective "drafts" needs a token')
    expect(() => createExerciseClient({...config(), perspective: 'raw' as never})).toThrow('perspective must be "published" or "drafts"')
  })

  it('wraps an existing SanityClient without changing it', async () => {
    const sanity = lake.client({token: lake.readToken, perspective: 'raw'})
    const client = createExerciseClient({client: sanity, perspective: 'drafts'})
    expect((await client.getExercise('squat'))?.name).toBe('Squat (draft)')
    expect(sanity.config().perspective).toBe('raw')
    const published = createExerciseClient({client: sanity})
    expect((await published.getExercise('squat'))?.name).toBe('Squat')
  })

  it('points image URLs at the lake', () => {
    const client = createExerciseClient(config())
    expect(client.images).toEqual({projectId: lake.projectId, dataset: lake.dataset, baseUrl: lake.url})
  })
})

describe('hosted configuration', () => {
  it('targets the project hostname and the CDN for anonymous published reads', () => {
    const client = createExerciseClient({projectId: 'abc123', dataset: 'production'})
    const config = client.sanity.config()
    expect(config.url).toBe('https://abc123.api.sanity.io/v2025-02-19')
    expect(config.useCdn).toBe(true)
    expect(config.perspective).toBe('published')
    expect(client.images).toEqual({projectId: 'abc123', dataset: 'production'})
  })

  it('never uses the CDN for drafts or with a token unless asked', () => {
    expect(
      createExerciseClient({projectId: 'abc123', dataset: 'production', token: 't', perspective: 'drafts', useCdn: true}).sanity.config()
        .useCdn,
    ).toBe(false)
    expect(createExerciseClient({projectId: 'abc123', dataset: 'production', token: 't'}).sanity.config().useCdn).toBe(false)
  })

  it('names a missing setting', () => {
    expect(() => createExerciseClient({projectId: '', dataset: 'production'})).toThrow('projectId is required')
    expect(() => createExerciseClient({projectId: 'abc123', dataset: ''})).toThrow('dataset is required')
  })
})

describe('result validation', () => {
  it('throws a typed error listing every problem with its path', async () => {
    const client = createExerciseClient(config())
    const error = await client.getExercise('broken').then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(ResultMismatchError)
    const mismatch = error as ResultMismatchError
    expect(mismatch.query).toBe('getExercise')
    expect(mismatch.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'exercise.category: expected "strength" | "hypertrophy" | "mobility" | "stability" | "conditioning" | "rehabilitation", received string',
      'exercise.steps[2].instruction: expected string, received null',
    ])
    expect(mismatch.message).toContain('exercise.category: expected "strength"')
    expect(mismatch.message).toContain('("juggling")')
  })

  it('fails list queries the same way, naming the item', async () => {
    const client = createExerciseClient(config())
    await expect(client.listExercises({search: 'broken'})).rejects.toThrow(/result\.items\[0\]\.category: expected/)
  })
})
