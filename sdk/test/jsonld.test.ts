// JSON-LD of the seed articles (and of a variant with every optional part filled in): every
// property must exist on its schema.org type, per the committed list extracted from schema-dts.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SpawnedLake} from '@spotter/lake/testing'
import type {ArticleResult, ImageConfig} from '../src/index.ts'
import {articleJsonLd, exerciseJsonLd, jsonLdScript, type JsonLdNode} from '../src/jsonld/index.ts'
import {ARTICLE_SLUGS, seededLake} from './support/lake.ts'

const PROPERTIES: Record<string, string[]> = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'fixtures/schema-org-properties.json'), 'utf8'),
)
const images: ImageConfig = {projectId: 'spotter', dataset: 'production'}

let lake: SpawnedLake
const articles: ArticleResult[] = []
beforeAll(async () => {
  const seeded = await seededLake()
  lake = seeded.lake
  for (const slug of ARTICLE_SLUGS) articles.push((await seeded.client.getArticle(slug))!)
})
afterAll(async () => lake?.stop())

/** Every `Type.property` used anywhere in the graph that schema.org does not define. */
function unknownProperties(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => unknownProperties(n, out))
  else if (node && typeof node === 'object') {
    const type = (node as JsonLdNode)['@type']
    const allowed = typeof type === 'string' ? PROPERTIES[type] : undefined
    if (typeof type !== 'string' || !allowed) out.push(`unknown type ${JSON.stringify(type)}`)
    for (const [key, value] of Object.entries(node)) {
      if (key === '@context' || key === '@type') continue
      if (!allowed?.includes(key)) out.push(`${String(type)}.${key}`)
      unknownProperties(value, out)
    }
  }
  return out
}

/** A seed article with the optional parts the seed leaves empty filled in. */
function fullyLoaded(article: ArticleResult): ArticleResult {
  const reviewer = articles.find((a) => a.author)!.author!
  return {
    ...article,
    givesHealthAdvice: true,
    reviewer: {
      ...reviewer,
      credentials: [
        {
          _key: 'k',
          kind: 'licence',
          title: 'Physiotherapist',
          subjects: null,
          issuingBody: 'HCPC',
          year: 2015,
          verificationUrl: 'https://example.com/verify/1',
        },
      ],
    },
    lastReviewedAt: '2024-05-01',
    canonicalUrl: 'https://example.com/articles/x',
    syndication: {licence: 'cc-by-4.0', attributionText: 'Spotter', allowedPartners: null},
    heroImage: {
      alt: 'Alt',
      caption: null,
      credit: 'Agency',
      licence: 'stock',
      copyrightHolder: 'Agency Ltd',
      crop: null,
      hotspot: null,
      asset: {_id: 'image-abc-100x50-png', url: 'https://cdn.example/abc.png', width: 100, height: 50, lqip: null},
    },
  }
}

describe('articleJsonLd', () => {
  it('uses only schema.org properties for every seed article', () => {
    for (const article of articles) expect(unknownProperties(articleJsonLd(article, {images}))).toEqual([])
  })

  it('uses only schema.org properties when every optional part is present', () => {
    for (const article of articles) expect(unknownProperties(articleJsonLd(fullyLoaded(article), {images}))).toEqual([])
  })

  it('describes the author with credentials, the review, the steps and the plan', () => {
    const article = articles.find((a) => a.slug === 'back-hyperextensions')!
    const ld = articleJsonLd(fullyLoaded(article), {images}) as Record<string, any>
    expect(ld['@type']).toBe('MedicalWebPage')
    expect(ld.author['@type']).toBe('Person')
    expect(ld.author.hasCredential.map((c: JsonLdNode) => c.name)).toContain('Personal trainer')
    expect(ld.reviewedBy.hasCredential[0]).toMatchObject({
      '@type': 'EducationalOccupationalCredential',
      name: 'Physiotherapist',
      url: 'https://example.com/verify/1',
    })
    expect(ld.lastReviewed).toBe('2024-05-01')
    expect(ld.license).toBe('https://creativecommons.org/licenses/by/4.0/')
    expect(ld.image).toMatchObject({
      '@type': 'ImageObject',
      creditText: 'Agency',
      copyrightHolder: {'@type': 'Organization', name: 'Agency Ltd'},
      license: {'@type': 'CreativeWork'},
    })
    const howTo = ld.about[0]
    expect(howTo['@type']).toBe('HowTo')
    const plan = howTo.hasPart.find((p: JsonLdNode) => p.activityFrequency)
    expect(plan).toMatchObject({
      '@type': 'ExercisePlan',
      repetitions: {'@type': 'QuantitativeValue', minValue: 10, maxValue: 10},
      activityFrequency: '2 times per week',
    })
  })

  it("lists an embedded exercise's steps as HowToSteps", () => {
    const article = articles.find((a) => a.slug === 'leg-training-reverse-hyperextensions')!
    const howTo = (articleJsonLd(article, {images}) as Record<string, any>).about[0]
    expect(howTo.name).toBe('Reverse hyperextension')
    expect(howTo.step.map((s: JsonLdNode) => s.position)).toEqual([1, 2, 3, 4, 5])
    expect(howTo.step[0].text).toMatch(/^Lie face down/)
    expect(howTo.tool.map((t: JsonLdNode) => t.name)).toContain('Exercise ball')
  })

  it('describes an exercise page as a HowTo with only schema.org properties', () => {
    const guide = articles.flatMap((a) => a.body).flatMap((b) => (b._type === 'exerciseEmbed' ? [b.exercise] : []))[0]!
    const ld = exerciseJsonLd({...guide, author: articles.find((a) => a.author)!.author}, {images, url: 'https://example.com/exercises/x'})
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'HowTo',
      url: 'https://example.com/exercises/x',
      author: {'@type': 'Person'},
    })
    expect(unknownProperties(ld)).toEqual([])
  })

  it('is an Article without medical review fields when the content is not health advice', () => {
    const article = {
      ...articles[0]!,
      givesHealthAdvice: false,
      disclaimers: [],
      reviewer: articles.find((a) => a.author)!.author,
      lastReviewedAt: '2024-01-01',
    }
    const ld = articleJsonLd(article, {images})
    expect(ld['@type']).toBe('Article')
    expect(ld).not.toHaveProperty('reviewedBy')
    expect(ld).not.toHaveProperty('lastReviewed')
  })

  it('serializes into a script element nothing can break out of', () => {
    const article = {...articles[0]!, title: '</script><script>alert(1)</script>', excerpt: '<!-- \u2028 & -->'}
    const script = jsonLdScript(articleJsonLd(article, {images}))
    expect(script.match(/<\/script/gi)).toHaveLength(1)
    const json = script.slice('<script type="application/ld+json">'.length, -'</script>'.length)
    expect(json).not.toMatch(/[<>\u2028]/)
    expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script>')
  })
})
