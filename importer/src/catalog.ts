// What the dataset already holds, indexed by every name an editor might write: name, aliases,
// common name, descriptor and slug. Imported text is matched against it, longest name first.
import {matchTokens} from './words.ts'

export interface CatalogDocument {
  _id: string
  _type: string
  name?: string
  title?: string
  aliases?: string[]
  commonName?: string
  descriptor?: string
  slug?: {current?: string}
  [field: string]: unknown
}

export interface Mention {
  doc: CatalogDocument
  /** Token offsets in the text. */
  start: number
  end: number
  text: string
}

export const CATALOG_TYPES = ['exercise', 'equipment', 'muscle', 'person', 'disclaimer', 'organization', 'club'] as const

/** The GROQ query that reads the catalogue (published documents and drafts). */
export const CATALOG_QUERY = `*[_type in $types]{...}`

export const publishedId = (id: string) => id.replace(/^drafts\./, '')

export class Catalog {
  readonly documents: CatalogDocument[]
  private readonly names: {tokens: string[]; doc: CatalogDocument}[] = []

  constructor(documents: CatalogDocument[]) {
    // A draft stands for its document: prefer it over the published version (it is newer).
    const byId = new Map<string, CatalogDocument>()
    // In id order: a lake returns unordered queries in any order, and matching must not depend on it.
    for (const doc of [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))) {
      const id = publishedId(doc._id)
      if (!byId.has(id) || doc._id.startsWith('drafts.')) byId.set(id, doc)
    }
    this.documents = [...byId.values()]
    for (const doc of this.documents) {
      const names = [doc.name, doc.commonName, doc.descriptor, ...(doc.aliases ?? []), doc.slug?.current?.replace(/-/g, ' ')]
      for (const name of new Set(names.filter((n): n is string => Boolean(n)).map((n) => matchTokens(n).join(' ')))) {
        if (name) this.names.push({tokens: name.split(' '), doc})
      }
    }
    this.names.sort((a, b) => b.tokens.length - a.tokens.length)
  }

  ofType(type: string): CatalogDocument[] {
    return this.documents.filter((d) => d._type === type)
  }

  /** The document of `type` whose name, alias or slug is exactly `name`. */
  find(type: string, name: string): CatalogDocument | undefined {
    const wanted = matchTokens(name).join(' ')
    return this.names.find((n) => n.doc._type === type && n.tokens.join(' ') === wanted)?.doc
  }

  /** Every non-overlapping mention of a catalogued document of one of `types` in `text`. */
  mentions(text: string, types: readonly string[]): Mention[] {
    const words = matchTokens(text)
    const taken = new Array<boolean>(words.length).fill(false)
    const found: Mention[] = []
    for (const {tokens, doc} of this.names) {
      if (!types.includes(doc._type)) continue
      for (let i = 0; i + tokens.length <= words.length; i++) {
        if (tokens.every((t, j) => words[i + j] === t && !taken[i + j])) {
          for (let j = 0; j < tokens.length; j++) taken[i + j] = true
          found.push({doc, start: i, end: i + tokens.length, text: tokens.join(' ')})
        }
      }
    }
    return found.sort((a, b) => a.start - b.start)
  }

  /** Distinct documents mentioned, in order of first mention. */
  mentioned(text: string, types: readonly string[]): CatalogDocument[] {
    return [...new Map(this.mentions(text, types).map((m) => [publishedId(m.doc._id), m.doc])).values()]
  }
}
