// What an editor does in the Studio, as Playwright steps that wait for real UI states.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type {Locator, Page} from 'playwright-core'
import {root} from './stack.ts'

export const artifacts = path.join(root, 'test-artifacts', 'e2e')

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(artifacts, {recursive: true})
  await page.screenshot({path: path.join(artifacts, `${name}.png`), fullPage: true})
}

/** Opens the Studio signed in with a lake token (the Studio keeps `#token=` in localStorage). */
export async function openStudio(page: Page, studioUrl: string, token: string): Promise<void> {
  await page.goto(`${studioUrl}/#token=${token}`)
  await page.getByRole('link', {name: 'Exercises'}).waitFor()
}

/** Opens a list from the desk's root (the page is reloaded at /structure; the token stays). */
export async function openList(page: Page, section: string, list: string): Promise<void> {
  const root = new URL('/structure', page.url()).href
  if (page.url() !== root) await page.goto(root)
  await page.getByRole('link', {name: section, exact: true}).click()
  await page.getByRole('link', {name: list, exact: true}).click()
}

export async function newDocument(page: Page): Promise<void> {
  await page.getByTestId('action-intent-button').click()
}

export function field(page: Page | Locator, name: string): Locator {
  return page.getByTestId(`field-${name}`)
}

/** Opens an array item (by its preview title), lets `fill` edit the dialog, closes it. */
export async function editArrayItem(page: Page, arrayField: string, itemTitle: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
  await field(page, arrayField).getByText(itemTitle, {exact: true}).first().click()
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  await fill(dialog)
  await page.keyboard.press('Escape')
  await dialog.waitFor({state: 'detached'})
}

export function subField(dialog: Locator, suffix: string, element = 'input'): Locator {
  return dialog.locator(`[data-testid$="${suffix}"] ${element}`).first()
}

export const publishButton = (page: Page) => page.getByTestId('action-publish')
export const footerStatus = (page: Page) => page.getByTestId('pane-footer-document-status')

/** Waits until Publish can be pressed (the draft is saved and valid). */
export async function waitForPublishable(page: Page): Promise<void> {
  await publishButton(page).and(page.locator(':not([disabled]):not([data-disabled="true"])')).waitFor({timeout: 30_000})
}

export async function publish(page: Page): Promise<void> {
  const published = footerStatus(page).getByText('Last published just now')
  await waitForPublishable(page)
  await publishButton(page).click()
  try {
    // A click while the Studio is still settling a just-saved change can be dropped; one more
    // click on a still-enabled Publish button is what an editor would do too.
    await published.waitFor({timeout: 15_000}).catch(async () => {
      console.warn('Publish did not take on the first click; clicking again')
      await waitForPublishable(page)
      await publishButton(page).click()
      await published.waitFor({timeout: 30_000})
    })
  } catch (error) {
    await screenshot(page, 'failed-publish')
    throw error
  }
}
