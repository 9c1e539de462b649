// The importer in Node (the CLI, the tests, the bench): files read from disk, HTML read with
// linkedom. The import itself is src/batch.ts, the same code the Studio runs in the browser.
import * as fs from 'node:fs'
import {resolve} from 'node:path'
import {DOMParser} from 'linkedom'
import type {Draft} from './article.ts'
import {finalDrafts, importFiles as importWith, type ArticleFile, type ImportedFile} from './batch.ts'
import type {CatalogDocument} from './catalog.ts'
import {ImportError} from './detect.ts'

export {finalDrafts, ImportError, type Draft, type ImportedFile}

/** linkedom's DOMParser: an inert document, like the browser's. */
export const parseWithLinkedom = (html: string): Document => new DOMParser().parseFromString(html, 'text/html') as unknown as Document

/** Drafts for every file, in order; throws ImportError on the first bad file (nothing is written then). */
export function importFiles(files: ArticleFile[], existing: CatalogDocument[], importedAt = new Date().toISOString()): ImportedFile[] {
  if (files.length === 0) throw new ImportError('no files given: npm run import -- FILE... [--dry-run]')
  return importWith(files, {existing, importedAt, parseHtml: parseWithLinkedom})
}

export function readFiles(paths: string[]): ArticleFile[] {
  return paths.map((path) => {
    try {
      // The absolute path: the same file gives the same ids from any working directory.
      return {source: resolve(path), bytes: fs.readFileSync(path)}
    } catch (error) {
      throw new ImportError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
  })
}
