// The entry the Studio's "Import article" tool imports (`@spotter/importer`): it reaches no Node
// module, gives the CLI's drafts for the same article, and describes them for the editor: new or
// adding to an existing document, and which existing documents they were matched to.
import * as fs from 'node:fs'
import {join} from 'node:path'
import {build} from 'esbuild'
import {describe, expect, it} from 'vitest'
import {ImportError, PASTED, pastedSource, proposeImport, type Proposal} from '@spotter/importer'
import {seedArticleFiles, seedDocuments, startingDataset, ROOT} from '../bench/facts.ts'
import {parseWithLinkedom} from '../src/import.ts'
import {fixture, importOnSeed} from './support.ts'

const importedAt = '2026-01-01T00:00:00.000Z'
const propose = (file: string, existing = startingDataset(seedDocuments()), source: string | undefined = file): Proposal =>
  proposeImport({bytes: fs.readFileSync(file), source}, {existing, parseHtml: parseWithLinkedom, importedAt})

describe('the entry the Studio imports', () => {
  it('bundles for the browser with no Node module, no linkedom and no file access', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'importer', 'src', 'index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['spotter-source'],
      loader: {'.css': 'empty'},
      logLevel: 'silent',
    })
    // A `node:` import would have failed the browser build; linkedom would be bundled silently.
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((i) => /linkedom|importer\/src\/(?:import|cli|lake-client)\.ts$/.test(i))).toEqual([])
    expect(inputs).toContain('importer/src/batch.ts')
  }, 60_000)

  it.each([...seedArticleFiles(), fixture('goblet-squat.html'), fixture('glute-bridge.md')])(
    'gives the CLI path’s drafts for %s',
    (file) => {
      expect(propose(file).drafts).toEqual(importOnSeed(file))
    },
  )
})

describe('the proposal', () => {
  it('tells new drafts from matched documents, and lists what was guessed', () => {
    const proposal = propose(fixture('goblet-squat.html'))
    const row = (type: string, title: string) => proposal.documents.find((d) => d._type === type && d.title === title)
    expect(row('article', 'How to Do the Goblet Squat')).toMatchObject({status: 'new'})
    expect(row('exercise', 'Goblet squat')).toMatchObject({status: 'new'})
    expect(row('exercise', 'Goblet squat')!.guessedFields).toEqual(expect.arrayContaining(['steps.phase']))
    expect(row('equipment', 'Kettlebell')).toMatchObject({status: 'new'})
    expect(proposal.matched).toEqual(
      expect.arrayContaining([
        {_id: 'equipment-dumbbell', _type: 'equipment', title: 'Dumbbell'},
        {_id: 'muscle-gluteus-maximus', _type: 'muscle', title: expect.any(String)},
      ]),
    )
    // Nothing proposed is also listed as matched, and every proposed id is a draft.
    const proposed = new Set(proposal.documents.map((d) => d._id.replace(/^drafts\./, '')))
    expect(proposal.matched.filter((m) => proposed.has(m._id))).toEqual([])
    expect(proposal.documents.every((d) => d._id.startsWith('drafts.'))).toBe(true)
  })

  it('a seed article on the full seed adds to the published exercise; a second import replaces its own drafts', () => {
    const [file] = seedArticleFiles()
    const seed = seedDocuments()
    const first = propose(file!, seed)
    const exercise = first.documents.find((d) => d._type === 'exercise')!
    expect(exercise.status).toBe('adds-to-published')
    expect(seed.some((d) => d._id === exercise._id.replace('drafts.', ''))).toBe(true)
    const again = propose(file!, [...seed, ...first.drafts])
    expect(again.documents.map((d) => d._id)).toEqual(first.documents.map((d) => d._id))
    expect(new Set(again.documents.map((d) => d.status))).toEqual(new Set(['replaces-draft']))
  })

  it('pasted text without a source is named by its title, so pasting it again gives the same drafts', () => {
    const file = fixture('glute-bridge.md')
    const pasted = propose(file, undefined, '')
    const title = pasted.drafts.find((d) => d._type === 'article')!.title
    expect(pasted.source).toBe(pastedSource(String(title)))
    expect(pasted.drafts.every((d) => d.importInfo.source === pasted.source)).toBe(true)
    expect(propose(file, undefined, '  ').drafts.map((d) => d._id)).toEqual(pasted.drafts.map((d) => d._id))
    expect(propose(file).drafts.map((d) => d._id)).not.toEqual(pasted.drafts.map((d) => d._id))
  })

  it('refuses empty, binary and article-less input with the importer’s message', () => {
    const run = {existing: startingDataset(seedDocuments()), parseHtml: parseWithLinkedom, importedAt}
    const refuse = (bytes: Uint8Array) => () => proposeImport({bytes}, run)
    expect(refuse(new TextEncoder().encode('   \n'))).toThrow(new ImportError(`${PASTED}: the file is empty; nothing to import`))
    expect(refuse(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2]))).toThrow(/the pasted text: the file is binary/)
    expect(refuse(fs.readFileSync(fixture('no-article.html')))).toThrow(/the pasted text: no article found \(\d+ words of body text/)
  })
})
