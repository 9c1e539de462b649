// An editor imports a legacy article in the real Studio (built, in Debian's Chromium) on the
// seeded lake: pastes an HTML page the importer's rules were not written for, sees the proposed
// drafts (new ones, and the existing documents they were matched to), creates them in one
// transaction, and opens one to see what to review (the list, the badge, the markers on guessed
// fields). The drafts the browser made are the drafts the CLI makes for the same page and source.
// Bad input shows the importer's error and writes nothing; a dropped file is read under its name.
import {execFile} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {promisify} from 'node:util'
import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {projectNode} from '../../studio/build.ts'
import type {TestBrowser} from './support/browser.ts'
import {root, type Stack} from './support/stack.ts'
import {closeStudioSession, startStudioSession} from './support/studio-session.ts'
import {screenshot, waitForStudioIdle} from './support/studio-ui.ts'

let stack: Stack
let browser: TestBrowser
let studio: Page

const page = path.join(root, 'importer', 'test', 'fixtures', 'goblet-squat.html')
const docs = path.join(root, 'studio', 'docs')
type Doc = {_id: string; _type: string; [field: string]: unknown}

beforeAll(async () => {
  ;({stack, browser, studio} = await startStudioSession())
}, 300_000)

afterAll(() => closeStudioSession({stack, browser}))

const raw = <T>(query: string, params: Record<string, unknown> = {}) => stack.lake.client().fetch<T>(query, params, {perspective: 'raw'})

async function openTool(): Promise<void> {
  await studio.goto(new URL('/import-article', stack.studio.url).href)
  await studio.getByRole('heading', {name: 'Import article'}).waitFor()
  // The Studio mounts a tool a second time right after loading it (its layout's plugin wrappers
  // settle); text typed into the first one in between is lost, as it would be for a person.
  await waitForStudioIdle(studio)
}

/** Drops a file on the tool's input box, as a file dragged from the desktop. */
async function dropFile(name: string, bytes: number[], type: string): Promise<void> {
  const transfer = await studio.evaluateHandle(
    ({name, bytes, type}) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(bytes)], name, {type}))
      return data
    },
    {name, bytes, type},
  )
  await studio.getByTestId('import-input').dispatchEvent('drop', {dataTransfer: transfer})
}

/** The CLI's drafts for a file, read against the same lake (`npm run import -- FILE --dry-run`). */
async function cliDrafts(file: string): Promise<Doc[]> {
  const {stdout} = await promisify(execFile)(
    projectNode,
    [
      '--conditions=spotter-source',
      path.join(root, 'importer', 'src', 'cli.ts'),
      file,
      '--dry-run',
      '--lake',
      stack.lake.url,
      '--token',
      stack.lake.writeToken,
    ],
    {cwd: root},
  )
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Doc)
}

/** A document as the importer wrote it: without the lake's system fields and the import time. */
const content = ({_rev, _createdAt, _updatedAt, importInfo, ...doc}: Doc) => ({
  ...doc,
  importInfo: {...(importInfo as Record<string, unknown>), importedAt: undefined},
})

