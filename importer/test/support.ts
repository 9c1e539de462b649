// Shared test support: importing fixture and seed files in-process, and running the CLI.
import {spawn} from 'node:child_process'
import * as fs from 'node:fs'
import {join} from 'node:path'
import type {Draft} from '../src/article.ts'
import {finalDrafts, importFiles} from '../src/import.ts'
import {ROOT, seedDocuments, startingDataset} from '../bench/facts.ts'

export const FIXTURES = join(ROOT, 'importer', 'test', 'fixtures')
export const fixture = (name: string) => join(FIXTURES, name)

/** Drafts for files imported on top of the seed's taxonomy (as the bench does). */
export function importOnSeed(...paths: string[]): Draft[] {
  return finalDrafts(
    importFiles(
      paths.map((p) => ({source: p, bytes: fs.readFileSync(p)})),
      startingDataset(seedDocuments()),
      '2026-01-01T00:00:00.000Z',
    ),
  )
}

export const bodyText = (drafts: Draft[]) =>
  drafts
    .filter((d) => d._type === 'article')
    .flatMap((d) => d.body as {_type: string; children?: {text: string}[]}[])
    .map((b) => JSON.stringify(b))
    .join('\n')

/** Runs `npm run import` (the CLI, with the project's Node) and collects its output. */
export function runCli(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=spotter-source', join(ROOT, 'importer', 'src', 'cli.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({code, stdout, stderr}))
  })
}
