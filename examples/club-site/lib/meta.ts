// Open Graph images from the image pipeline: 1200×630, cropped around the hotspot.
import type {Metadata} from 'next'
import {imageSources, toImageSource, type ImageResult} from '@spotter/sdk'
import {clubName} from './club.ts'
import {images} from './images.ts'

export function imageMeta(image: ImageResult): {url: string; width: number; height: number; alt: string} {
  const sources = imageSources(toImageSource(image), images, {widths: [1200], aspectRatio: 1200 / 630})
  return {url: sources?.src ?? '', width: sources?.width ?? 1200, height: sources?.height ?? 630, alt: image.alt}
}

export interface PageMeta {
  title: string
  description: string
  path: string
  type?: 'website' | 'article' | 'profile'
  image?: ImageResult | null
  /** Open Graph extras for articles (dates, authors, tags). */
  openGraph?: Record<string, unknown>
}

/** Title, description, canonical URL, Open Graph and Twitter card of one page, complete (Next does not merge them with the layout's). */
export async function pageMetadata(page: PageMeta): Promise<Metadata> {
  const siteName = await clubName()
  const images = page.image ? [imageMeta(page.image)] : undefined
  return {
    title: page.title,
    description: page.description,
    alternates: {canonical: page.path, types: {'application/atom+xml': [{url: '/feed.xml', title: `${siteName}: articles`}]}},
    openGraph: {
      type: page.type ?? 'website',
      siteName,
      locale: 'en_GB',
      title: page.title,
      description: page.description,
      url: page.path,
      ...(images ? {images} : {}),
      ...page.openGraph,
    } as Metadata['openGraph'],
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title: page.title,
      description: page.description,
      ...(images ? {images} : {}),
    },
  }
}

/** A slug that names nothing: a title that says so, kept out of search engines. */
export function notFoundMetadata(what: string): Metadata {
  return {title: `${what} not found`, robots: {index: false}}
}
