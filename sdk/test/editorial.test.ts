// Editorial-only fields (support/editorial-only.ts) never reach readers: for the seed content,
// their values appear in no raw query result, no parsed SDK result and no rendered output.
import * as fs from 'node:fs'
import {createElement as h} from 'react'
import {renderToStaticMarkup} from 'react-dom/server'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SpawnedLake} from '../../lake/src/testing.ts'
import {schema} from '../../schemas/test/support.ts'
import {articleToHtml, exerciseGuideHtml} from '../src/html/index.ts'
import * as sdk from '../src/index.ts'
import type {ExerciseClient, ImageConfig, QueryDefinition} from '../src/index.ts'
import {articleJsonLd, exerciseJsonLd} from '../src/jsonld/index.ts'
import {articleToMarkdown} from '../src/markdown/index.ts'
import {ArticleView, ExerciseGuide} from '../src/react/index.ts'
import {articleToText} from '../src/text/index.ts'
import {EDITORIAL_ONLY} from './support/editorial-only.ts'
import type {CompiledSchema, CompiledType} from './support/projected-fields.ts'
import {SEED, seededLake} from './support/lake.ts'

interface SeedDocument {
  _id: string
  _type: string
  slug?: {current?: string}
  [field: string]: unknown
}
const compiled = schema as unknown as CompiledSchema
const seed: SeedDocument[] = fs
  .readFileSync(SEED, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SeedDocument)
const slugsOf = (type: string) => seed.filter((d) => d._type === type && d.slug?.current).map((d) => d.slug!.current!)

/** The text of every editorial-only field in the seed, found by walking each document with its schema type. */
function editorialValues(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const texts = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(texts) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => (k.startsWith('_') ? [] : texts(v))) : []
  const walk = (value: unknown, type: CompiledType | undefined): void => {
    if (!type || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) {
        const itemType = (item as {_type?: string})?._type
        walk(item, type.of?.find((m) => m.name === itemType) ?? (type.of?.length === 1 ? type.of[0] : undefined))
      }
      return
    }
    const named = compiled.get(type.name) ?? type
    for (const field of named.fields ?? []) {
      const fieldValue = (value as Record<string, unknown>)[field.name]
      if (fieldValue === undefined) continue
      const key = `${named.name}.${field.name}`
      if (key in EDITORIAL_ONLY) found.set(key, [...(found.get(key) ?? []), ...texts(fieldValue).filter((t) => t.trim().length >= 8)])
      walk(fieldValue, field.type.jsonType === 'array' ? field.type : (compiled.get(field.type.name) ?? field.type))
    }
  }
  for (const document of seed) walk(document, compiled.get(document._type))
  return found
}

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
