// Who may receive an article: its syndication rights decide. No rights set means nobody.
import type {Licence, LicenceInfo} from './types.ts'

export const LICENCES: Record<Licence, LicenceInfo> = {
  'cc-by-4.0': {id: 'cc-by-4.0', name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/'},
  'partners-only': {id: 'partners-only', name: 'Licensed to named syndication partners only', url: null},
  'all-rights-reserved': {id: 'all-rights-reserved', name: 'All rights reserved', url: null},
}

export interface SyndicationRights {
  licence: Licence
  attributionText: string | null
  allowedPartners: string[] | null
}

/** null when the partner may receive the article, else the reason it may not. */
export function refusal(rights: SyndicationRights | null, partnerId: string): string | null {
  if (!rights) return 'no-syndication-rights'
  if (rights.licence === 'cc-by-4.0') return null
  if (rights.licence === 'partners-only') return (rights.allowedPartners ?? []).includes(partnerId) ? null : 'not-licensed'
  return 'all-rights-reserved'
}
