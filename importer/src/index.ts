// @spotter/importer: the importer without Node modules, for the Studio's "Import article" tool
// (the browser's DOMParser) as much as for the CLI (linkedom, src/import.ts). The CLI, file
// reading and the lake client (fs) are not part of this entry.
export {importFiles, finalDrafts, type ArticleFile, type ImportedFile, type ImportRun} from './batch.ts'
export {
  proposeImport,
  describeDrafts,
  documentTitle,
  pastedSource,
  PASTED,
  type Proposal,
  type ProposedDocument,
  type ProposedStatus,
  type MatchedDocument,
} from './proposal.ts'
export type {Draft, ImportInfo} from './article.ts'
export type {HtmlParser} from './body.ts'
export {CATALOG_QUERY, CATALOG_TYPES, type CatalogDocument} from './catalog.ts'
export {ImportError, detectFormat, type Format} from './detect.ts'
