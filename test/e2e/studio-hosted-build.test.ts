// A Studio built without the lake variables works on hosted Sanity: served as it is (no lake
// named at run time), it calls the project's hosted API host (to find out who is signed in) and
// nothing on a lake, and does not redirect to a lake's sign-in page. Requests off the machine are
// recorded and aborted by the test browser (support/browser.ts): none is sent, so the Studio
// gets no further than that here.
import {afterAll, beforeAll, expect, it} from 'vitest'
import {ensureStudioBuild} from '../../studio/build.ts'
import {serveStudio, type StudioServer} from '../../studio/serve.ts'
import {launchBrowser, type TestBrowser} from './support/browser.ts'

const PROJECT_ID = 'hostedcheck'
let studio: StudioServer
let browser: TestBrowser

beforeAll(async () => {
  // The build sees no SANITY_STUDIO_LAKE_URL, whatever this process has.
  const env: NodeJS.ProcessEnv = {...process.env, SANITY_STUDIO_PROJECT_ID: PROJECT_ID, SANITY_STUDIO_DATASET: 'production'}
  delete env.SANITY_STUDIO_LAKE_URL
  const [build, launched] = await Promise.all([ensureStudioBuild({env}), launchBrowser()])
  browser = launched
  studio = await serveStudio({dir: build.dir})
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await studio?.close()
})

it("calls the project's hosted API host, with no lake sign-in redirect", {timeout: 120_000}, async () => {
  const page = await browser.newPage()
  await page.goto(studio.url)
  const hostedApi = (request: string) => new URL(request.split(' ')[1]!).hostname === `${PROJECT_ID}.api.sanity.io`
  await expect.poll(() => browser.external.filter(hostedApi).length, {timeout: 60_000}).toBeGreaterThan(0)
  // Still on the Studio's own origin: no redirect to a lake's /auth/login.
  expect(new URL(page.url()).origin).toBe(new URL(studio.url).origin)
  expect(page.url()).not.toContain('/auth/login')
  // Every API call went to Sanity's hosts; nothing to a loopback lake (only the Studio's own files).
  const loopbackApiCalls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => !url.startsWith(location.origin) && /^https?:\/\/(localhost|127\.|[a-z0-9-]+\.localhost)/.test(url)),
  )
  expect(loopbackApiCalls).toEqual([])
})
