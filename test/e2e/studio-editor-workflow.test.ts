// An editor fills one exercise in the real Studio (built, in Debian's Chromium) on the real lake:
// a setup, two steps, a 3 x 10-15 prescription typed as text, a mistake with its correction and a
// safety note; then a link into the Programming group and the "Needs attention" lists. The
// Studio's console must carry no warning caused by Spotter's configuration. The screenshots in
// studio/docs (studio/README.md) come from this test.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Locator, Page} from 'playwright-core'
import type {TestBrowser} from './support/browser.ts'
import {root, type Stack} from './support/stack.ts'
import {closeStudioSession, startStudioSession} from './support/studio-session.ts'
import {artifacts, editArrayItem, field, newDocument, openList, screenshot, subField} from './support/studio-ui.ts'

let stack: Stack
let browser: TestBrowser
let studio: Page
const warnings: string[] = []

const docs = path.join(root, 'studio', 'docs')
const stamp = Date.now().toString(36)
const exerciseName = `Glute bridge ${stamp}`
let exerciseId = ''

beforeAll(async () => {
  ;({stack, browser, studio} = await startStudioSession({
    onPage: (page) =>
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text())
      }),
  }))
}, 300_000)

afterAll(() => closeStudioSession({stack, browser}))

/** A small picture of one part of the Studio for the README. */
async function docShot(target: Locator, name: string): Promise<void> {
  fs.mkdirSync(docs, {recursive: true})
  await target.screenshot({path: path.join(docs, `${name}.png`), animations: 'disabled'})
}

/** Adds an item to an array field and fills it in the dialog the Studio opens for it. */
async function addArrayItem(arrayField: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
  await field(studio, arrayField).getByRole('button', {name: 'Add item'}).click()
  const dialog = studio.getByRole('dialog')
  await dialog.waitFor()
  await fill(dialog)
  await studio.keyboard.press('Escape')
  await dialog.waitFor({state: 'detached'})
}

const draft = () => stack.lake.client().fetch('*[_id == $id][0]', {id: `drafts.${exerciseId}`}, {perspective: 'raw'})

