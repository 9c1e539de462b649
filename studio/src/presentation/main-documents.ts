// Which document a club-site route shows, so the Presentation tool opens it beside the preview.
// The routes are the club site's (examples/club-site/app); route params become query params.
import type {DocumentResolver} from 'sanity/presentation'

export const mainDocuments: DocumentResolver[] = [
  {route: '/exercises/:slug', filter: '_type == "exercise" && slug.current == $slug'},
  {route: '/articles/:slug', filter: '_type == "article" && slug.current == $slug'},
  {route: '/people/:slug', filter: '_type == "person" && slug.current == $slug'},
  {route: '/equipment/:slug', filter: '_type == "equipment" && slug.current == $slug'},
  // The home page and "what you can do at our club" are the club's pages.
  {route: ['/', '/club'], type: 'club'},
]
