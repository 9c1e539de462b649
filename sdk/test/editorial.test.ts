// Editorial-only fields (support/editorial-only.ts) never reach readers: for the seed content,
// their values appear in no raw query result, no parsed SDK result and no rendered output.
import {createElement as h} from 'react'
import {renderToStaticMarkup} from 'react-dom/server'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SpawnedLake} from '@spotter/lake/testing'
import {articleToHtml, exerciseGuideHtml} from '../src/html/index.ts'
import * as sdk from '../src/index.ts'
import type {ExerciseClient, ImageConfig, QueryDefinition} from '../src/index.ts'
import {articleJsonLd, exerciseJsonLd} from '../src/jsonld/index.ts'
import {articleToMarkdown} from '../src/markdown/index.ts'
import {ArticleView, ExerciseGuide} from '../src/react/index.ts'
import {articleToText} from '../src/text/index.ts'
import {editorialValues, slugsOf} from './support/editorial-only.ts'
import {seededLake} from './support/lake.ts'

const images: ImageConfig = {projectId: 'spotter', dataset: 'production'}
let lake: SpawnedLake
let client: ExerciseClient
beforeAll(async () => {
  ;({lake, client} = await seededLake())
})
afterAll(async () => lake?.stop())

/** Every SDK query, run for every seed document it can show, with its input. */
function runs(): Array<[QueryDefinition<unknown, object, never>, unknown]> {
  const d = sdk as unknown as Record<string, QueryDefinition<unknown, object, never>>
  return [
    ...slugsOf('exercise').flatMap((slug) => [[d.getExercise!, slug] as const, [d.relatedExercises!, {slug}] as const]),
    ...slugsOf('article').map((slug) => [d.getArticle!, slug] as const),
    ...slugsOf('person').map((slug) => [d.getPerson!, slug] as const),
    ...slugsOf('club').map((slug) => [d.getClub!, slug] as const),
    [d.listExercises!, {pageSize: 100}],
    [d.listArticles!, {pageSize: 100}],
    [d.exercisesForEquipment!, slugsOf('equipment')],
  ] as Array<[QueryDefinition<unknown, object, never>, unknown]>
}

describe('editorial-only fields', () => {
  const values = editorialValues()
  const all = [...values.values()].flat()

  it('are in the seed (so the checks below can fail)', () => {
    expect([...values.keys()].sort()).toEqual(['citation.sourceNote', 'disclaimer.title'])
    expect(all.length).toBeGreaterThanOrEqual(4)
  })

  const leaks = (label: string, output: string) => all.filter((value) => output.includes(value)).map((value) => `${label}: ${value}`)

  it('are in no raw result of any SDK query, and in no parsed result', async () => {
    const found: string[] = []
    for (const [definition, input] of runs()) {
      const label = `${definition.name}(${JSON.stringify(input)})`
      const raw = await client.sanity.fetch(definition.query, definition.params(input) as Record<string, unknown>)
      expect(raw, label).not.toBeNull()
      found.push(...leaks(`${label} raw`, JSON.stringify(raw)))
      found.push(...leaks(label, JSON.stringify(await client.run(definition, input))))
    }
    expect(found).toEqual([])
  })

  it('are in no rendered output of any seed article or exercise', async () => {
    const found: string[] = []
    for (const slug of slugsOf('article')) {
      const article = (await client.getArticle(slug))!
      found.push(...leaks(`${slug} React`, renderToStaticMarkup(h(ArticleView, {article, images}))))
      found.push(...leaks(`${slug} HTML`, articleToHtml(article, {images})))
      found.push(...leaks(`${slug} text`, articleToText(article)))
      found.push(...leaks(`${slug} Markdown`, articleToMarkdown(article, {images})))
      found.push(...leaks(`${slug} JSON-LD`, JSON.stringify(articleJsonLd(article, {images}))))
    }
    for (const slug of slugsOf('exercise')) {
      const exercise = (await client.getExercise(slug))!
      found.push(...leaks(`${slug} React`, renderToStaticMarkup(h(ExerciseGuide, {exercise, images}))))
      found.push(...leaks(`${slug} HTML`, exerciseGuideHtml(exercise, images)))
      found.push(...leaks(`${slug} JSON-LD`, JSON.stringify(exerciseJsonLd(exercise, {images}))))
    }
    expect(found).toEqual([])
  })
})
