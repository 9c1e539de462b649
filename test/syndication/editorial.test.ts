// Partners get what readers get: no editorial-only field of the seed (a citation's source note,
// a disclaimer's internal title) is in any feed item the service builds.
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {editorialValues} from '../../sdk/test/support/editorial-only.ts'
import {ArticleSource} from '../../syndication/src/articles.ts'

let lake: SpawnedLake
let source: ArticleSource
beforeAll(async () => {
  lake = await spawnLake({seed: path.resolve(import.meta.dirname, '../../seed/spotter.ndjson')})
  source = new ArticleSource({
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiHost: lake.url,
    canonicalBaseUrl: 'https://spotter.example/articles/',
  })
})
afterAll(async () => lake?.stop())

describe('syndicated items', () => {
  it('carry no editorial-only value of the seed', async () => {
    const values = [...editorialValues().values()].flat()
    expect(values.length).toBeGreaterThanOrEqual(4)
    const built = await source.build(await source.allArticleIds())
    const items = built.flatMap((b) => (b.content ? [b.content] : []))
    expect(items.length).toBe(built.length)
    const json = JSON.stringify(items)
    expect(values.filter((value) => json.includes(value))).toEqual([])
  })
})
