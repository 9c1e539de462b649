// The official GROQ conformance suite, run over HTTP against a real lake process with the real
// @sanity/client: one dataset per inline suite dataset, imported verbatim, every test's query run
// with its params in the raw perspective. A failure must be listed in known-failures.json with its
// reason, and a listed test that now passes fails this test too, so the list stays honest. Tests of
// the optional features the lake implements (IMPLEMENTED_FEATURES: the geo functions) are required
// like the core ones; the other optional features run for the record only.
// Writes a per-file report to test-artifacts/conformance.json.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {IMPLEMENTED_FEATURES, loadSuite, sameResult, selectionOf, testKey, type Selection, type SuiteTest} from './suite.ts'

const REPORT_PATH = fileURLToPath(new URL('../../test-artifacts/conformance.json', import.meta.url))
const KNOWN_FAILURES = JSON.parse(readFileSync(new URL('./known-failures.json', import.meta.url), 'utf8')) as Record<string, string>
/** Plain groq-js 2.0.1 in process (the suite's README): the lake must do at least as well. */
const GROQ_JS_BASELINE_PASSES = 7292
const CONCURRENCY = 12

interface Outcome {
  test: SuiteTest
  passed: boolean
  detail?: string
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index]!)
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker))
  return results
}

async function request(lake: SpawnedLake, method: string, path: string, body?: string, contentType?: string): Promise<void> {
  const response = await fetch(`${lake.url}/v2025-02-19${path}`, {
    method,
    headers: {authorization: `Bearer ${lake.writeToken}`, ...(contentType ? {'content-type': contentType} : {})},
    body,
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
}

async function runTest(client: SanityClient, test: SuiteTest): Promise<Outcome> {
  try {
    const result: unknown = await client.fetch(test.query, test.params ?? {}, {perspective: 'raw'})
    if (!test.valid) return {test, passed: false, detail: `expected an error, got ${JSON.stringify(result).slice(0, 200)}`}
    if (sameResult(result, test.result)) return {test, passed: true}
    return {
      test,
      passed: false,
      detail: `got ${JSON.stringify(result).slice(0, 200)}, expected ${JSON.stringify(test.result).slice(0, 200)}`,
    }
  } catch (error) {
    if (!test.valid) return {test, passed: true}
    return {
      test,
      passed: false,
      detail: `error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300),
    }
  }
}

describe('GROQ conformance suite over HTTP', () => {
  let lake: SpawnedLake
  const outcomes: Outcome[] = []
  const setAside = new Map<Exclude<Selection, 'run'>, number>()
  /** Tests needing an optional feature run too, for the report only: per feature, passed and failed. */
  const byFeature = new Map<string, {passed: number; failed: number}>()
  const files = new Map<string, {passed: number; failed: number; knownFailures: number; skipped: number}>()
  const row = (file: string) => {
    let found = files.get(file)
    if (!found) files.set(file, (found = {passed: 0, failed: 0, knownFailures: 0, skipped: 0}))
    return found
  }
  const started = performance.now()

  beforeAll(async () => {
    const {datasets, tests} = loadSuite()
    const runnable: SuiteTest[] = []
    const featureTests: SuiteTest[] = []
    for (const test of tests) {
      const selection = selectionOf(test, datasets)
      if (selection === 'run') runnable.push(test)
      else {
        setAside.set(selection, (setAside.get(selection) ?? 0) + 1)
        row(test.filename).skipped++
      }
      if (selection === 'feature') featureTests.push(test)
    }

    // The suite's expected results list unordered `*` in `_id` order (what groq-js and the lake's
    // default mode give), so shuffling unordered results would fail tests for no real difference.
    // Imports and thousands of queries from one client: bulk work, so the rate limits are off.
    lake = await spawnLake({shuffleUnordered: false, rateLimits: 'off'})
    // One lake dataset per suite dataset the runnable tests use, imported exactly as given.
    const names = new Map<string, string>()
    for (const test of [...runnable, ...featureTests]) {
      if (!names.has(test.dataset._ref)) names.set(test.dataset._ref, `suite-${names.size}`)
    }
    await mapLimit([...names], 4, async ([id, name]) => {
      await request(lake, 'PUT', `/projects/${lake.projectId}/datasets/${name}`)
      const documents = datasets.get(id)!.documents!
      if (documents.length === 0) return
      const ndjson = `${documents.map((doc) => JSON.stringify(doc)).join('\n')}\n`
      await request(lake, 'POST', `/data/import/${name}?verbatim=true`, ndjson, 'application/x-ndjson')
    })

    const clients = new Map([...names].map(([id, name]) => [id, lake.client({dataset: name})]))
    outcomes.push(...(await mapLimit(runnable, CONCURRENCY, (test) => runTest(clients.get(test.dataset._ref)!, test))))
    for (const {test, passed} of await mapLimit(featureTests, CONCURRENCY, (t) => runTest(clients.get(t.dataset._ref)!, t))) {
      for (const feature of test.features ?? []) {
        const counts = byFeature.get(feature) ?? {passed: 0, failed: 0}
        counts[passed ? 'passed' : 'failed']++
        byFeature.set(feature, counts)
      }
    }
  }, 600_000)

  afterAll(async () => {
    await lake?.stop()
    if (outcomes.length === 0) return
    for (const {test, passed} of outcomes) {
      if (passed) row(test.filename).passed++
      else if (KNOWN_FAILURES[testKey(test)]) row(test.filename).knownFailures++
      else row(test.filename).failed++
    }
    const implemented = Object.fromEntries(
      [...IMPLEMENTED_FEATURES].map((feature) => {
        const tests = outcomes.filter((o) => o.test.features?.includes(feature))
        return [feature, {passed: tests.filter((o) => o.passed).length, failed: tests.filter((o) => !o.passed).length}]
      }),
    )
    const total = {
      passed: outcomes.filter((o) => o.passed).length,
      knownFailures: outcomes.filter((o) => !o.passed && KNOWN_FAILURES[testKey(o.test)]).length,
      unexpectedFailures: outcomes.filter((o) => !o.passed && !KNOWN_FAILURES[testKey(o.test)]).length,
      skipped: Object.fromEntries(setAside),
      implementedFeatures: implemented,
      optionalFeatures: Object.fromEntries(byFeature),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    }
    console.log(
      `GROQ conformance over HTTP: ${total.passed} passed, ${total.knownFailures} known failures, ` +
        `${total.unexpectedFailures} unexpected failures, in ${total.seconds} s`,
    )
    console.table(Object.fromEntries([...files].sort()))
    console.log('set aside:', total.skipped)
    console.log('optional features the lake implements (required):')
    console.table(total.implementedFeatures)
    console.log('optional features (not required, run for the record):')
    console.table(total.optionalFeatures)
    mkdirSync(dirname(REPORT_PATH), {recursive: true})
    const failures = outcomes
      .filter((o) => !o.passed)
      .map((o) => ({test: testKey(o.test), detail: o.detail, known: KNOWN_FAILURES[testKey(o.test)] ?? null}))
    writeFileSync(REPORT_PATH, `${JSON.stringify({total, files: Object.fromEntries([...files].sort()), failures}, null, 2)}\n`)
  })

  it('runs the tests on inline datasets (not GROQ 0.1, not the external dataset, no optional feature the lake lacks)', () => {
    expect(outcomes.length).toBeGreaterThan(9_000)
    // The suite's geo tests (2,371) are among them.
    expect(outcomes.filter((o) => o.test.features?.includes('geoFunctions')).length).toBeGreaterThan(2_300)
    expect(setAside.get('external-dataset')).toBeGreaterThan(0)
  })

  it('passes every test, or the failure is a listed known failure', () => {
    const unexpected = outcomes.filter((o) => !o.passed && !KNOWN_FAILURES[testKey(o.test)])
    expect(unexpected.map((o) => `${testKey(o.test)}: ${o.detail}`)).toEqual([])
  })

  it('lists no known failure that now passes or no longer runs', () => {
    const ran = new Map(outcomes.map((o) => [testKey(o.test), o.passed]))
    const stale = Object.keys(KNOWN_FAILURES).filter((key) => ran.get(key) !== false)
    expect(stale).toEqual([])
  })

  it('does at least as well as plain groq-js in process', () => {
    const core = outcomes.filter((o) => !o.test.features?.length)
    expect(core.filter((o) => o.passed).length).toBeGreaterThanOrEqual(GROQ_JS_BASELINE_PASSES)
  })
})
