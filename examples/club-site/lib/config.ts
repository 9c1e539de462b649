// The site's configuration, read from the environment when the server starts (nothing is inlined
// at build time, so one build serves any lake or hosted project). Server-only: tokens stay here.
import {DEFAULT_API_VERSION} from '@spotter/sdk'

const env = (name: string): string | undefined => process.env[name]?.trim() || undefined

export interface SiteConfig {
  /** The lake's plain HTTP address (e.g. http://127.0.0.1:3030); unset for hosted Sanity. */
  lakeUrl: string | undefined
  projectId: string
  dataset: string
  apiVersion: string
  /** Published reads of a private dataset; a public one needs none. */
  readToken: string | undefined
  /** Reads drafts in draft mode and checks the Presentation tool's preview secrets. */
  previewToken: string | undefined
  /** Secret of the GROQ webhook that revalidates published pages. */
  revalidateSecret: string | undefined
  /** Where readers reach the site: canonical URLs, Open Graph, sitemap, feed, and the image proxy. */
  siteUrl: string
  clubSlug: string
}

export const config: SiteConfig = {
  lakeUrl: env('SPOTTER_LAKE_URL')?.replace(/\/+$/, ''),
  projectId: env('SPOTTER_PROJECT_ID') ?? 'spotter',
  dataset: env('SPOTTER_DATASET') ?? 'production',
  apiVersion: DEFAULT_API_VERSION,
  readToken: env('SPOTTER_READ_TOKEN'),
  previewToken: env('SPOTTER_PREVIEW_TOKEN'),
  revalidateSecret: env('SPOTTER_REVALIDATE_SECRET'),
  siteUrl: (env('SPOTTER_SITE_URL') ?? `http://localhost:${env('PORT') ?? '3100'}`).replace(/\/+$/, ''),
  clubSlug: env('SPOTTER_CLUB') ?? 'new-milford-fitness-aquatics-club',
}

/** An absolute URL on this site. */
export const absolute = (path: string) => `${config.siteUrl}${path}`
