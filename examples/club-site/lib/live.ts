// One Sanity client for the whole site and next-sanity's Live setup on top of it: `sanityFetch`
// caches published results tagged with the content API's sync tags, `<SanityLive />` expires
// those tags when the content changes (and refreshes drafts in draft mode).
import {createClient} from 'next-sanity'
import {defineLive} from 'next-sanity/live'
import {config} from './config.ts'

export const client = createClient({
  projectId: config.projectId,
  dataset: config.dataset,
  apiVersion: config.apiVersion,
  useCdn: true,
  perspective: 'published',
  ...(config.readToken ? {token: config.readToken} : {}),
  ...(config.lakeUrl ? {apiHost: config.lakeUrl, useProjectHostname: false} : {}),
})

export const {sanityFetch, SanityLive} = defineLive({
  client,
  serverToken: config.previewToken ?? false,
  // Drafts stream to the browser only in draft mode, which only an editor with a secret enters.
  browserToken: config.previewToken ?? false,
})

/** Every cached result carries this tag too: the GROQ webhook expires it on any publish. */
export const CONTENT_TAG = 'spotter:content'
