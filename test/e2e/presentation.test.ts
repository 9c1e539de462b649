// Editors see what they edit: the real Studio's Presentation tool (built, in Debian's Chromium) on
// a seeded lake, showing the real club site (next build + next start) in draft mode. A change to
// an exercise's name in the form shows in the preview without reloading it; a click on a step's
// overlay opens that step's field in the form, and a click on a cell of the sets-and-reps table
// that prescription's field; a publish revalidates the public page (the lake's webhook to the
// site's revalidation route), which then shows the new name to an anonymous reader and carries no
// click-to-edit attributes.
import {extract} from '@sanity/mutator'
import {decodeSanityNodeData} from '@sanity/visual-editing-csm'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Frame, Locator, Page} from 'playwright-core'
import {type SiteStack, shownPrescriptionFields, startSiteStack} from '../../examples/club-site/test/support/site.ts'
import {ensureStudioBuild} from '../../studio/build.ts'
import {serveStudio, type StudioServer} from '../../studio/serve.ts'
import {launchBrowser, type TestBrowser} from './support/browser.ts'
import {field, publish, screenshot} from './support/studio-ui.ts'

const SLUG = 'reverse-hyperextension'
const ID = 'exercise-reverse-hyperextension'
const newName = `Reverse hyper ${Date.now().toString(36)}`

let stack: SiteStack
let studioServer: StudioServer
let browser: TestBrowser
let studio: Page

beforeAll(async () => {
  // A seeded lake whose webhook revalidates the club site, and the site's production build.
  const [siteStack, studioBuild] = await Promise.all([startSiteStack(), ensureStudioBuild()])
  stack = siteStack
  const {lake, site} = stack
  studioServer = await serveStudio({
    dir: studioBuild.dir,
    lakeUrl: `https://localhost:${lake.port}`,
    projectId: lake.projectId,
    dataset: lake.dataset,
    previewUrl: site.url,
  })
  // The Studio calls the lake with credentials; the site's pages (SanityLive) call it from the browser.
  lake.allowOrigin(studioServer.url, true)
  lake.allowOrigin(site.url, false)
  browser = await launchBrowser()
  studio = await browser.newPage()
  studio.setDefaultTimeout(30_000)
  await studio.goto(`${studioServer.url}/#token=${lake.writeToken}`)
  await studio.getByRole('link', {name: 'Exercises'}).waitFor()
}, 600_000)

afterAll(async () => {
  if (process.env.SPOTTER_E2E_DEBUG) console.log(browser?.errors.join('\n'))
  await browser?.close()
  await studioServer?.close()
  await stack?.close()
})

/**
 * The club-site frame inside the Presentation tool, once it shows `pathname` and has settled. While
 * the Studio loads it may replace the tool's iframe after the first one has shown the page (a
 * loaded CI machine once had the frame detached right after its heading and the form appeared):
 * a frame counts once it has shown its heading and stayed attached for two seconds.
 */
async function previewFrame(pathname: string): Promise<Frame> {
  const origin = new URL(stack.site.url).origin
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const frame = studio.frames().find((f) => f.url().startsWith(origin + pathname))
    if (frame) {
      const shown = await frame
        .locator('h1')
        .first()
        .waitFor({timeout: 10_000})
        .then(() => true)
        .catch(() => false)
      await studio.waitForTimeout(2_000)
      if (shown && !frame.isDetached()) return frame
    } else await studio.waitForTimeout(200)
  }
  throw new Error(
    `No settled frame shows ${origin}${pathname}; frames: ${studio
      .frames()
      .map((f) => f.url())
      .join(', ')}`,
  )
}

/** Text as a reader compares it: spaces collapsed, case and the dashes of list values ignored. */
const shown = (text: string) => text.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()

const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]

const publicPage = async (pathname: string) => {
  const response = await fetch(stack.site.url + pathname)
  expect(response.status, pathname).toBe(200)
  return response.text()
}

