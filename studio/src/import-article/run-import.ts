// The import as the tool runs it: the dataset read and the drafts written through the Studio's own
// client, the HTML read with the browser's DOMParser (an inert document: nothing in it runs).
import {CATALOG_QUERY, CATALOG_TYPES, proposeImport, type CatalogDocument, type Proposal} from '@spotter/importer'
import type {SanityClient} from 'sanity'

export const API_VERSION = '2025-02-19'

const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html')

/** Reads the dataset (drafts included, to match names and find earlier imports) and proposes the drafts. */
export async function propose(client: SanityClient, article: {bytes: Uint8Array; source?: string}): Promise<Proposal> {
  const existing = await client.fetch<CatalogDocument[]>(CATALOG_QUERY, {types: [...CATALOG_TYPES]}, {perspective: 'raw'})
  return proposeImport(article, {existing, parseHtml})
}

/** Writes every draft in one transaction (createOrReplace: a second import updates the same drafts); returns its id. */
export async function createDrafts(client: SanityClient, proposal: Proposal): Promise<string> {
  if (!proposal.drafts.every((d) => d._id.startsWith('drafts.'))) throw new Error('the importer proposed a document that is not a draft')
  const result = await proposal.drafts
    .reduce((transaction, draft) => transaction.createOrReplace(draft), client.transaction())
    .commit({visibility: 'sync'})
  return result.transactionId
}