describe('an editor fills an exercise', {timeout: 240_000}, () => {
  it('creates the exercise with ranges typed as text and sees every item as written', async () => {
    await openList(studio, 'Exercises', 'All exercises')
    await newDocument(studio)
    await field(studio, 'name').locator('input').fill(exerciseName)
    await field(studio, 'slug').getByRole('button', {name: 'Generate'}).click()
    await field(studio, 'category').locator('select').selectOption({label: 'Strength'})
    exerciseId = studio.url().match(/;([0-9a-f-]{36})/)?.[1] ?? ''
    expect(exerciseId).not.toBe('')

    // The first group says what the others hold (the template's setup, step and prescription).
    const summary = studio.getByTestId('group-summary')
    await summary.getByText('Technique: 1 setup, 1 step').waitFor()
    await summary.getByText('Programming: 1 prescription').waitFor()

    await studio.getByRole('tab', {name: 'Technique'}).click()
    await editArrayItem(studio, 'setups', 'Untitled', async (d) => {
      await subField(d, '.name').fill('On a floor mat')
      // The dialog's breadcrumb shows the setup's name as the editor wrote it.
      // (Its text is the item's number badge, "#1", and its title.)
      const crumb = studio.locator('[data-testid^="breadcrumb-item-"]', {hasText: /on a floor mat/i}).first()
      await expect.poll(() => crumb.innerText()).toMatch(/(^|\n)On a floor mat$/)
      await docShot(d, 'editor-01-setup-title')
    })
    await editArrayItem(studio, 'steps', 'Untitled', (d) =>
      subField(d, '.instruction', 'textarea').fill('Lie on your back with your knees bent.'),
    )
    await addArrayItem('steps', (d) => subField(d, '.instruction', 'textarea').fill('Drive through your heels and lift your hips.'))
    await addArrayItem('commonMistakes', async (d) => {
      await subField(d, '.mistake').fill('Arching the lower back')
      await subField(d, '.correction').fill('Squeeze the glutes and keep the ribs down.')
    })
    // The mistake's list preview carries its correction.
    await field(studio, 'commonMistakes').getByText('Instead: Squeeze the glutes and keep the ribs down.').waitFor()
    await docShot(field(studio, 'commonMistakes'), 'editor-02-mistake-preview')

    await studio.getByRole('tab', {name: 'Safety'}).click()
    await addArrayItem('safetyNotes', (d) => subField(d, '.note', 'textarea').fill('Stop if you feel pain in the lower back.'))

    await studio.getByRole('tab', {name: 'Programming'}).click()
    await editArrayItem(studio, 'prescriptions', 'Prescription', async (d) => {
      await subField(d, '.goal').fill('Glute strength')
      const sets = subField(d, '.sets')
      const reps = subField(d, '.reps')
      await sets.fill('3')
      await d.getByText('Stored: exactly 3').waitFor()
      // A range typed backwards is explained once, and nothing is stored from it.
      await reps.fill('15-10')
      await reps.press('Tab')
      const explanation = 'The first number (15) is higher than the second (10). Write the lower one first ("10-15").'
      await d.getByText(explanation).waitFor()
      expect(await studio.getByText(explanation).count()).toBe(1)
      await reps.fill('10–15')
      await d.getByText('Stored: from 10 to 15').waitFor()
      await docShot(d, 'editor-03-ranges-as-text')
    })
    await field(studio, 'prescriptions').getByText('3 sets x 10–15 reps').waitFor()

    await expect.poll(draft, {timeout: 30_000}).toMatchObject({
      name: exerciseName,
      category: 'strength',
      setups: [{name: 'On a floor mat'}],
      steps: [{instruction: 'Lie on your back with your knees bent.'}, {instruction: 'Drive through your heels and lift your hips.'}],
      prescriptions: [{goal: 'Glute strength', sets: {min: 3, max: 3}, reps: {min: 10, max: 15}}],
      commonMistakes: [{mistake: 'Arching the lower back', correction: 'Squeeze the glutes and keep the ribs down.'}],
      safetyNotes: [{note: 'Stop if you feel pain in the lower back.'}],
    })
    await studio.getByRole('tab', {name: 'Overview'}).click()
    await summary.getByText('Technique: 1 setup, 2 steps, 1 common mistake').waitFor()
    await summary.getByText('Safety: 1 safety note').waitFor()
    await docShot(summary, 'editor-04-group-summary')
  })

  it('a link into the prescriptions opens the Programming group', async () => {
    await studio.goto(`${stack.studio.url}/intent/edit/id=${exerciseId};type=exercise;path=prescriptions`)
    await field(studio, 'prescriptions').getByText('Glute strength').waitFor()
    expect(await studio.getByRole('tab', {name: 'Programming'}).getAttribute('aria-selected')).toBe('true')
    await screenshot(studio, 'editor-deep-link-programming')
  })

  it('lists what needs attention, with counts', async () => {
    await studio.goto(new URL('/structure', stack.studio.url).href)
    await studio.getByRole('link', {name: 'Needs attention', exact: true}).click()
    const counts = await stack.lake
      .client()
      .fetch<{stubs: number; noLevel: number}>(
        '{"stubs": count(*[_type == "exercise" && !defined(summary) && count(coalesce(steps, [])) == 0 && count(coalesce(setups, [])) == 0]), "noLevel": count(*[_type == "exercise" && !defined(level)])}',
        {},
        {perspective: 'drafts'},
      )
    expect(counts.stubs).toBe(6)
    await studio.getByRole('link', {name: 'Stub exercises (6)', exact: true}).waitFor()
    const noLevel = studio.getByRole('link', {name: `Exercises without a level (${counts.noLevel})`, exact: true})
    await noLevel.click()
    // The new exercise has no level yet: it is on the list.
    await studio
      .getByRole('link', {name: new RegExp(`^${exerciseName}`)})
      .first()
      .waitFor()
    await studio.screenshot({
      path: path.join(docs, 'editor-05-needs-attention.png'),
      clip: {x: 0, y: 0, width: 1000, height: 420},
      animations: 'disabled',
    })
  })

  it("the console carries no warning from Spotter's configuration, and nothing left the machine", () => {
    fs.mkdirSync(artifacts, {recursive: true})
    fs.writeFileSync(path.join(artifacts, 'editor-workflow-console-warnings.txt'), `${warnings.join('\n')}\n`)
    const ours = warnings.filter((w) => /apiVersion|custom filter|schema|structure|spotter|preview|template|input component/i.test(w))
    expect(ours).toEqual([])
    expect(browser.external).toEqual([])
  })
})