describe('the Presentation tool on the club site', {timeout: 240_000}, () => {
  let frame: Frame
  let originalName: string

  it('the public page shows the published name and no click-to-edit attributes', async () => {
    originalName = (await stack.lake.client().getDocument(ID))!.name as string
    const html = await publicPage(`/exercises/${SLUG}`)
    expect(heading(html)).toBe(originalName)
    expect(html).not.toContain('data-sanity')
    // Nor do the other pages that render content through the SDK's components.
    for (const pathname of ['/', '/articles/back-hyperextensions', '/articles/leg-training-reverse-hyperextensions']) {
      expect(await publicPage(pathname), pathname).not.toContain('data-sanity')
    }
  })

  it('opens the exercise page in draft mode beside the exercise form, with click-to-edit attributes and the pages showing it', async () => {
    await studio.goto(`${studioServer.url}/presentation/exercise/${ID}?preview=${encodeURIComponent(`/exercises/${SLUG}`)}`)
    // The form first: the frame is taken once the tool around it has loaded too.
    await field(studio, 'name').locator('input').waitFor()
    frame = await previewFrame(`/exercises/${SLUG}`)
    await frame.locator('h1').getByText(originalName).waitFor()
    expect(await frame.locator('[data-sanity]').count()).toBeGreaterThan(0)
    // The locations resolver: the pages showing this exercise, its own and an article embedding it.
    await studio.getByText(/^Used on \d+ pages$/).click()
    for (const href of [`/exercises/${SLUG}`, '/exercises', '/articles/leg-training-reverse-hyperextensions']) {
      await studio.getByText(href, {exact: true}).waitFor()
    }
    await screenshot(studio, 'presentation-01-exercise')
  })

  it('a change to the name in the form shows in the preview without reloading it', async () => {
    await frame.evaluate(() => {
      ;(window as unknown as {spotterMarker: string}).spotterMarker = 'kept'
    })
    await field(studio, 'name').locator('input').fill(newName)
    await frame.locator('h1').getByText(newName).waitFor({timeout: 30_000})
    expect(await frame.evaluate(() => (window as unknown as {spotterMarker?: string}).spotterMarker)).toBe('kept')
    await screenshot(studio, 'presentation-02-renamed')
    // A draft: readers still get the published name.
    expect(heading(await publicPage(`/exercises/${SLUG}`))).toBe(originalName)
  })

  it("every attribute on the page names a field of the exercise's draft that holds what the page shows there", async () => {
    const draft = await stack.lake.client().getDocument(`drafts.${ID}`)
    expect(draft?.name).toBe(newName)
    const marked = await frame
      .locator('[data-sanity*="type=exercise"]')
      .evaluateAll((elements) => elements.map((el) => ({attribute: el.getAttribute('data-sanity')!, text: el.textContent ?? ''})))
    expect(marked.length).toBeGreaterThan(10)
    for (const {attribute, text} of marked) {
      const node = decodeSanityNodeData(attribute)
      if (!node || !('id' in node)) throw new Error(`@sanity/visual-editing cannot decode data-sanity="${attribute}"`)
      expect(node.id).toBe(ID)
      const [value] = extract(node.path, draft)
      expect(value, node.path).toBeDefined()
      // A list value (`supplementary`) shows as its label (`Supplementary`).
      if (typeof value === 'string') expect(shown(text), node.path).toContain(shown(value))
    }
    const paths = marked.map(({attribute}) => decodeSanityNodeData(attribute) as {path: string}).map((n) => n.path)
    for (const step of (draft!.steps as Array<{_key: string}>) ?? []) expect(paths).toContain(`steps[_key=="${step._key}"].instruction`)
    // The sets-and-reps table: every value a prescription shows opens its field.
    const prescriptions = draft!.prescriptions as Array<{_key: string} & Record<string, unknown>>
    expect(prescriptions.length).toBeGreaterThan(0)
    for (const p of prescriptions) {
      for (const name of shownPrescriptionFields(p)) expect(paths).toContain(`prescriptions[_key=="${p._key}"].${name}`)
    }
  })

  /**
   * Clicks the overlay of `target` in the preview and checks that the Studio opens the field in a
   * dialog, with `label` in it, focused, and the URL naming `urlPath`.
   */
  async function clickOpensField(target: Locator, testIdSuffix: string, label: string, urlPath: string, shot: string) {
    await target.click()
    const dialog = studio.getByRole('dialog')
    await dialog.waitFor()
    const input = dialog.locator(`[data-testid$="${testIdSuffix}"]`).first()
    await input.waitFor()
    expect(await input.textContent()).toContain(label)
    await studio.waitForFunction((suffix) => !!document.activeElement?.closest(`[data-testid$="${suffix}"]`), testIdSuffix)
    expect(decodeURIComponent(studio.url())).toContain(urlPath)
    await screenshot(studio, shot)
    await studio.keyboard.press('Escape')
  }

  it("a click on a step's overlay opens that step's instruction in the form", async () => {
    const doc = (await stack.lake.client().getDocument(ID)) as {steps: Array<{_key: string; instruction: string}>}
    const step = doc.steps[1]!
    const target = frame.locator(`[data-sanity*="path=steps:${step._key}.instruction"]`)
    await target.waitFor()
    await clickOpensField(target, 'instruction', 'Instruction', `steps[_key=="${step._key}"]`, 'presentation-03-step')
  })

  it("a click on a prescription's load in the sets-and-reps table opens that field in the form", async () => {
    const doc = (await stack.lake.client().getDocument(ID)) as {prescriptions: Array<{_key: string; load?: string}>}
    const prescription = doc.prescriptions.find((p) => p.load)!
    const target = frame.locator(`td[data-sanity*="path=prescriptions:${prescription._key}.load"]`)
    await target.waitFor()
    expect(await target.textContent()).toBe(prescription.load)
    await clickOpensField(target, '.load', 'Load', `prescriptions[_key=="${prescription._key}"]`, 'presentation-04-prescription')
  })

  it('publishing revalidates the public page: an anonymous reader sees the new name', async () => {
    await publish(studio)
    const deadline = Date.now() + 30_000
    let html = await publicPage(`/exercises/${SLUG}`)
    while (!html.includes(newName) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500))
      html = await publicPage(`/exercises/${SLUG}`)
    }
    expect(heading(html)).toBe(newName)
    expect(html).not.toContain('data-sanity')
  })

  it("in draft mode an article page marks its title, body blocks and the author's credentials", async () => {
    await frame.goto(`${stack.site.url}/articles/back-hyperextensions`)
    await frame.locator('[data-sanity*="type=article;path=title"]').waitFor()
    expect(await frame.locator('[data-sanity*="type=article;path=body:"]').count()).toBeGreaterThan(3)
    expect(await frame.locator('[data-sanity*="type=person;path=credentials:"]').count()).toBeGreaterThan(0)
  })

  it('no request left the machine', () => {
    expect(browser.external).toEqual([])
  })
})