describe('importing an article in the Studio', {timeout: 240_000}, () => {
  it('proposes the drafts, creates them in one transaction unpublished, and the draft lists what to review', async () => {
    const expected = await cliDrafts(page)
    await openTool()
    await studio.getByRole('textbox', {name: 'Article text or HTML'}).fill(fs.readFileSync(page, 'utf8'))
    // The file's path as the source: the ids are then the CLI's for the same file.
    await studio.getByRole('textbox', {name: 'Source'}).fill(page)
    await studio.getByRole('button', {name: 'Read article'}).click()

    const proposal = studio.getByTestId('import-proposal')
    await proposal.waitFor()
    const proposed = (type: string, title: string) =>
      proposal.locator(`[data-testid="import-proposed"][data-type="${type}"]`, {hasText: title})
    await expect.poll(() => proposed('article', 'How to Do the Goblet Squat').innerText()).toMatch(/^New/)
    await expect.poll(() => proposed('exercise', 'Goblet squat').innerText()).toMatch(/New[\s\S]*Guessed, to review:.*Steps › Phase/)
    await expect.poll(() => proposed('equipment', 'Kettlebell').innerText()).toMatch(/^New/)
    const dumbbell = proposal.locator('[data-testid="import-matched"][data-type="equipment"]', {hasText: 'Dumbbell'})
    await expect.poll(() => dumbbell.innerText()).toMatch(/^Existing\s+Equipment\s+Dumbbell$/)
    expect(await proposal.locator('[data-testid="import-proposed"]').count()).toBe(expected.length)
    // The page's <script> was parsed into an inert document, never run in the Studio.
    expect(await studio.evaluate(() => (window as {ads?: unknown}).ads)).toBeUndefined()
    await proposal.screenshot({path: path.join(docs, 'import-01-proposal.png'), animations: 'disabled'})

    const before = await raw<number>('count(*[_id in path("drafts.**")])')
    await studio.getByTestId('import-create').click()
    const done = studio.getByTestId('import-done')
    await done.waitFor()
    const transactionId = /\(transaction (\S+)\)/.exec(await done.innerText())?.[1]

    // On the lake: every draft, in the one transaction the tool reported, equal to the CLI's.
    const ids = expected.map((d) => d._id)
    const written = await raw<Doc[]>('*[_id in $ids] | order(_id asc)', {ids})
    expect(written.map((d) => d._id)).toEqual([...ids].sort())
    expect(new Set(written.map((d) => d._rev))).toEqual(new Set([transactionId]))
    expect(written.map(content)).toEqual(
      expected.sort((a, b) => (a._id < b._id ? -1 : 1)).map((d) => JSON.parse(JSON.stringify(content(d)))),
    )
    expect(await raw<number>('count(*[_id in path("drafts.**")])')).toBe(before + ids.length)
    // Nothing published: none of the new documents exists outside drafts.
    expect(await raw<string[]>('*[_id in $ids]._id', {ids: ids.map((id) => id.replace(/^drafts\./, ''))})).toEqual([])

    // The exercise opens with its review list: the guessed fields by their titles, and the badge.
    await done.getByRole('link', {name: 'Exercise: Goblet squat'}).click()
    const review = studio.getByTestId('import-review')
    await review.waitFor()
    await expect.poll(() => review.innerText()).toContain(`From ${page} (html)`)
    const fields = review.getByTestId('import-review-fields')
    for (const title of ['Category', 'Steps › Phase', 'Prescriptions › Training phase'])
      await fields.getByRole('button', {name: title, exact: true}).waitFor()
    await studio.getByText('Imported', {exact: true}).first().waitFor()
    // The guessed fields carry a marker in the form; the others do not.
    await studio.locator('[data-testid="guessed-field"][data-path="category"]').getByText('Guessed by the importer').waitFor()
    expect(await studio.locator('[data-testid="guessed-field"][data-path="name"]').count()).toBe(0)
    await review.screenshot({path: path.join(docs, 'import-02-review.png'), animations: 'disabled'})
    // A guessed field's button opens the field.
    await fields.getByRole('button', {name: 'Steps › Phase', exact: true}).click()
    await studio.getByTestId('field-steps').waitFor()
    // A step's dialog marks its guessed phase.
    await studio.getByTestId('field-steps').getByText('Pause briefly at the bottom.').click()
    const dialog = studio.getByRole('dialog')
    await dialog.locator('[data-testid="guessed-field"][data-path="steps.phase"]').getByText('Guessed by the importer').waitFor()
    await dialog
      .locator('[data-testid="guessed-field"][data-path="steps.phase"]')
      .screenshot({path: path.join(docs, 'import-03-guessed-field.png')})
    await studio.keyboard.press('Escape')
    await screenshot(studio, 'import-03-review-steps')
  })

  it('refuses an empty text, a text with no article and a binary file with the importer’s error, and writes nothing', async () => {
    const state = () => raw<{count: number; revs: unknown[]}>('{"count": count(*), "revs": *[] | order(_id asc) {_id, _rev}}')
    const before = await state()
    await openTool()
    const error = studio.getByTestId('import-error')
    const read = studio.getByRole('button', {name: 'Read article'})

    await read.click()
    await expect.poll(() => error.innerText()).toBe('the pasted text: the file is empty; nothing to import')

    await studio
      .getByRole('textbox', {name: 'Article text or HTML'})
      .fill('Back soon!\n\nOur site is down for maintenance. Thanks for waiting.')
    await read.click()
    await expect.poll(() => error.innerText()).toMatch(/^the pasted text: no article found \(\d+ words of body text/)

    // A picture dropped on the box.
    await dropFile('photo.png', [0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13], 'image/png')
    await studio.getByTestId('import-file').getByText('File: photo.png (12 bytes)').waitFor()
    await read.click()
    await expect.poll(() => error.innerText()).toBe('photo.png: the file is binary, not an HTML, Markdown or text article')
    await screenshot(studio, 'import-04-binary-refused')

    expect(await studio.getByTestId('import-create').count()).toBe(0)
    expect(await state()).toEqual(before)
  })

  it('reads a dropped Markdown file under its file name, and writes nothing until Create', async () => {
    const before = await raw<number>('count(*)')
    await openTool()
    const markdown = fs.readFileSync(path.join(root, 'importer', 'test', 'fixtures', 'glute-bridge.md'))
    await dropFile('glute-bridge.md', [...markdown], 'text/markdown')
    await studio
      .getByTestId('import-file')
      .getByText(`File: glute-bridge.md (${markdown.length.toLocaleString('en-US')} bytes)`)
      .waitFor()
    expect(await studio.getByRole('textbox', {name: 'Source'}).inputValue()).toBe('glute-bridge.md')
    await studio.getByRole('button', {name: 'Read article'}).click()
    const proposal = studio.getByTestId('import-proposal')
    await proposal.getByText('Source: glute-bridge.md').waitFor()
    await proposal.locator('[data-testid="import-proposed"][data-type="exercise"]', {hasText: 'Glute bridge'}).waitFor()
    expect(await raw<number>('count(*)')).toBe(before)
  })
})
