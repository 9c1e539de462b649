// How close the importer comes to the hand-built seed: the three seed articles are imported on top
// of the seed's taxonomy (muscles, equipment, disclaimers, publishers, the exercises the articles
// only point to), and the drafts are compared with the seed fact by fact.
import * as fs from 'node:fs'
import {finalDrafts, importFiles} from '../src/import.ts'
import {factsOf, score, seedArticleFiles, seedDocuments, startingDataset} from './facts.ts'

const seed = seedDocuments()
const files = seedArticleFiles()
const started = performance.now()
const drafts = finalDrafts(
  importFiles(
    files.map((f) => ({source: f, bytes: fs.readFileSync(f)})),
    startingDataset(seed),
    '2026-01-01T00:00:00.000Z',
  ),
)
const ms = performance.now() - started
const scores = score(factsOf(seed), factsOf(drafts))

console.log(`importer: ${files.length} seed articles -> ${drafts.length} drafts in ${ms.toFixed(0)} ms`)
console.log(
  `${'kind'.padEnd(22)}${'expected'.padStart(9)}${'produced'.padStart(9)}${'matched'.padStart(8)}${'precision'.padStart(10)}${'recall'.padStart(8)}`,
)
for (const s of scores) {
  console.log(
    `${s.kind.padEnd(22)}${String(s.expected).padStart(9)}${String(s.produced).padStart(9)}${String(s.matched).padStart(8)}${s.precision.toFixed(2).padStart(10)}${s.recall.toFixed(2).padStart(8)}`,
  )
}
if (process.argv.includes('--details')) {
  for (const s of scores) {
    for (const m of s.missing) console.log(`  missing ${s.kind}: ${m}`)
    for (const e of s.extra) console.log(`  extra   ${s.kind}: ${e}`)
  }
}
