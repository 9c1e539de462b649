// The Presentation tool: the club site beside the form, in draft mode, with click-to-edit.
// The site enables draft mode at /api/draft-mode/enable (next-sanity's defineEnableDraftMode),
// after checking the secret the tool stores in the lake (a `sanity.previewUrlSecret`).
import {presentationTool} from 'sanity/presentation'
import {locations} from './locations.ts'
import {mainDocuments} from './main-documents.ts'

export function clubSitePresentation(previewUrl: string) {
  return presentationTool({
    title: 'Club site',
    previewUrl: {initial: previewUrl, previewMode: {enable: '/api/draft-mode/enable'}},
    resolve: {locations, mainDocuments},
  })
}
