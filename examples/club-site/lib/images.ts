// Where image URLs point. On hosted Sanity: its image CDN. On a lake: this site's own /images
// route, which passes the request (transforms included) to the lake, so pages never name the
// lake's address and images load from any machine that reaches the site.
import type {ImageConfig} from '@spotter/sdk'
import {config} from './config.ts'

export const images: ImageConfig = {
  projectId: config.projectId,
  dataset: config.dataset,
  ...(config.lakeUrl ? {baseUrl: config.siteUrl} : {}),
}
