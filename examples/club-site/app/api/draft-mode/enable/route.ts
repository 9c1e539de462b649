// Draft mode on, for the Presentation tool's preview links (and the one `npm start` prints): the
// `sanity-preview-secret` is checked against the dataset with the preview token; a wrong one is a 401.
import {defineEnableDraftMode} from 'next-sanity/draft-mode'
import {config} from '../../../../lib/config.ts'
import {client} from '../../../../lib/live.ts'

const enable = config.previewToken ? defineEnableDraftMode({client: client.withConfig({token: config.previewToken})}) : null

export function GET(request: Request): Promise<Response> | Response {
  if (!enable) return new Response('Draft mode is not set up on this site: it needs SPOTTER_PREVIEW_TOKEN.', {status: 404})
  return enable.GET(request as Parameters<typeof enable.GET>[0])
}
