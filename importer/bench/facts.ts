// Facts to compare the importer's drafts with the hand-built seed, kind by kind. A fact is a
// string key ("exercise|reps|8-12") or, for prose (steps, mistakes), a statement matched by word
// overlap. Used by the bench (precision and recall) and by the seed tests.
import * as fs from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {similarity} from '../src/words.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SEED_FILE = join(ROOT, 'seed', 'spotter.ndjson')
export const SEED_ARTICLES_DIR = process.env.SPOTTER_SEED_ARTICLES ?? join(ROOT, '..', 'shared', 'seeds')

type Doc = {_id: string; _type: string; [k: string]: any}
export const seedDocuments = (): Doc[] =>
  fs
    .readFileSync(SEED_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Doc)

/** What an importer run starts from: the seed without what the articles themselves introduce
 * (the articles, the exercises they teach, the people they name). */
export function startingDataset(seed: Doc[]): Doc[] {
  const taught = new Set(
    seed
      .filter((d) => d._type === 'article')
      .flatMap((a) => (a.body ?? []).filter((b: Doc) => b._type === 'exerciseEmbed').map((b: Doc) => b.exercise._ref)),
  )
  return seed.filter((d) => d._type !== 'article' && d._type !== 'person' && !taught.has(d._id))
}

export const seedArticleFiles = (): string[] =>
  fs
    .readdirSync(SEED_ARTICLES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(SEED_ARTICLES_DIR, f))

export interface Facts {
  /** Exact facts by kind. */
  keys: Record<string, Set<string>>
  /** Statements by kind, each with its owner ("exercise name"), matched by overlap. */
  statements: Record<string, {owner: string; text: string}[]>
}
export const KINDS = [
  'steps',
  'ranges',
  'equipment links',
  'muscle links',
  'credentials',
  'credits',
  'mistakes',
  'mistake corrections',
] as const

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim()
const refId = (r: {_ref?: string} | undefined) => r?._ref?.replace(/^drafts\./, '')

/** Facts of a set of documents. Documents are named by what the text calls them (article title,
 * exercise name, person name or descriptor), so drafts with other ids meet their seed versions. */
export function factsOf(docs: Doc[]): Facts {
  const byId = new Map(docs.map((d) => [d._id.replace(/^drafts\./, ''), d]))
  const nameOf = (id: string | undefined) => {
    const d = id ? byId.get(id) : undefined
    return norm(String(d?.name ?? d?.title ?? d?.descriptor ?? id ?? ''))
  }
  const keys: Facts['keys'] = Object.fromEntries(KINDS.map((k) => [k, new Set<string>()]))
  const statements: Facts['statements'] = Object.fromEntries(KINDS.map((k) => [k, []]))
  for (const d of docs) {
    const owner = nameOf(d._id.replace(/^drafts\./, ''))
    if (d._type === 'exercise') {
      for (const s of d.steps ?? []) statements.steps!.push({owner, text: s.instruction})
      for (const m of d.commonMistakes ?? []) {
        statements.mistakes!.push({owner, text: m.mistake})
        if (m.correction) statements['mistake corrections']!.push({owner, text: `${m.mistake} => ${m.correction}`})
      }
      for (const p of d.prescriptions ?? []) {
        for (const field of ['sets', 'reps', 'frequencyPerWeek'] as const)
          if (p[field]) keys.ranges!.add(`${owner}|${field}|${p[field].min}-${p[field].max}`)
        if (p.progressionRule?.whenSets) keys.ranges!.add(`${owner}|whenSets|${p.progressionRule.whenSets}`)
        if (p.progressionRule?.whenReps) keys.ranges!.add(`${owner}|whenReps|${p.progressionRule.whenReps}`)
      }
      for (const field of ['primaryMuscles', 'secondaryMuscles', 'stabilizerMuscles'])
        for (const r of d[field] ?? []) keys['muscle links']!.add(`${owner}|${refId(r)}`)
    }
    if (d._type === 'article') {
      for (const r of d.equipment ?? []) keys['equipment links']!.add(`${owner}|${refId(r)}`)
      const images = [d.heroImage, ...(d.body ?? []).filter((b: Doc) => b._type === 'creditedImage')].filter(Boolean)
      for (const i of images) if (i.credit) keys.credits!.add(`${owner}|${norm(i.credit)}`)
    }
    if (d._type === 'person') {
      for (const c of d.credentials ?? []) {
        keys.credentials!.add(`${owner}|${c.kind}|${norm(c.title)}`)
        if (c.issuingBody) keys.credentials!.add(`${owner}|${norm(c.title)}|issuer|${norm(c.issuingBody)}`)
        if (c.year) keys.credentials!.add(`${owner}|${norm(c.title)}|year|${c.year}`)
        for (const s of c.subjects ?? []) keys.credentials!.add(`${owner}|${norm(c.title)}|subject|${norm(s)}`)
      }
    }
  }
  return {keys, statements}
}

export interface Score {
  kind: string
  expected: number
  produced: number
  matched: number
  precision: number
  recall: number
  missing: string[]
  extra: string[]
}

/** Precision and recall of `produced` against `expected`, kind by kind. Statements match one to
 * one when they belong to the same owner and overlap by at least `threshold` (token F1). */
export function score(expected: Facts, produced: Facts, threshold = 0.6): Score[] {
  return KINDS.map((kind) => {
    if (expected.statements[kind]!.length + produced.statements[kind]!.length > 0) {
      const exp = expected.statements[kind]!
      const got = [...produced.statements[kind]!]
      const used = new Set<number>()
      const missing: string[] = []
      for (const e of exp) {
        const best = got
          .map((g, i) => ({i, s: g.owner === e.owner && !used.has(i) ? similarity(g.text, e.text) : 0}))
          .sort((a, b) => b.s - a.s)[0]
        if (best && best.s >= threshold) used.add(best.i)
        else missing.push(`${e.owner}: ${e.text}`)
      }
      const matched = used.size
      return result(
        kind,
        exp.length,
        got.length,
        matched,
        missing,
        got.filter((_, i) => !used.has(i)).map((g) => `${g.owner}: ${g.text}`),
      )
    }
    const exp = expected.keys[kind]!
    const got = produced.keys[kind]!
    const matched = [...got].filter((k) => exp.has(k)).length
    return result(
      kind,
      exp.size,
      got.size,
      matched,
      [...exp].filter((k) => !got.has(k)),
      [...got].filter((k) => !exp.has(k)),
    )
  })
}

function result(kind: string, expected: number, produced: number, matched: number, missing: string[], extra: string[]): Score {
  return {
    kind,
    expected,
    produced,
    matched,
    precision: produced === 0 ? (expected === 0 ? 1 : 0) : matched / produced,
    recall: expected === 0 ? 1 : matched / expected,
    missing,
    extra,
  }
}
