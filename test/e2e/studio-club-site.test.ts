// An editor in the real Studio (built, in Debian's Chromium) on the real lake, and the club site
// process showing what was published: create + publish an exercise, a draft edit visible only in
// preview, a backwards range explained and not stored, an article with an uploaded, credited image. Every
// request the browser makes to a non-loopback host is recorded; there must be none.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Page} from 'playwright-core'
import {pngBytes} from '../../lake/test/png.ts'
import type {TestBrowser} from './support/browser.ts'
import type {Stack} from './support/stack.ts'
import {closeStudioSession, startStudioSession} from './support/studio-session.ts'
import {artifacts, editArrayItem, field, footerStatus, newDocument, openList, publish, screenshot, subField} from './support/studio-ui.ts'

let stack: Stack
let browser: TestBrowser
let studio: Page

const stamp = Date.now().toString(36)
const exerciseName = `Cable pull-through ${stamp}`
const exerciseSlug = `cable-pull-through-${stamp}`

beforeAll(async () => {
  ;({stack, browser, studio} = await startStudioSession())
}, 300_000)

afterAll(() => closeStudioSession({stack, browser}))

async function sitePage(pathname: string, name: string): Promise<Page> {
  const page = await browser.newPage()
  const res = await page.goto(stack.siteUrl + pathname)
  expect(res?.status(), pathname).toBe(200)
  await screenshot(page, name)
  return page
}

