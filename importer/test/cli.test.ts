// The CLI against a real lake process: dry runs of the seed articles compared with the seed,
// writes in one transaction that a second run updates instead of repeating, and bad input that
// writes nothing.
import * as fs from 'node:fs'
import * as os from 'node:os'
import {join} from 'node:path'
import type {SanityClient} from '@sanity/client'
import {startLake, type TestLake} from '@spotter/lake/testing'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {factsOf, ROOT, score, seedArticleFiles, seedDocuments, startingDataset} from '../bench/facts.ts'
import {fixture, runCli} from './support.ts'

type Doc = {_id: string; _type: string; _rev?: string; [k: string]: any}
// Each CLI run is a new Node process that loads the compiled schema (about 2.5 s alone on an idle
// machine); a test makes one to four runs.
const ONE_RUN = 60_000
const seed = seedDocuments() as Doc[]
let lake: TestLake
let client: SanityClient
let lakeArgs: string[]
const drafts = () => client.fetch<Doc[]>('*[_id in path("drafts.**")] | order(_id asc)', {}, {perspective: 'raw'})
const publishedCount = () => client.fetch<number>('count(*[!(_id in path("drafts.**"))])', {}, {perspective: 'raw'})
const ndjson = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Doc)

beforeAll(async () => {
  lake = await startLake({documents: startingDataset(seed), rateLimits: 'off'})
  client = lake.client() as SanityClient
  lakeArgs = ['--lake', lake.url, '--token', lake.writeToken, '--dataset', lake.dataset]
})
afterAll(() => lake?.stop())

describe('dry run of each seed article', () => {
  it.each(seedArticleFiles().map((f) => [f.split('/').at(-1)!, f]))(
    "%s: its key facts are the seed's, and nothing is written",
    async (_name, file) => {
      const before = await publishedCount()
      const run = await runCli([file, '--dry-run', ...lakeArgs])
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      const docs = ndjson(run.stdout)
      expect(docs.every((d) => d._id.startsWith('drafts.') && d.importInfo?.source === file && d.importInfo?.importedAt)).toBe(true)
      const article = docs.find((d) => d._type === 'article')!
      const seedArticle = seed.find((d) => d._type === 'article' && d.title === article.title)!
      expect(seedArticle, `a seed article titled ${article.title}`).toBeDefined()
      // Equipment links and picture credits of the article
      const mine = factsOf([article])
      const theirs = factsOf([seedArticle])
      for (const kind of ['equipment links', 'credits']) expect([...mine.keys[kind]!].sort(), kind).toEqual([...theirs.keys[kind]!].sort())
      // Ranges: those the seed sources to this article
      const seedRanges = factsOf(
        seed
          .filter((d) => d._type === 'exercise')
          .map((e) => ({...e, prescriptions: (e.prescriptions ?? []).filter((p: Doc) => p.source?._ref === seedArticle._id)})),
      )
      expect([...factsOf(docs).keys.ranges!].sort()).toEqual([...seedRanges.keys.ranges!].sort())
      // The author and their credentials
      const author = docs.find((d) => d._id.replace('drafts.', '') === article.author?._ref)
      const seedAuthor = seed.find((d) => d._id === seedArticle.author?._ref)
      expect([...factsOf(author ? [author] : []).keys.credentials!].sort()).toEqual(
        [...factsOf(seedAuthor ? [seedAuthor] : []).keys.credentials!].sort(),
      )
      // Steps and mistakes it produces are all in the seed
      for (const s of score(factsOf(seed), factsOf(docs)).filter((x) => ['steps', 'mistakes'].includes(x.kind)))
        expect(s.extra, s.kind).toEqual([])
      expect(await drafts()).toEqual([])
      expect(await publishedCount()).toBe(before)
    },
    ONE_RUN,
  )

  it(
    'all three together reach the target on every kind of fact',
    async () => {
      const run = await runCli([...seedArticleFiles(), '--dry-run', ...lakeArgs])
      expect(run.code).toBe(0)
      for (const s of score(factsOf(seed), factsOf(ndjson(run.stdout)))) {
        expect(s.precision, `${s.kind} precision`).toBeGreaterThanOrEqual(0.9)
        expect(s.recall, `${s.kind} recall`).toBeGreaterThanOrEqual(0.9)
      }
    },
    ONE_RUN,
  )
})

describe('bad input writes nothing', () => {
  const dir = fs.mkdtempSync(join(os.tmpdir(), 'importer-bad-'))
  const empty = join(dir, 'empty.html')
  fs.writeFileSync(empty, '')
  afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))
  const binary = join(ROOT, 'seed', 'images', fs.readdirSync(join(ROOT, 'seed', 'images'))[0]!)

  it.each([
    ['an empty file', [empty], `${empty}: the file is empty`],
    ['a binary file', [binary], `${binary}: the file is binary`],
    ['a page with no article', [fixture('no-article.html')], 'no-article.html: no article found'],
    ['a missing file', [join(dir, 'missing.md')], 'missing.md: cannot read the file (ENOENT)'],
    ['a good file with a bad one', [seedArticleFiles()[0]!, empty], `${empty}: the file is empty`],
  ])(
    '%s',
    async (_what, files, message) => {
      const before = await publishedCount()
      const run = await runCli([...files, ...lakeArgs])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(message)
      expect(run.stderr).toContain('Nothing was written.')
      expect(run.stdout).toBe('')
      expect(await drafts()).toEqual([])
      expect(await publishedCount()).toBe(before)
    },
    ONE_RUN,
  )
})

describe('importing twice', () => {
  it(
    'updates the same drafts in one transaction per run, repeats nothing and publishes nothing',
    async () => {
      const published = await publishedCount()
      const runs: {ids: string[]; transaction: string; docs: Doc[]}[] = []
      for (let i = 0; i < 2; i++) {
        const run = await runCli([...seedArticleFiles(), fixture('goblet-squat.html'), ...lakeArgs])
        expect(run.code, run.stderr).toBe(0)
        const transaction = /in transaction (\S+);/.exec(run.stderr)?.[1]
        expect(transaction).toBeTruthy()
        const docs = await drafts()
        runs.push({ids: docs.map((d) => d._id), transaction: transaction!, docs})
        // One transaction wrote every draft
        expect(new Set(docs.map((d) => d._rev))).toEqual(new Set([transaction]))
      }
      const [first, second] = runs
      expect(second!.ids).toEqual(first!.ids)
      expect(second!.transaction).not.toBe(first!.transaction)
      expect(await publishedCount()).toBe(published)
      // Same content but for the import time; no array item twice
      const strip = (d: Doc) =>
        JSON.stringify({
          ...d,
          _rev: undefined,
          _updatedAt: undefined,
          _createdAt: undefined,
          importInfo: {...d.importInfo, importedAt: undefined},
        })
      expect(second!.docs.map(strip)).toEqual(first!.docs.map(strip))
      for (const d of second!.docs) {
        for (const [field, value] of Object.entries(d)) {
          if (!Array.isArray(value)) continue
          const keys = value.map((v: {_key?: string}) => v._key)
          expect(new Set(keys).size, `${d._id} ${field}`).toBe(keys.length)
          const texts = value.map((v: unknown) => JSON.stringify(v, (k, x) => (k === '_key' ? undefined : x)))
          expect(new Set(texts).size, `${d._id} ${field}`).toBe(texts.length)
        }
      }
      // The two seed articles about the reverse hyperextension share one exercise draft
      expect(second!.docs.filter((d) => d._type === 'exercise' && d.name === 'Reverse hyperextension')).toHaveLength(1)
    },
    2 * ONE_RUN,
  )
})
