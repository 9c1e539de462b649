// Two editors, each signed in with their own lake token in their own browser context, open the
// same seed exercise in the real Studio: each sees the other's avatar in the document pane
// (presence over the lake's WebSocket), and it goes away when the other closes the page.
import {afterAll, beforeAll, expect, it} from 'vitest'
import type {Page} from 'playwright-core'
import {launchBrowser, launchContext, type TestBrowser} from './support/browser.ts'
import {startStack, type Stack} from './support/stack.ts'
import {field, openList, openStudio, screenshot} from './support/studio-ui.ts'

let stack: Stack
let ada: TestBrowser
let ben: TestBrowser

beforeAll(async () => {
  ;[stack, ada] = await Promise.all([startStack({editors: ['ada', 'ben']}), launchBrowser()])
  ben = await launchContext(ada)
}, 300_000)

afterAll(async () => {
  await ben?.close()
  await ada?.close()
  await stack?.close()
})

async function openExercise(browser: TestBrowser, token: string): Promise<Page> {
  const page = await browser.newPage()
  page.setDefaultTimeout(30_000)
  await openStudio(page, stack.studio.url, token)
  await openList(page, 'Exercises', 'All exercises')
  await page
    .getByRole('link', {name: /^Rack pull/})
    .first()
    .click()
  await field(page, 'name').locator('input').waitFor()
  return page
}

/** An editor's avatar in the document pane's header (labelled with their display name). */
const presenceOf = (page: Page, name: string) => page.getByTestId('document-level-presence').getByLabel(name, {exact: true})

const socketErrors = (browser: TestBrowser) => browser.errors.filter((e) => /websocket|\/socket\//i.test(e))

it('shows each editor the other in the same document, and drops them when they leave', {timeout: 240_000}, async () => {
  const adaPage = await openExercise(ada, stack.editorTokens.ada!)
  const benPage = await openExercise(ben, stack.editorTokens.ben!)

  // Ada was there first: she learns of Ben from his announcement, he of her from the lake.
  await presenceOf(adaPage, 'ben').waitFor()
  await presenceOf(benPage, 'ada').waitFor()
  await screenshot(adaPage, 'presence-01-ada-sees-ben')
  await screenshot(benPage, 'presence-02-ben-sees-ada')
  // Nobody is shown to themselves.
  expect(await presenceOf(adaPage, 'ada').count()).toBe(0)
  expect(await presenceOf(benPage, 'ben').count()).toBe(0)

  // Closing the page closes the socket without a goodbye; the lake tells Ada that Ben left.
  await benPage.close()
  await presenceOf(adaPage, 'ben').waitFor({state: 'detached'})
  await screenshot(adaPage, 'presence-03-ben-left')

  expect(socketErrors(ada)).toEqual([])
  expect(socketErrors(ben)).toEqual([])
  expect([...ada.external, ...ben.external]).toEqual([])
})
