// The importer records what it guessed as field paths ("steps.phase", "body.alt"); an editor reads
// them as the form names them ("Steps › Phase"). Resolved through the compiled schema type, so the
// titles are the ones the form shows.

interface TypeLike {
  name?: string
  title?: string
  jsonType?: string
  fields?: {name: string; title?: string; type?: TypeLike}[]
  of?: TypeLike[]
}

const fromName = (name: string) => {
  const words = name
    .replace(/([A-Z])/g, ' $1')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The field `name` of an object type, or of any member type of an array type. */
function fieldOf(type: TypeLike | undefined, name: string): {title: string; type?: TypeLike} | undefined {
  for (const candidate of type?.jsonType === 'array' || type?.of ? (type?.of ?? []) : [type]) {
    const field = candidate?.fields?.find((f) => f.name === name)
    if (field) return {title: field.type?.title ?? field.title ?? fromName(name), type: field.type}
  }
  return undefined
}

/** "steps.phase" in the exercise type -> "Steps › Phase"; an unknown segment reads as its words. */
export function guessedFieldTitle(documentType: TypeLike, path: string): string {
  let type: TypeLike | undefined = documentType
  const titles: string[] = []
  for (const segment of path.split('.')) {
    const field = fieldOf(type, segment)
    titles.push(field?.title ?? fromName(segment))
    type = field?.type
  }
  return titles.join(' › ')
}

/** The import record of a document, when the importer wrote one. */
export interface ImportRecord {
  source?: string
  importedAt?: string
  format?: string
  guessedFields?: string[]
}

export const importRecordOf = (doc: unknown): ImportRecord | undefined => {
  const record = (doc as {importInfo?: ImportRecord} | null | undefined)?.importInfo
  return record && typeof record === 'object' ? record : undefined
}

/**
 * The import record of a document still awaiting review: it carries one, and nothing has been
 * published since the import (a published version updated after `importedAt` was reviewed).
 */
export function awaitingReview(doc: unknown, published: {_updatedAt?: string} | null | undefined): ImportRecord | undefined {
  const record = importRecordOf(doc)
  if (!record) return undefined
  const publishedAt = published?._updatedAt ? Date.parse(published._updatedAt) : Number.NaN
  const importedAt = record.importedAt ? Date.parse(record.importedAt) : Number.NaN
  return publishedAt >= importedAt ? undefined : record
}
