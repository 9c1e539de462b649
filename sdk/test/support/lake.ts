// One lake process per test file, seeded with the repository's seed content.
import * as path from 'node:path'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {createExerciseClient, type ExerciseClient} from '../../src/index.ts'

export const SEED = path.resolve(import.meta.dirname, '../../../seed/spotter.ndjson')
export const ARTICLE_SLUGS = ['leg-training-reverse-hyperextensions', 'back-hyperextensions', 'the-reverse-hyperextension-machine'] as const

export async function seededLake(): Promise<{lake: SpawnedLake; client: ExerciseClient}> {
  const lake = await spawnLake({seed: SEED})
  const client = createExerciseClient({projectId: lake.projectId, dataset: lake.dataset, apiHost: lake.url})
  return {lake, client}
}
