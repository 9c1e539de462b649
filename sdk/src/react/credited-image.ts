// An image with its credit always visible: responsive srcset from @sanity/image-url, the hotspot
// as object-position, the asset's LQIP as a placeholder background, alt text from the content.
// No asset, no <img>, but the credit still shows.
import {createElement as h, type ReactNode} from 'react'
import {creditLine} from '../format.ts'
import {imageSources, imageStyle, toImageSource, type ImageConfig} from '../image.ts'
import type {ImageResult} from '../models.ts'
import {partEditProps, type StudioEditContext} from '../studio-edit.ts'

export interface CreditedImageProps {
  image: ImageResult
  images: ImageConfig
  /** The `sizes` attribute; default `100vw`. */
  sizes?: string
  /** Crop to this width/height ratio around the hotspot. */
  aspectRatio?: number
  widths?: readonly number[]
  className?: string
  /** `lazy` by default; use `eager` for a hero image. */
  loading?: 'lazy' | 'eager'
  /** Click-to-edit attributes (draft mode only), with the image's document and field path. */
  edit?: StudioEditContext
}

export function CreditedImage({
  image,
  images,
  sizes = '100vw',
  aspectRatio,
  widths,
  className,
  loading = 'lazy',
  edit,
}: CreditedImageProps): ReactNode {
  const at = partEditProps(edit)
  const sources = imageSources(toImageSource(image), images, {...(widths ? {widths} : {}), ...(aspectRatio ? {aspectRatio} : {})})
  return h(
    'figure',
    {className},
    sources
      ? h('img', {
          src: sources.src,
          srcSet: sources.srcSet,
          sizes,
          width: sources.width,
          height: sources.height,
          alt: image.alt,
          loading,
          decoding: 'async',
          style: imageStyle(image, sources),
          ...at('alt'),
        })
      : null,
    h(
      'figcaption',
      null,
      image.caption ? h('span', {className: 'caption', ...at('caption')}, image.caption) : null,
      h('small', {className: 'credit', ...at('credit')}, creditLine(image)),
    ),
  )
}
