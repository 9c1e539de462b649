// Imports articles one after the other: each is matched against the catalogue, which grows with
// the drafts of the ones before (so two articles about one exercise share its draft). No Node
// modules: the Studio runs this in the browser with its DOMParser, the CLI in Node with linkedom.
import {importArticle, type Draft} from './article.ts'
import type {HtmlParser} from './body.ts'
import {Catalog, type CatalogDocument} from './catalog.ts'
import {ImportError, readText} from './detect.ts'

export interface ArticleFile {
  /** What the article is called in ids and `importInfo.source`: a path, an address, a name. */
  source: string
  bytes: Uint8Array
}

export interface ImportedFile {
  source: string
  drafts: Draft[]
}

export interface ImportRun {
  /** The dataset's documents of CATALOG_TYPES, drafts included (CATALOG_QUERY, raw perspective). */
  existing: CatalogDocument[]
  parseHtml: HtmlParser
  importedAt?: string
}

/** Drafts for every file, in order; throws ImportError on the first bad file (nothing is written then). */
export function importFiles(files: ArticleFile[], {existing, parseHtml, importedAt = new Date().toISOString()}: ImportRun): ImportedFile[] {
  if (files.length === 0) throw new ImportError('no article given')
  let known = existing
  const out: ImportedFile[] = []
  for (const file of files) {
    const text = readText(file.bytes, file.source)
    const drafts = importArticle({source: file.source, text, catalog: new Catalog(known), importedAt, parseHtml})
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
