// The three seed articles, fetched from a lake, rendered by every output and pinned by committed
// fixtures. Regenerate deliberately with UPDATE_FIXTURES=1; a missing or different fixture fails.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {createElement as h} from 'react'
import {renderToStaticMarkup} from 'react-dom/server'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SpawnedLake} from '@spotter/lake/testing'
import {articleToHtml, escapeHtml} from '../src/html/index.ts'
import {escapeMarkdown} from '../src/portable-text/escape.ts'
import type {ArticleResult, ImageConfig} from '../src/index.ts'
import {articleJsonLd} from '../src/jsonld/index.ts'
import {articleToMarkdown} from '../src/markdown/index.ts'
import {ArticleView} from '../src/react/index.ts'
import {articleToText} from '../src/text/index.ts'
import {ARTICLE_SLUGS, seededLake} from './support/lake.ts'
import {reactAsHtml} from './support/markup.ts'

const FIXTURES = path.join(import.meta.dirname, 'fixtures/articles')
const UPDATE = process.env.UPDATE_FIXTURES === '1'
// Hosted-CDN image URLs, so fixtures do not depend on the lake's port.
const images: ImageConfig = {projectId: 'spotter', dataset: 'production'}

let lake: SpawnedLake
const articles = new Map<string, ArticleResult>()
beforeAll(async () => {
  const seeded = await seededLake()
  lake = seeded.lake
  for (const slug of ARTICLE_SLUGS) {
    const article = await seeded.client.getArticle(slug)
    if (!article) throw new Error(`seed article ${slug} missing`)
    articles.set(slug, article)
  }
})
afterAll(async () => lake?.stop())

function matchFixture(name: string, actual: string): void {
  const file = path.join(FIXTURES, name)
  if (UPDATE) {
    fs.mkdirSync(FIXTURES, {recursive: true})
    fs.writeFileSync(file, actual)
    return
  }
  if (!fs.existsSync(file)) throw new Error(`fixture ${name} is missing: run with UPDATE_FIXTURES=1 to create it, then review it`)
  expect(actual, `differs from fixture ${name} (UPDATE_FIXTURES=1 regenerates it)`).toBe(fs.readFileSync(file, 'utf8'))
}

/** Pretty-printing for reviewable fixtures: one element per line. */
const lines = (html: string) => `${html.replace(/></g, '>\n<')}\n`

const react = (article: ArticleResult) => renderToStaticMarkup(h(ArticleView, {article, images}))
const html = (article: ArticleResult) => articleToHtml(article, {images})

describe.each(ARTICLE_SLUGS)('%s', (slug) => {
  const article = () => articles.get(slug)!

  it('renders React markup matching its fixture', () => matchFixture(`${slug}.react.html`, lines(react(article()))))
  it('renders HTML matching its fixture', () => matchFixture(`${slug}.html`, lines(html(article()))))
  it('renders Markdown matching its fixture', () => matchFixture(`${slug}.md`, `${articleToMarkdown(article(), {images})}\n`))
  it('renders text matching its fixture', () => matchFixture(`${slug}.txt`, `${articleToText(article())}\n`))
  it('renders JSON-LD matching its fixture', () =>
    matchFixture(`${slug}.jsonld.json`, `${JSON.stringify(articleJsonLd(article(), {images}), null, 2)}\n`))

  it('opens every heading at most one level below the one before it, embeds included', () => {
    for (const markup of [react(article()), html(article())]) {
      const levels = [...markup.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]))
      expect(levels[0]).toBe(1)
      for (const [i, level] of levels.entries()) if (i > 0) expect(level, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1)
    }
  })

  it('renders the same markup from React and from the HTML entry', () => {
    expect(reactAsHtml(react(article()))).toBe(html(article()))
  })

  it('shows every correction and contraindication guidance of its full exercise guides in every output', () => {
    const guides = article().body.flatMap((b) => (b._type === 'exerciseEmbed' && b.display === 'full' ? [b.exercise] : []))
    const texts = guides
      .flatMap((g) => [...(g.commonMistakes ?? []).map((m) => m.correction), ...(g.contraindications ?? []).map((c) => c.guidance)])
      .filter((t): t is string => !!t)
    // The seed's one full guide (the reverse hyperextension) has both.
    if (guides.length) expect(texts.length).toBeGreaterThanOrEqual(2)
    for (const text of texts) {
      expect(react(article()).replaceAll('&#x27;', '&#39;')).toContain(escapeHtml(text))
      expect(html(article())).toContain(escapeHtml(text))
      expect(articleToText(article())).toContain(text)
      expect(articleToMarkdown(article(), {images})).toContain(escapeMarkdown(text))
    }
  })

  it('renders every block of the body and every image credit', () => {
    const out = html(article())
    const body = article().body
    const count = (type: string) => body.filter((b) => b._type === type).length
    expect(out.split('class="exercise-embed"').length - 1).toBe(body.filter((b) => b._type === 'exerciseEmbed' && b.exercise).length)
    expect(out.split('class="prescription-table"').length - 1).toBe(count('prescriptionTable'))
    expect(out.split('class="citation"').length - 1).toBe(count('citation'))
    expect(out.split('class="pull-quote"').length - 1).toBe(count('pullQuote'))
    expect(out.split('class="disclaimer-callout"').length - 1).toBe(count('disclaimerCallout'))
    expect(out.split('<img ').length - 1).toBe(out.split('<small class="credit">Credit: ').length - 1)
    for (const block of body) {
      if (block._type === 'block') {
        const text = (block.children ?? []).map((c) => c.text ?? '').join('')
        expect(articleToText(article())).toContain(text)
      }
    }
  })
})
