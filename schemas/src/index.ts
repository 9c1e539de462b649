// @spotter/schemas: the Spotter content model. `spotter()` is the Studio plugin; the type lists
// go straight into `createSchema`; option lists are plain data (./options.ts, no `sanity` import).
export {spotter} from './plugin.ts'
export {structure as spotterStructure, attentionList, HAS_DRAFT, STRUCTURE_API_VERSION} from './studio/structure.ts'
export {attentionLists, attentionParams} from './studio/attention.ts'
export {guessedFieldTitle, importRecordOf, type ImportRecord} from './studio/guessed-fields.ts'
export {
  documentTypes,
  objectTypes,
  schemaTypes,
  DOCUMENT_TYPES,
  typeNames,
  ARTICLE_BODY_BLOCK_TYPES,
  type DocumentTypeName,
} from './schema-types.ts'
export * from './options.ts'
export {publishedId} from './rules/ids.ts'
