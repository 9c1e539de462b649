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
export async function editArrayItem(
  page: Page,
  arrayField: string,
  itemTitle: string,
  fill: (dialog: Locator) => Promise<void>,
): Promise<void> {
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

/**
 * Waits until the page has had `quietMs` of idle time in a row, the pause an editor makes between
 * the last edit and Publish. Studio 6.16 validates a document in requestIdleCallback slices, one
 * revision at a time (newer revisions wait for the running one). While the test edits faster than
 * a person, the page never idles and validation falls behind; the first revision of a new document
 * was still being validated 8-9 s later. A Publish click in that state is scheduled, then the
 * stale result of the old revision arrives, and the Studio takes it for the current one (its
 * validationStatus.revision is the document's latest revision, not the validated one): it shows
 * "Validation errors" and drops the publish. No request reaches the lake; hosted Sanity would do
 * the same.
 */
export async function waitForStudioIdle(page: Page, quietMs = 1500, timeoutMs = 30_000): Promise<void> {
  const quiet = await page.evaluate(
    ({quietMs, timeoutMs}) =>
      new Promise<boolean>((resolve) => {
        const start = performance.now()
        let quietSince = start
        const check = () => {
          const asked = performance.now()
          requestIdleCallback(() => {
            const now = performance.now()
            // A late idle callback means the page was busy in between: start counting again.
            if (now - asked > 250) quietSince = now
            if (now - quietSince >= quietMs) resolve(true)
            else if (now - start > timeoutMs) resolve(false)
            else setTimeout(check, 50)
          })
        }
        check()
      }),
    {quietMs, timeoutMs},
  )
  if (!quiet) throw new Error(`The Studio page was never idle for ${quietMs} ms within ${timeoutMs} ms`)
}

/** Publishes with one click, once the Studio has caught up with the edits (see waitForStudioIdle). */
export async function publish(page: Page): Promise<void> {
  await waitForStudioIdle(page)
  // Caught-up validation can disable Publish until the latest revision is validated again.
  await waitForPublishable(page)
  await publishButton(page).click()
  const published = footerStatus(page).getByText('Last published just now')
  const refused = page.getByText('Please fix the validation errors before publishing')
  try {
    await published.or(refused).first().waitFor({timeout: 30_000})
    if (!(await published.isVisible())) throw new Error('Publish was dropped: the Studio answered the click with "Validation errors"')
  } catch (error) {
    await screenshot(page, 'failed-publish')
    throw error
  }
}
