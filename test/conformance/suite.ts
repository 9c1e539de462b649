// The official GROQ conformance suite (../shared/conformance/, compiled from sanity-io/groq-test-suite):
// loading it, choosing what runs, and judging a result.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {gunzipSync} from 'node:zlib'
import {isDeepStrictEqual} from 'node:util'

export const SUITE_PATH = fileURLToPath(new URL('../../../shared/conformance/groq-test-suite.ndjson.gz', import.meta.url))

export interface SuiteDataset {
  _id: string
  name: string
  documents?: Record<string, unknown>[]
  url?: string
}

export interface SuiteTest {
  _id: string
  name: string
  filename: string
  query: string
  params: Record<string, unknown> | null
  result: unknown
  valid: boolean
  version?: string
  features?: string[]
  dataset: {_ref: string}
}

export interface Suite {
  datasets: Map<string, SuiteDataset>
  tests: SuiteTest[]
}

export function loadSuite(path = SUITE_PATH): Suite {
  const datasets = new Map<string, SuiteDataset>()
  const tests: SuiteTest[] = []
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (!line.trim()) continue
    const entry = JSON.parse(line) as {_type: string}
    if (entry._type === 'dataset') {
      const dataset = entry as unknown as SuiteDataset
      datasets.set(dataset._id, dataset)
    } else if (entry._type === 'test') tests.push(entry as unknown as SuiteTest)
  }
  return {datasets, tests}
}

export type Selection = 'run' | 'groq-0.1' | 'feature' | 'external-dataset'

/** Optional features the lake implements: their tests are required like the core ones. */
export const IMPLEMENTED_FEATURES: ReadonlySet<string> = new Set(['geoFunctions'])

/** Why a test is set aside, or 'run'. */
export function selectionOf(test: SuiteTest, datasets: Map<string, SuiteDataset>): Selection {
  if (!datasets.get(test.dataset._ref)?.documents) return 'external-dataset'
  if (test.version === '0.1') return 'groq-0.1'
  if (test.features?.some((feature) => !IMPLEMENTED_FEATURES.has(feature))) return 'feature'
  return 'run'
}

/**
 * Deep equality on JSON values, numbers compared as numbers (1 and 1.0 alike; -0 as 0).
 * Scoring tests state ranks, not scores: an expected `_pos` is the dense rank (1 = best) of the
 * result's `_score`, and neighbouring results of equal rank may come in either order.
 */
export function sameResult(actual: unknown, expected: unknown): boolean {
  const want = normalize(expected)
  const got = normalize(actual)
  if (isRanked(want)) {
    const gotRanks = ranked(got)
    return gotRanks !== undefined && isDeepStrictEqual(runsOfEqualRank(gotRanks), runsOfEqualRank(want as Ranked[]))
  }
  return isDeepStrictEqual(got, want)
}

type Ranked = Record<string, unknown> & {_pos: number}

function isRanked(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === 'object' && '_pos' in v)
}

/** `_score` replaced by its dense rank; undefined if the value has no scores to rank. */
function ranked(value: unknown): Ranked[] | undefined {
  if (!Array.isArray(value) || !value.every((v) => v !== null && typeof v === 'object' && typeof v._score === 'number')) return undefined
  const scores = [...new Set(value.map((v: {_score: number}) => v._score))].sort((a, b) => b - a)
  return value.map(({_score, ...rest}: {_score: number}) => ({...rest, _pos: scores.indexOf(_score) + 1}))
}

/** The list cut into runs of consecutive items of equal rank, each run in a canonical order. */
function runsOfEqualRank(list: Ranked[]): string[][] {
  const runs: Ranked[][] = []
  for (const item of list) {
    const last = runs[runs.length - 1]
    if (last && last[0]!._pos === item._pos) last.push(item)
    else runs.push([item])
  }
  const canonical = (item: Ranked) => JSON.stringify(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))
  return runs.map((run) => run.map(canonical).sort())
}

function normalize(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown
}

/** A stable key for a test in reports and the known-failures list. */
export function testKey(test: SuiteTest): string {
  return `${test.filename} :: ${test._id}`
}
