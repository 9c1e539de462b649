// The club site as readers, editors and crawlers meet it: its production build served by
// `next start` against a real seeded lake, over HTTP. Every page type shows the seed content,
// filters offer only values that find something, headings are in order and never over nothing,
// metadata is complete, draft mode is gated, a publish reaches the cached public page through the
// lake's webhook (no restart, no browser), and axe finds no serious accessibility problem.
import * as fs from 'node:fs'
import {createRequire} from 'node:module'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {launchBrowser, type TestBrowser} from '../../../test/e2e/support/browser.ts'
import {studioEditAttribute} from '@spotter/sdk'
import {shownPrescriptionFields, startSiteStack, type SiteStack} from './support/site.ts'

let stack: SiteStack
beforeAll(async () => {
  stack = await startSiteStack()
  // The seed states no dates and no reviewer for its articles (it invents nothing): an editor adds
  // them here, before any page is cached, so the byline has all it can show.
  await stack.lake
    .client()
    .patch('article-back-hyperextensions')
    .set({
      publishedAt: '2024-03-01T09:00:00Z',
      lastReviewedAt: '2025-01-15',
      reviewer: {_type: 'reference', _ref: 'person-louis-simmons'},
    })
    .commit()
}, 180_000)
afterAll(async () => {
  await stack?.close()
})

const url = (path: string) => stack.site.url + path
async function get(path: string, cookie?: string) {
  const res = await fetch(url(path), {headers: cookie ? {cookie} : {}, redirect: 'manual'})
  return {status: res.status, html: await res.text(), headers: res.headers}
}
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
const body = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<head>[\s\S]*?<\/head>/, '')
const text = (html: string) =>
  decode(
    body(html)
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  )
const h1 = (html: string) => decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '')
const meta = (html: string, key: string) =>
  decode(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1] ?? '') || undefined
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>)

/** Heading levels in document order; each one has text and is followed by content before the next heading of its level or above. */
function headings(html: string): Array<{level: number; text: string}> {
  return [...body(html).matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({level: Number(m[1]), text: text(m[2]!).trim()}))
}
function expectGoodHeadings(path: string, html: string): void {
  const list = headings(html)
  expect(list[0], `${path}: starts with an h1`).toMatchObject({level: 1})
  expect(
    list.filter((h) => h.level === 1),
    `${path}: one h1`,
  ).toHaveLength(1)
  for (const [i, h] of list.entries()) {
    expect(h.text, `${path}: heading ${i} has text`).not.toBe('')
    if (i > 0) expect(h.level, `${path}: "${h.text}" follows h${list[i - 1]!.level}`).toBeLessThanOrEqual(list[i - 1]!.level + 1)
  }
  // Never a heading over nothing: some text between each heading and the next (or the footer).
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(body(html))![1]!
  const parts = main.split(/<h[1-6][^>]*>[\s\S]*?<\/h[1-6]>/)
  for (const [i, part] of parts.slice(1).entries()) {
    const nextLevel = list[i + 1]?.level ?? 0
    if (nextLevel > list[i]!.level) continue // a sub-heading is the content
    expect(text(part).trim(), `${path}: content under "${list[i]!.text}"`).not.toBe('')
  }
}

const PAGES = {
  home: '/',
  library: '/exercises',
  exercise: '/exercises/reverse-hyperextension',
  exerciseWithoutGuide: '/exercises/squat',
  articles: '/articles',
  article: '/articles/back-hyperextensions',
  articleWithDisclaimer: '/articles/the-reverse-hyperextension-machine',
  person: '/people/mike-samuels',
  equipment: '/equipment',
  machine: '/equipment/reverse-hyperextension-machine',
  club: '/club',
}

