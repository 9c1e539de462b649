// Signing in to the Studio without a token in the link: the Studio sends the editor to the lake's
// sign-in page, which takes a lake token and returns the editor, signed in, to the Studio.
import {afterAll, beforeAll, expect, it} from 'vitest'
import {launchBrowser, type TestBrowser} from './support/browser.ts'
import {startStack, type Stack} from './support/stack.ts'
import {screenshot} from './support/studio-ui.ts'

let stack: Stack
let browser: TestBrowser

beforeAll(async () => {
  ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

it("signs in through the lake's sign-in page with a lake token", {timeout: 120_000}, async () => {
  const page = await browser.newPage()
  page.setDefaultTimeout(30_000)
  await page.goto(stack.studio.url)
  // One provider and redirectOnSingle: straight to the lake's page.
  await page.waitForURL((url) => url.href.startsWith(`${stack.browserLakeUrl}/auth/login?`))
  await page.getByLabel('Lake token').fill('sknot-a-token-of-this-lake')
  await page.getByRole('button', {name: 'Sign in'}).click()
  await page.getByRole('alert').getByText('not a token of this lake').waitFor()
  await screenshot(page, 'sign-in-01-lake-page-refuses-wrong-token')
  await page.getByLabel('Lake token').fill(stack.lake.writeToken)
  await page.getByRole('button', {name: 'Sign in'}).click()
  await page.getByRole('link', {name: 'Exercises'}).waitFor()
  expect(new URL(page.url()).origin).toBe(new URL(stack.studio.url).origin)
  expect(page.url()).not.toContain('token=')
  await screenshot(page, 'sign-in-02-studio-signed-in')
  expect(browser.external).toEqual([])
})
