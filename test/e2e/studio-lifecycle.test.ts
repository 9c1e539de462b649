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
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

const raw = (query: string, params: Record<string, unknown> = {}) => stack.lake.client().fetch(query, params, {perspective: 'raw'})

async function openExercise(name: string): Promise<void> {
  await openList(studio, 'Exercises', 'All exercises')
  await studio.getByRole('link', {name: new RegExp(`^${name}`)}).first().click()
  await field(studio, 'name').locator('input').waitFor()
}

async function editName(value: string, draftId: string): Promise<void> {
  await field(studio, 'name').locator('input').fill(value)
  await expect.poll(() => raw('*[_id == $id][0].name', {id: draftId}), {timeout: 30_000}).toBe(value)
}

describe('history, discard, unpublish, delete and reconnect', {timeout: 180_000}, () => {
  it('shows the history timeline and the changes of a draft', async () => {
    await openExercise('Rack pull')
    await editName('Rack pull (trap bar)', 'drafts.exercise.rack-pull')
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
    await studio.getByRole('dialog').getByRole('button', {name: /discard/i}).click()
    await expect.poll(() => field(studio, 'name').locator('input').inputValue()).toBe('Rack pull')
    expect(await raw('*[_id in ["exercise.rack-pull", "drafts.exercise.rack-pull"]]._id')).toEqual(['exercise.rack-pull'])
    await footerStatus(studio).getByText(/Discarded draft/).waitFor()
    await screenshot(studio, 'lifecycle-03-discarded')
  })

  it('unpublishes a document (its content stays as a draft)', async () => {
    await openExercise('Leg press')
    await studio.getByRole('button', {name: 'Published', exact: true}).first().click()
    await studio.getByRole('button', {name: 'Unpublish'}).click()
    await studio.getByRole('dialog').getByRole('button', {name: /unpublish/i}).click()
    await expect.poll(() => raw('*[_id in ["exercise.leg-press", "drafts.exercise.leg-press"]]._id')).toEqual(['drafts.exercise.leg-press'])
    await screenshot(studio, 'lifecycle-04-unpublished')
    const site = await fetch(`${stack.siteUrl}/exercises/leg-press`)
    expect(site.status).toBe(404)
    // Back to the drafts view for the next steps.
    await studio.getByRole('button', {name: 'Draft', exact: true}).first().click()
  })

  it('deletes a document', async () => {
    await openExercise('Stiff-leg deadlift')
    await studio.getByTestId('action-menu-button').click()
    await studio.getByRole('menuitem', {name: /Delete/}).click()
    await studio.getByRole('dialog').getByRole('button', {name: /delete/i}).last().click()
    await expect.poll(() => raw('count(*[_id in ["exercise.stiff-leg-deadlift", "drafts.exercise.stiff-leg-deadlift"]])')).toBe(0)
    await studio.getByRole('link', {name: /^Stiff-leg deadlift/}).waitFor({state: 'detached'})
    await screenshot(studio, 'lifecycle-05-deleted')
  })

  it('keeps working after the lake restarts under the open Studio', async () => {
    await openExercise('Deadlift')
    await stack.lake.restart()
    await editName('Deadlift (after restart)', 'drafts.exercise.deadlift')
    await footerStatus(studio).getByText(/Edited/).waitFor()
    await screenshot(studio, 'lifecycle-06-after-restart')
    expect(browser.external).toEqual([])
  })
})