describe('pages', () => {
  it('every page type renders the seed content, with headings in order and none over nothing', async () => {
    const expected: Record<keyof typeof PAGES, string[]> = {
      home: [
        'Welcome to New Milford Fitness & Aquatics Club',
        'What the club offers',
        'Reverse hyperextension machine',
        'Featured exercises',
        'Back Hyperextensions',
      ],
      library: ['Exercise library', '8 exercises in the library', 'Deadlift', 'Reverse hyperextension'],
      exercise: ['Reverse hyperextension', 'Steps', 'Sets and reps', 'Common mistakes'],
      exerciseWithoutGuide: ['Squat'],
      articles: ['Articles', 'Back Hyperextensions', 'The Reverse Hyperextension Machine'],
      article: ['Back Hyperextensions', 'Mike Samuels', 'DeanDrobot/iStock/Getty Images'],
      articleWithDisclaimer: ['The Reverse Hyperextension Machine'],
      person: ['Mike Samuels', 'Back Hyperextensions'],
      equipment: ['Our equipment', 'Reverse hyperextension machine', '1 exercise you can do on it alone.'],
      machine: ['What you can do on the reverse hyperextension machine', 'Reverse hyperextension'],
      club: ['What you can do at our club', '1 exercise need'],
    }
    for (const [name, path] of Object.entries(PAGES) as Array<[keyof typeof PAGES, string]>) {
      const {status, html} = await get(path)
      expect(status, path).toBe(200)
      for (const phrase of expected[name]) expect(text(html), `${path} shows "${phrase}"`).toContain(phrase)
      expectGoodHeadings(path, html)
      expect(text(html), `${path}: no "1 exercises"`).not.toMatch(/\b1 (exercises|articles|pieces)\b/)
      for (const src of html.matchAll(/<img [^>]*src="([^"]+)"/g))
        expect(src[1], `${path}: image through the site`).not.toContain(stack.lake.url)
    }
  })

  it('the exercise page shows its guide; an exercise without one says so instead of empty sections', async () => {
    const {html} = await get(PAGES.exercise)
    const t = text(html)
    expect(t).toMatch(/Instead: /) // a mistake with its correction
    // The prescription table has no column that no row fills in.
    const table = /<table class="prescriptions">([\s\S]*?)<\/table>/.exec(html)![1]!
    const columns = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1])
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .slice(1)
      .map((r) => [...r[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => text(c[1]!).trim()))
    for (const [i, column] of columns.slice(1).entries())
      expect(
        rows.some((r) => r[i] !== '—'),
        `column ${column} has a value`,
      ).toBe(true)
    const squat = text((await get(PAGES.exerciseWithoutGuide)).html)
    expect(squat).toContain('We have no step-by-step guide for this exercise yet.')
  })

  it('articles: byline with credentials, reviewer and dates; caption and credit apart; images through the site', async () => {
    const {html} = await get(PAGES.article)
    expect(html).toContain('<time dateTime="2024-03-01">')
    expect(html).toContain('<time dateTime="2025-01-15">')
    expect(text(html)).toMatch(/By Mike Samuels · Personal trainer.*Reviewed by Louis Simmons/)
    expect(html).toMatch(/<span class="caption">[^<]+<\/span><small class="credit">/)
    const srcs = [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => decode(m[1]!))
    expect(srcs.length).toBeGreaterThan(0)
    for (const src of srcs) expect(src.startsWith(`${stack.site.url}/images/spotter/production/`), src).toBe(true)
    expect(html).toMatch(/srcSet="[^"]+ 320w, /)
    // The browser's Accept reaches the image pipeline through the site: auto=format picks its format.
    for (const [accept, type] of [
      ['image/avif,image/webp,*/*', 'image/avif'],
      ['image/webp,*/*', 'image/webp'],
      ['image/png,*/*', 'image/jpeg'],
    ]) {
      const image = await fetch(srcs[0]!, {headers: {accept: accept!}})
      expect(image.status, accept).toBe(200)
      expect(image.headers.get('content-type'), accept).toBe(type)
      expect(image.headers.get('vary') ?? '', accept).toMatch(/accept/i)
    }
    const lqip = /background-image:url\(data:image\/[a-z]+;base64,/.test(html)
    expect(lqip, 'LQIP placeholders').toBe(true)
    expect(text((await get(PAGES.articleWithDisclaimer)).html)).not.toContain('The article does not name the source.')
  })

  it('unknown slugs and paths are 404 pages', async () => {
    for (const path of [
      '/articles/no-such-article',
      '/exercises/no-such-exercise',
      '/people/nobody',
      '/equipment/no-such-thing',
      '/nothing-here',
    ]) {
      const {status, html} = await get(path)
      expect(status, path).toBe(404)
      expect(h1(html), path).toBe('Page not found') // in the server's HTML, not only drawn by the browser
      expectGoodHeadings(path, html)
      expect(meta(html, 'robots'), path).toContain('noindex')
    }
  })
})

describe('library filters', () => {
  it('offer only values some exercise has, and each one finds something', async () => {
    const {html} = await get('/exercises')
    const selects = [...html.matchAll(/<select id="filter-(\w+)" name="\w+"[^>]*>([\s\S]*?)<\/select>/g)]
    expect(selects.map((s) => s[1]).sort()).toEqual(['category', 'equipment', 'muscle']) // the seed gives no exercise a level: no level filter
    for (const [, name, options] of selects) {
      const values = [...options!.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]!)
      expect(values.length, name).toBeGreaterThan(0)
      for (const value of values) {
        const page = await get(`/exercises?${name}=${encodeURIComponent(value)}`)
        const found = /(\d+) exercises? found/.exec(text(page.html))
        expect(Number(found?.[1]), `${name}=${value}`).toBeGreaterThan(0)
        expect(page.html).toContain(`<option value="${value}" selected="">`)
      }
    }
    expect(text((await get('/exercises?q=reverse')).html)).toMatch(/1 exercise found.*Reverse hyperextension/)
  })
})