describe('editors publish from the Studio to the club site', {timeout: 180_000}, () => {
  it('creates an exercise with a setup, a step and a prescription, publishes it, and the club site shows it', async () => {
    await openList(studio, 'Exercises', 'All exercises')
    await newDocument(studio)
    await field(studio, 'name').locator('input').fill(exerciseName)
    await field(studio, 'slug').getByRole('button', {name: 'Generate'}).click()
    await field(studio, 'category').locator('select').selectOption({label: 'Strength'})
    await field(studio, 'level').locator('select').selectOption({label: 'Beginner'})

    // The template gave the new exercise one setup, one step and one prescription.
    await studio.getByRole('tab', {name: 'Technique'}).click()
    await editArrayItem(studio, 'setups', 'Untitled', (d) => subField(d, '.name').fill('Cable stack with a rope handle'))
    await editArrayItem(studio, 'steps', 'Untitled', (d) =>
      subField(d, '.instruction', 'textarea').fill('Hinge at the hips and pull the rope through your legs.'),
    )
    await studio.getByRole('tab', {name: 'Programming'}).click()
    await editArrayItem(studio, 'prescriptions', 'Prescription', async (d) => {
      await subField(d, '.goal').fill('Hip hinge practice')
      await subField(d, '.sets').fill('2-3')
      await subField(d, '.reps').fill('10 to 15')
    })
    await screenshot(studio, '01-studio-new-exercise')
    await publish(studio)
    await screenshot(studio, '02-studio-published')

    const published = await stack.lake.client().fetch('*[_id == $id][0]', {id: studio.url().match(/;([0-9a-f-]{36})/)?.[1] ?? ''})
    expect(published).toMatchObject({name: exerciseName, slug: {current: exerciseSlug}, category: 'strength'})
    expect(published.setups).toHaveLength(1)
    expect(published.steps).toHaveLength(1)
    expect(published.prescriptions[0]).toMatchObject({goal: 'Hip hinge practice', sets: {min: 2, max: 3}, reps: {min: 10, max: 15}})

    const page = await sitePage(`/exercises/${exerciseSlug}`, '03-site-exercise')
    await expect(page.locator('h1').textContent()).resolves.toBe(exerciseName)
    const body = await page.locator('main').innerText()
    expect(body).toContain('Cable stack with a rope handle')
    expect(body).toContain('Hinge at the hips and pull the rope through your legs.')
    expect(body).toContain('Hip hinge practice')
    const library = await sitePage('/exercises?level=beginner', '04-site-library-beginner')
    await expect(library.getByRole('link', {name: exerciseName})).toBeDefined()
    expect(await library.getByRole('link', {name: exerciseName}).count()).toBe(1)
    await page.close()
    await library.close()
  })

  it('a draft edit is not on the public site, but is in preview', async () => {
    const draftName = `${exerciseName} (revised)`
    await studio.getByRole('tab', {name: 'Overview'}).click()
    await field(studio, 'name').locator('input').fill(draftName)
    await footerStatus(studio)
      .getByText(/Edited just now|Saved/)
      .or(studio.getByText('Saved', {exact: true}))
      .first()
      .waitFor()
    await expect
      .poll(
        async () =>
          await stack.lake
            .client()
            .fetch('*[slug.current == $s && _id in path("drafts.**")][0].name', {s: exerciseSlug}, {perspective: 'raw'}),
        {timeout: 30_000},
      )
      .toBe(draftName)

    const pub = await sitePage(`/exercises/${exerciseSlug}`, '05-site-public-after-draft-edit')
    expect(await pub.locator('h1').textContent()).toBe(exerciseName)
    // A preview link as the Presentation tool makes one: a secret it wrote to the dataset first.
    await stack.lake.client().createOrReplace({
      _id: 'drafts.sanity-preview-url-secret.e2e',
      _type: 'sanity.previewUrlSecret',
      secret: 'e2e-preview-secret',
      source: 'e2e',
    })
    const preview = await browser.newPage()
    await preview.goto(
      `${stack.siteUrl}/api/draft-mode/enable?sanity-preview-secret=e2e-preview-secret&sanity-preview-pathname=${encodeURIComponent(`/exercises/${exerciseSlug}`)}`,
    )
    expect(await preview.locator('h1').textContent()).toBe(draftName)
    await expect(preview.getByRole('status').first().innerText()).resolves.toContain('Draft mode')
    await screenshot(preview, '06-site-preview-draft')
    await preview.getByRole('link', {name: 'Leave draft mode'}).click()
    await preview.waitForURL(`${stack.siteUrl}/`)
    await preview.goto(`${stack.siteUrl}/exercises/${exerciseSlug}`)
    expect(await preview.locator('h1').textContent()).toBe(exerciseName)
    await pub.close()
    await preview.close()
  })

  it('a range typed backwards is explained and not stored', async () => {
    await studio.getByRole('tab', {name: 'Programming'}).click()
    await editArrayItem(studio, 'prescriptions', 'Hip hinge practice', async (d) => {
      const sets = subField(d, '.sets')
      await sets.fill('5-3')
      await sets.press('Tab')
      await d.getByText('The first number (5) is higher than the second (3). Write the lower one first ("3-5").').waitFor()
      await screenshot(studio, '07-studio-range-error-explained')
    })
    // Nothing backwards reached the draft or the site (the min/max rule still guards API writes).
    const sets = await stack.lake
      .client()
      .fetch('*[slug.current == $s][0].prescriptions[0].sets', {s: exerciseSlug}, {perspective: 'drafts'})
    expect(sets).toMatchObject({min: 2, max: 3})
  })

  it('an article with an uploaded, credited image renders on the site', async () => {
    const title = `Hinge basics ${stamp}`
    const imageFile = path.join(artifacts, 'upload-hero.png')
    fs.mkdirSync(artifacts, {recursive: true})
    fs.writeFileSync(imageFile, pngBytes(64, 48, [30, 120, 200, 255]))

    await openList(studio, 'Articles', 'All articles')
    await newDocument(studio)
    await field(studio, 'title').locator('input').fill(title)
    await field(studio, 'slug').getByRole('button', {name: 'Generate'}).click()
    await field(studio, 'kind').locator('select').selectOption({label: 'Explainer'})
    await field(studio, 'excerpt').locator('textarea').fill('Why the hip hinge matters.')
    await studio.locator('input[type=file]').first().setInputFiles(imageFile)
    await field(studio, 'heroImage.alt').locator('input').fill('A blue square standing in for a hip hinge')
    await field(studio, 'heroImage.credit').locator('input').fill('Spotter test studio')
    await field(studio, 'body').locator('[contenteditable="true"]').click()
    await studio.keyboard.type('Hinge from the hips, not the lower back.')
    await field(studio, 'excerpt').locator('textarea').focus() // leave the body editor, as an editor would
    // Publish once the Studio has saved everything to the draft.
    await expect
      .poll(
        () =>
          stack.lake
            .client()
            .fetch(
              '*[_type == "article" && title == $t && _id in path("drafts.**")][0]{"text": pt::text(body), "asset": heroImage.asset._ref, "credit": heroImage.credit}',
              {t: title},
              {perspective: 'raw'},
            ),
        {timeout: 30_000},
      )
      .toMatchObject({
        text: 'Hinge from the hips, not the lower back.',
        asset: expect.stringMatching(/^image-/),
        credit: 'Spotter test studio',
      })
    await publish(studio)
    await screenshot(studio, '08-studio-article-published')

    const slug = `hinge-basics-${stamp}`
    const page = await sitePage(`/articles/${slug}`, '09-site-article-with-image')
    expect(await page.locator('h1').textContent()).toBe(title)
    expect(await page.getByText('Draft mode: you are seeing unpublished drafts.').count()).toBe(0)
    const image = page.locator('figure.hero img')
    expect(await image.getAttribute('alt')).toBe('A blue square standing in for a hip hinge')
    // The browser really loaded the uploaded bytes from the lake (srcset scales naturalWidth, so
    // check the source and that it decoded).
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    const src = await image.evaluate((img: HTMLImageElement) => img.currentSrc)
    // Through the site's own /images route, so the page never names the lake.
    expect(src).toMatch(new RegExp(`^${stack.siteUrl}/images/spotter/production/[0-9a-f]{40}-64x48\\.png`))
    // The page asks the lake's image pipeline for a size; the asset itself is the uploaded bytes.
    expect((await fetch(src)).headers.get('content-type')).toMatch(/^image\//)
    expect(fs.readFileSync(imageFile).equals(Buffer.from(await (await fetch(src.split('?')[0]!)).arrayBuffer()))).toBe(true)
    expect(await page.locator('figure.hero').innerText()).toContain('Spotter test studio')
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
    expect(ld).toMatchObject({headline: title, image: {'@type': 'ImageObject', creditText: 'Spotter test studio'}})
    await page.close()
  })

  it('nothing left the machine', () => {
    expect(browser.external).toEqual([])
    // What Studio 6.16 tried to reach and the Studio server's CSP stopped in the browser.
    fs.writeFileSync(path.join(artifacts, 'blocked-by-csp.txt'), `${[...new Set(browser.blockedByCsp)].join('\n')}\n`)
    for (const url of browser.blockedByCsp) expect(url).toMatch(/^https:\/\/([a-z0-9-]+\.)*(sanity\.io|sanity-cdn\.com)\//)
  })
})
