// Which club-site pages show a document: its own page, the index listing it, and the pages that
// embed or credit it (an exercise inside an article, a person as author). One GROQ query per
// document, listened to, so the list follows edits; in the editor's perspective (drafts first).
import {map} from 'rxjs'
import type {DocumentLocation, DocumentLocationResolver, DocumentLocationsState} from 'sanity/presentation'

/** A page of the club site for each type that has one. */
export const pageOf: Record<string, ((slug: string) => string) | undefined> = {
  exercise: (slug) => `/exercises/${slug}`,
  article: (slug) => `/articles/${slug}`,
  person: (slug) => `/people/${slug}`,
  equipment: (slug) => `/equipment/${slug}`,
  club: () => '/',
}

/** The other pages that list every document of a type. */
const LISTINGS: Record<string, DocumentLocation[] | undefined> = {
  exercise: [{title: 'Exercise library', href: '/exercises'}],
  article: [{title: 'Articles', href: '/articles'}],
  equipment: [{title: 'Equipment', href: '/equipment'}],
  club: [{title: 'What you can do at our club', href: '/club'}],
}

interface Page {
  _type: string
  title: string | null
  slug: string | null
}

/** The document, what references it, and (an exercise) the equipment its setups use. */
export const LOCATIONS_QUERY = `*[_id == $id][0]{
  _type, "title": coalesce(name, title, descriptor), "slug": slug.current,
  "referrers": *[references(^._id) && _type in $paged && defined(slug.current)]{_type, "title": coalesce(name, title, descriptor), "slug": slug.current},
  "equipment": setups[].equipment[]->{_type, "title": name, "slug": slug.current}
}`

type Result = (Page & {referrers: Page[] | null; equipment: Page[] | null}) | null

/** The locations of a document as the query found it. */
export function toLocations(result: Result): DocumentLocationsState | null {
  if (!result) return null
  const locations: DocumentLocation[] = []
  const seen = new Set<string>()
  const add = (location: DocumentLocation) => {
    if (seen.has(location.href)) return
    seen.add(location.href)
    locations.push(location)
  }
  const page = (p: Page) => {
    const href = p.slug ? pageOf[p._type]?.(p.slug) : undefined
    if (href) add({title: p.title ?? p.slug ?? href, href})
  }
  page(result)
  for (const listing of LISTINGS[result._type] ?? []) add(listing)
  for (const p of result.referrers ?? []) page(p)
  for (const p of result.equipment ?? []) page(p)
  if (!locations.length) return {message: 'No club-site page shows this document yet', tone: 'caution'}
  return {locations}
}

export const locations: DocumentLocationResolver = (params, {documentStore}) =>
  documentStore
    .listenQuery(
      LOCATIONS_QUERY,
      {id: params.id, paged: Object.keys(pageOf)},
      {perspective: params.perspectiveStack, ...(params.variant ? {variant: params.variant} : {})},
    )
    .pipe(map((result: Result) => toLocations(result)))