describe('metadata', () => {
  it('title, description, canonical URL, Open Graph, Twitter card and JSON-LD per page', async () => {
    for (const path of Object.values(PAGES)) {
      const {html} = await get(path)
      const head = /<head>([\s\S]*?)<\/head>/.exec(html)![1]!
      expect(head, path).toMatch(/<title>[^<]+<\/title>/)
      expect(meta(head, 'description'), path).toBeTruthy()
      expect(head, path).toContain(`<link rel="canonical" href="${stack.site.url}${path === '/' ? '' : path}"/>`)
      expect(meta(head, 'og:title'), path).toBeTruthy()
      expect(meta(head, 'og:site_name'), path).toBe('New Milford Fitness & Aquatics Club')
      expect(meta(head, 'twitter:card'), path).toMatch(/^summary/)
    }
    const article = await get(PAGES.article)
    expect(meta(article.html, 'og:type')).toBe('article')
    expect(meta(article.html, 'og:image')).toMatch(new RegExp(`^${stack.site.url}/images/spotter/production/.*w=1200&h=630`))
    expect(meta(article.html, 'article:published_time')).toMatch(/^\d{4}-/)
    expect(jsonLd(article.html)).toContainEqual(
      expect.objectContaining({headline: 'Back Hyperextensions', author: expect.objectContaining({name: 'Mike Samuels'})}),
    )
    expect(jsonLd((await get(PAGES.exercise)).html)).toContainEqual(
      expect.objectContaining({'@type': 'HowTo', name: 'Reverse hyperextension'}),
    )
  })

  it('sitemap.xml, robots.txt and the Atom feed of articles', async () => {
    const sitemap = await get('/sitemap.xml')
    expect(sitemap.status).toBe(200)
    for (const path of [PAGES.article, PAGES.exercise, PAGES.person, PAGES.machine])
      expect(sitemap.html).toContain(`<loc>${stack.site.url}${path}</loc>`)
    const robots = await get('/robots.txt')
    expect(robots.html).toContain(`Sitemap: ${stack.site.url}/sitemap.xml`)
    const feed = await get('/feed.xml')
    expect(feed.headers.get('content-type')).toContain('application/atom+xml')
    expect([...feed.html.matchAll(/<entry>/g)]).toHaveLength(3)
    expect(feed.html).toContain(`<link rel="alternate" href="${stack.site.url}${PAGES.article}"/>`)
    expect(feed.html).toContain('<title>The Reverse Hyperextension Machine</title>')
  })
})

