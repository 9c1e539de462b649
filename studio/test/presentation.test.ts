// The Presentation tool's configuration: which club-site pages show a document (the locations
// resolver, its GROQ run on a seeded lake) and which document each route shows (mainDocuments'
// filters, run on the same lake), plus the preview URL settings.
import * as path from 'node:path'
import {firstValueFrom, from} from 'rxjs'
import type {DocumentLocationsState} from 'sanity/presentation'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {resolveStudioEnvironment} from '../src/environment.ts'
import {locations} from '../src/presentation/locations.ts'
import {mainDocuments} from '../src/presentation/main-documents.ts'

let lake: SpawnedLake
beforeAll(async () => {
  lake = await spawnLake({seed: path.resolve(import.meta.dirname, '../../seed/spotter.ndjson')})
})
afterAll(async () => lake?.stop())

/** The resolver as Presentation calls it, its document store's listenQuery answered by the lake. */
async function locate(id: string, type: string): Promise<DocumentLocationsState | null | undefined> {
  const documentStore = {
    listenQuery: (query: string, params: Record<string, unknown>, options: {perspective?: unknown}) =>
      from(lake.client().fetch(query, params, {perspective: options.perspective as 'drafts'})),
  }
  const result = locations({id, type, version: undefined, perspectiveStack: ['drafts']}, {documentStore} as never)
  return result && 'subscribe' in result ? firstValueFrom(result) : result
}

const hrefs = (state: DocumentLocationsState | null | undefined) => state?.locations?.map((l) => l.href)

describe('locations', () => {
  it('an exercise: its page, the exercise index, the articles embedding it, its equipment pages', async () => {
    const state = await locate('exercise-reverse-hyperextension', 'exercise')
    expect(state?.locations?.[0]).toEqual({title: 'Reverse hyperextension', href: '/exercises/reverse-hyperextension'})
    expect(hrefs(state)).toEqual(
      expect.arrayContaining([
        '/exercises',
        '/articles/leg-training-reverse-hyperextensions',
        '/articles/the-reverse-hyperextension-machine',
        '/equipment/reverse-hyperextension-machine',
      ]),
    )
    expect(new Set(hrefs(state)).size).toBe(hrefs(state)!.length)
  })

  it('an article: its page, the article index, and the exercise that cites it as a prescription source', async () => {
    expect(hrefs(await locate('article-back-hyperextensions', 'article'))).toEqual([
      '/articles/back-hyperextensions',
      '/articles',
      '/exercises/back-hyperextension',
    ])
  })

  it('a person: their page and the articles they wrote or reviewed', async () => {
    const state = await locate('person-mike-samuels', 'person')
    expect(hrefs(state)?.[0]).toMatch(/^\/people\//)
    expect(hrefs(state)?.some((h) => h.startsWith('/articles/'))).toBe(true)
  })

  it('the club: the home page, what you can do at the club, then the articles it publishes and its people', async () => {
    const found = hrefs(await locate('club-new-milford-fitness-aquatics', 'club'))!
    expect(found.slice(0, 2)).toEqual(['/', '/club'])
    expect(found.slice(2).length).toBeGreaterThan(0)
    expect(found.slice(2).sort()).toEqual(['/articles/the-reverse-hyperextension-machine', expect.stringMatching(/^\/people\//)])
  })

  it('a muscle has no page of its own: the exercises that work it', async () => {
    const state = await locate('muscle-hamstrings', 'muscle')
    expect(hrefs(state)?.length).toBeGreaterThan(0)
    expect(hrefs(state)!.every((h) => h.startsWith('/exercises/') || h.startsWith('/articles/'))).toBe(true)
  })

  it('a document no page shows says so', async () => {
    expect(await locate('no-such-document', 'exercise')).toBeNull()
  })
})

describe('mainDocuments', () => {
  it("each detail route's filter finds the seed document with that slug", async () => {
    const cases: Array<[string, string]> = [
      ['/exercises/:slug', 'reverse-hyperextension'],
      ['/articles/:slug', 'back-hyperextensions'],
      ['/equipment/:slug', 'reverse-hyperextension-machine'],
    ]
    for (const [route, slug] of cases) {
      const resolver = mainDocuments.find((d) => d.route === route) as {filter: string}
      const found = await lake.client().fetch<Array<{slug: string}>>(`*[${resolver.filter}]{"slug": slug.current}`, {slug})
      expect(found, route).toEqual([{slug}])
    }
  })

  it('the home page and /club show the club', () => {
    expect(mainDocuments.find((d) => Array.isArray(d.route) && d.route.includes('/club'))).toMatchObject({
      route: ['/', '/club'],
      type: 'club',
    })
  })
})

describe('preview URL', () => {
  it('comes from the runtime config or SANITY_STUDIO_PREVIEW_URL, without a trailing slash', () => {
    expect(resolveStudioEnvironment({runtimeLake: {url: 'https://localhost:3030', previewUrl: 'http://localhost:3100/'}})).toMatchObject({
      previewUrl: 'http://localhost:3100',
    })
    expect(
      resolveStudioEnvironment({SANITY_STUDIO_PROJECT_ID: 'ab12cd34', SANITY_STUDIO_PREVIEW_URL: 'https://club.example.org'}),
    ).toMatchObject({mode: 'hosted', previewUrl: 'https://club.example.org'})
  })

  it('refuses a preview URL that is not http(s), naming the variable', () => {
    expect(() => resolveStudioEnvironment({SANITY_STUDIO_PROJECT_ID: 'ab12cd34', SANITY_STUDIO_PREVIEW_URL: 'club.example.org'})).toThrow(
      /SANITY_STUDIO_PREVIEW_URL "club.example.org" is not an http\(s\) URL/,
    )
  })
})
