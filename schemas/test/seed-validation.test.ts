// Every seed document, as the lake returns it after importing seed/spotter.ndjson (so images
// carry real asset references), passes its type's rules under Sanity's own document validation,
// custom rules included (they query the lake through the real client).
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../../lake/src/testing.ts'
import {describeMarkers, SEED_FILE, seedIds, validate} from './support.ts'

let lake: SpawnedLake
let docs: Record<string, unknown>[]

beforeAll(async () => {
  lake = await spawnLake({seed: SEED_FILE})
  docs = await lake.client().fetch('*[_id in $ids] | order(_id asc)', {ids: seedIds})
})

afterAll(async () => {
  await lake?.stop()
})

describe('seed documents under Sanity document validation', () => {
  it('the lake holds every seed document', () => {
    expect(docs.map((d) => d._id).sort()).toEqual([...seedIds].sort())
  })

  it('images come back with real asset references', () => {
    const article = docs.find((d) => d._id === 'article.back-hyperextensions') as {heroImage?: {asset?: {_ref?: string}; _sanityAsset?: string}}
    expect(article.heroImage?._sanityAsset).toBeUndefined()
    expect(article.heroImage?.asset?._ref).toMatch(/^image-[0-9a-f]+-48x32-png$/)
  })

  it('every seed document passes', async () => {
    const failures: string[] = []
    for (const doc of docs) {
      const result = await validate(lake.client(), doc)
      if (result.status !== 'passed') failures.push(`${String(doc._id)} (${result.status}): ${describeMarkers(result.markers).join('; ')}`)
    }
    expect(failures).toEqual([])
  })
})