describe('draft mode and publishing', () => {
  const draftId = 'drafts.exercise-good-morning'
  const publishedId = 'exercise-good-morning'

  /** Draft mode as the Presentation tool enters it: a preview secret in the dataset, then the enable route. */
  async function enterDraftMode(pathname: string): Promise<string> {
    await stack.lake.client().createOrReplace({
      _id: 'drafts.sanity-preview-url-secret.tests',
      _type: 'sanity.previewUrlSecret',
      secret: 'a-secret-from-the-studio',
      source: 'tests',
    })
    const enter = await get(
      `/api/draft-mode/enable?sanity-preview-secret=a-secret-from-the-studio&sanity-preview-pathname=${encodeURIComponent(pathname)}`,
    )
    expect(enter.status).toBe(307)
    expect(enter.headers.get('location')).toBe(pathname)
    const cookie = enter.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('__prerender_bypass='))
    expect(cookie).toBeDefined()
    return cookie!
  }

  it('is gated by a preview secret of the dataset, and shows drafts when enabled', async () => {
    const client = stack.lake.client()
    await client.action({actionType: 'sanity.action.document.edit', draftId, publishedId, patch: {set: {name: 'Good morning (draft)'}}})
    expect(h1((await get('/exercises/good-morning')).html)).toBe('Good morning')
    expect((await get('/api/draft-mode/enable?sanity-preview-secret=wrong')).status).toBe(401)
    const cookie = await enterDraftMode('/exercises/good-morning')
    const draft = await get('/exercises/good-morning', cookie)
    expect(h1(draft.html)).toBe('Good morning (draft)')
    expect(text(draft.html)).toContain('Draft mode: you are seeing unpublished drafts.')
    expect(draft.headers.get('cache-control')).toContain('no-store')
    expect(meta(draft.html, 'robots')).toContain('noindex')
    // Readers still get the published page.
    expect(h1((await get('/exercises/good-morning')).html)).toBe('Good morning')
    const leave = await get('/api/draft-mode/disable', cookie)
    expect(leave.headers.getSetCookie().join()).toMatch(/__prerender_bypass=;/)
  })

  it('a publish changes the cached public page through the webhook, without a restart', async () => {
    const before = await get('/exercises/good-morning')
    expect(before.headers.get('x-nextjs-cache')).toMatch(/HIT|STALE|MISS/)
    expect(h1((await get('/exercises/good-morning')).html)).toBe('Good morning')
    expect((await get('/exercises/good-morning')).headers.get('x-nextjs-cache')).toBe('HIT')
    await stack.lake.client().action({actionType: 'sanity.action.document.publish', draftId, publishedId})
    // The lake delivers its webhook after the commit; the page is fresh once the site has it.
    const deadline = Date.now() + 15_000
    let title = ''
    while (Date.now() < deadline && title !== 'Good morning (draft)') {
      await new Promise((r) => setTimeout(r, 200))
      title = h1((await get('/exercises/good-morning')).html)
    }
    expect(title).toBe('Good morning (draft)')
  })

  it('pages without a slug are cached too, and a change to an article reaches the home page and the articles page', async () => {
    const id = 'article-back-hyperextensions'
    const {title} = (await stack.lake.client().getDocument(id)) as {title: string}
    for (const path of ['/', '/articles']) {
      await get(path)
      const cached = await get(path)
      expect(cached.headers.get('x-nextjs-cache'), path).toBe('HIT')
      expect(text(cached.html), path).toContain(title)
    }
    expect((await get('/home')).headers.get('location')).toBe('/')
    const renamed = `${title} (revised)`
    await stack.lake.client().patch(id).set({title: renamed}).commit()
    const shows = async (path: string, expected: (page: string) => boolean) => {
      const deadline = Date.now() + 15_000
      let shown = text((await get(path)).html)
      while (Date.now() < deadline && !expected(shown)) {
        await new Promise((r) => setTimeout(r, 200))
        shown = text((await get(path)).html)
      }
      return shown
    }
    for (const path of ['/', '/articles']) expect(await shows(path, (page) => page.includes(renamed)), path).toContain(renamed)
    // Back as it was, for the tests after this one.
    await stack.lake.client().patch(id).set({title}).commit()
    for (const path of ['/', '/articles']) expect(await shows(path, (page) => !page.includes(renamed)), path).not.toContain(renamed)
  })

  it('in draft mode every sets-and-reps cell that shows a value opens the prescription field it shows; a dash opens nothing', async () => {
    const id = 'exercise-back-hyperextension'
    const stored = (await stack.lake.client().getDocument(id)) as {prescriptions: Array<{_key: string} & Record<string, unknown>>}
    expect(stored.prescriptions.length).toBeGreaterThan(1)
    const cookie = await enterDraftMode('/exercises/back-hyperextension')
    const table = /<table class="prescriptions">([\s\S]*?)<\/table>/.exec((await get('/exercises/back-hyperextension', cookie)).html)![1]!
    // The row opens the prescription, each shown value its own field.
    const expected = stored.prescriptions.flatMap((p) =>
      [[], ...shownPrescriptionFields(p).map((f) => [f])].map((field) =>
        studioEditAttribute({baseUrl: '/'}, {id, type: 'exercise', path: ['prescriptions', {_key: p._key}, ...field]}),
      ),
    )
    const found = [...table.matchAll(/data-sanity="([^"]*)"/g)].map((m) => decode(m[1]!))
    expect(found.sort()).toEqual(expected.sort())
    // Every cell either shows a value and opens its field, or shows a dash and opens nothing.
    const cells = [...table.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)]
    expect(cells.length).toBeGreaterThan(stored.prescriptions.length)
    for (const [, attrs, content] of cells) expect(attrs!.includes('data-sanity='), content).toBe(content !== '—')
    // Readers get the same table without any attribute.
    expect(/<table class="prescriptions">[\s\S]*?<\/table>/.exec((await get('/exercises/back-hyperextension')).html)![0]).not.toContain(
      'data-sanity',
    )
  })

  it('the revalidation route refuses an unsigned call', async () => {
    const res = await fetch(url('/api/revalidate'), {method: 'POST', headers: {'content-type': 'application/json'}, body: '{"_id":"x"}'})
    expect(res.status).toBe(401)
  })
})

describe('accessibility', () => {
  let browser: TestBrowser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('axe finds no serious or critical problem on any page type, in light and dark', async () => {
    const axe = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    const page = await browser.newPage()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({colorScheme: scheme})
      for (const path of Object.values(PAGES)) {
        await page.goto(url(path), {waitUntil: 'load'})
        await page.addScriptTag({content: axe})
        const violations = await page.evaluate(async () => {
          const result = await (
            window as unknown as {
              axe: {run(): Promise<{violations: Array<{id: string; impact: string; nodes: Array<{target: string[]}>}>}>}
            }
          ).axe.run()
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
        })
        expect(violations, `${scheme} ${path}`).toEqual([])
      }
    }
    expect(browser.external).toEqual([])
  }, 120_000)
})
