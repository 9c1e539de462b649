// The rest of an editor's day in the real Studio on the lake (what the protocol notes left
// unverified): the history timeline, discarding a draft, unpublishing, deleting, and carrying on
// after the lake restarts under an open Studio.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Page} from 'playwright-core'
import {launchBrowser, type TestBrowser} from './support/browser.ts'
import {startStack, type Stack} from './support/stack.ts'
import {field, footerStatus, openList, openStudio, screenshot} from './support/studio-ui.ts'

let stack: Stack
let browser: TestBrowser
let studio: Page

beforeAll(async () => {
  ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
  studio = await browser.newPage()
  studio.setDefaultTimeout(30_000)
  await openStudio(studio, stack.studio.url, stack.lake.writeToken)
  // An exercise nothing refers to, to unpublish and delete (seed exercises are all referenced).
  await stack.lake.client().create({
    _id: 'exercise-kettlebell-swing',
    _type: 'exercise',
    name: 'Kettlebell swing',
    slug: {_type: 'slug', current: 'kettlebell-swing'},
    category: 'conditioning',
  })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

const raw = (query: string, params: Record<string, unknown> = {}) => stack.lake.client().fetch(query, params, {perspective: 'raw'})

async function openExercise(name: string): Promise<void> {
  await openList(studio, 'Exercises', 'All exercises')
  await studio
    .getByRole('link', {name: new RegExp(`^${name}`)})
    .first()
    .click()
  await field(studio, 'name').locator('input').waitFor()
}

async function editName(value: string, draftId: string): Promise<void> {
  await field(studio, 'name').locator('input').fill(value)
  await expect.poll(() => raw('*[_id == $id][0].name', {id: draftId}), {timeout: 30_000}).toBe(value)
}

describe('history, discard, unpublish, delete and reconnect', {timeout: 180_000}, () => {
  it('shows the history timeline and the changes of a draft', async () => {
    await openExercise('Rack pull')
    await editName('Rack pull (trap bar)', 'drafts.exercise-rack-pull')
    await footerStatus(studio).click()
    await studio.getByRole('tab', {name: 'History'}).click()
    // Timeline entries: the editor's edit, and the seed import that created the document.
    await studio.getByText('Edited', {exact: true}).first().waitFor()
    await studio.getByText('Created', {exact: true}).first().waitFor()
    await screenshot(studio, 'lifecycle-01-history')
    await studio.getByRole('tab', {name: 'Review changes'}).click()
    await studio.getByText('(trap bar)').last().waitFor()
    await screenshot(studio, 'lifecycle-02-review-changes')
  })

  it('discards the draft and keeps the published document', async () => {
    await studio.getByTestId('action-menu-button').click()
    await studio.getByRole('menuitem', {name: 'Discard changes'}).click()
    await studio
      .getByRole('dialog')
      .getByRole('button', {name: /discard/i})
      .click()
    await expect.poll(() => field(studio, 'name').locator('input').inputValue()).toBe('Rack pull')
    expect(await raw('*[_id in ["exercise-rack-pull", "drafts.exercise-rack-pull"]]._id')).toEqual(['exercise-rack-pull'])
    await footerStatus(studio)
      .getByText(/Discarded draft/)
      .waitFor()
    await screenshot(studio, 'lifecycle-03-discarded')
  })

  it('unpublishes a document (its content stays as a draft)', async () => {
    await openExercise('Kettlebell swing')
    await studio.getByRole('button', {name: 'Published', exact: true}).first().click()
    await studio.getByRole('button', {name: 'Unpublish'}).click()
    await studio
      .getByRole('dialog')
      .getByRole('button', {name: /unpublish/i})
      .click()
    await expect
      .poll(() => raw('*[_id in ["exercise-kettlebell-swing", "drafts.exercise-kettlebell-swing"]]._id'))
      .toEqual(['drafts.exercise-kettlebell-swing'])
    await screenshot(studio, 'lifecycle-04-unpublished')
    expect((await fetch(`${stack.siteUrl}/exercises/kettlebell-swing`)).status).toBe(404)
    // Back to the drafts view for the next steps.
    await studio.getByRole('button', {name: 'Draft', exact: true}).first().click()
  })

  it('deletes a document', async () => {
    await studio.getByTestId('action-menu-button').click()
    await studio.getByRole('menuitem', {name: /Delete/}).click()
    await studio
      .getByRole('dialog')
      .getByRole('button', {name: /delete/i})
      .last()
      .click()
    await expect.poll(() => raw('count(*[_id in ["exercise-kettlebell-swing", "drafts.exercise-kettlebell-swing"]])')).toBe(0)
    await studio.getByRole('link', {name: /^Kettlebell swing/}).waitFor({state: 'detached'})
    await screenshot(studio, 'lifecycle-05-deleted')
  })

  it('refuses to delete a document others refer to, and says so', async () => {
    await openExercise('Good morning')
    await studio.getByTestId('action-menu-button').click()
    await studio.getByRole('menuitem', {name: /Delete/}).click()
    const dialog = studio.getByRole('dialog')
    await dialog
      .getByText(/documents? refers? to/i)
      .first()
      .waitFor()
    await screenshot(studio, 'lifecycle-06-delete-referenced')
    const confirm = dialog.getByRole('button', {name: /delete/i}).last()
    if (await confirm.isEnabled()) {
      await confirm.click()
      await studio
        .getByText(/cannot be deleted as there are references to it/)
        .first()
        .waitFor()
    }
    expect(await raw('count(*[_id == "exercise-good-morning"])')).toBe(1)
    await studio.keyboard.press('Escape')
  })

  it('keeps working after the lake restarts under the open Studio', async () => {
    await openExercise('Deadlift')
    await stack.lake.restart()
    await editName('Deadlift (after restart)', 'drafts.exercise-deadlift')
    await footerStatus(studio)
      .getByText(/Edited/)
      .waitFor()
    await screenshot(studio, 'lifecycle-07-after-restart')
    expect(browser.external).toEqual([])
  })
})
