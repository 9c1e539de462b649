// Imports files: reads each, matches it against the catalogue (which grows with each file's
// drafts, so two files about one exercise share its draft), and writes all drafts at once.
import * as fs from 'node:fs'
import {resolve} from 'node:path'
import {importArticle, type Draft} from './article.ts'
import {Catalog, type CatalogDocument} from './catalog.ts'
import {ImportError, readText} from './detect.ts'

export {ImportError}

export interface ImportedFile {
  source: string
  drafts: Draft[]
}

/** Drafts for every file, in order; throws ImportError on the first bad file (nothing is written then). */
export function importFiles(
  files: {source: string; bytes: Uint8Array}[],
  existing: CatalogDocument[],
  importedAt = new Date().toISOString(),
): ImportedFile[] {
  if (files.length === 0) throw new ImportError('no files given: npm run import -- FILE... [--dry-run]')
  let known = existing
  const out: ImportedFile[] = []
  for (const file of files) {
    const text = readText(file.bytes, file.source)
    const drafts = importArticle({source: file.source, text, catalog: new Catalog(known), importedAt})
    const ids = new Set(drafts.map((d) => d._id))
    known = [...known.filter((d) => !ids.has(d._id)), ...(drafts as CatalogDocument[])]
    out.push({source: file.source, drafts})
  }
  return out
}

/** The last version of each draft across files (a later file may extend an earlier one's draft). */
export function finalDrafts(imported: ImportedFile[]): Draft[] {
  const byId = new Map<string, Draft>()
  for (const file of imported) for (const d of file.drafts) byId.set(d._id, d)
  return [...byId.values()]
}

export function readFiles(paths: string[]): {source: string; bytes: Uint8Array}[] {
  return paths.map((path) => {
    try {
      // The absolute path: the same file gives the same ids from any working directory.
      return {source: resolve(path), bytes: fs.readFileSync(path)}
    } catch (error) {
      throw new ImportError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
  })
}
