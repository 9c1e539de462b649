// A responsive image from the image pipeline: srcset, hotspot-aware crop, the asset's LQIP as a
// placeholder while it loads, alt text, and caption and credit as two separate lines.
import {imageSources, imageStyle, toImageSource, type ImageResult} from '@spotter/sdk'
import {images} from '../lib/images.ts'

export interface PictureProps {
  image: ImageResult
  /** Width/height: crops around the hotspot. */
  aspectRatio?: number
  sizes?: string
  priority?: boolean
  className?: string
  /** Cards show the picture alone: their text says what it is. */
  bare?: boolean
}

export function Picture({image, aspectRatio, sizes = '(min-width: 60rem) 44rem, 100vw', priority, className, bare}: PictureProps) {
  const sources = imageSources(toImageSource(image), images, aspectRatio ? {aspectRatio} : {})
  const img = sources ? (
    // biome-ignore lint/performance/noImgElement: the image pipeline (srcset, crops, formats) is the SDK's, not next/image's
    <img
      src={sources.src}
      srcSet={sources.srcSet}
      sizes={sizes}
      width={sources.width}
      height={sources.height}
      alt={bare ? '' : image.alt}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
      style={imageStyle(image, sources)}
    />
  ) : null
  if (bare) return img
  const copyright = image.copyrightHolder && image.copyrightHolder !== image.credit ? image.copyrightHolder : null
  return (
    <figure className={className ? `picture ${className}` : 'picture'}>
      {img}
      <figcaption>
        {image.caption ? <span className="caption">{image.caption}</span> : null}
        <small className="credit">
          Photo: {image.credit}
          {copyright ? ` · © ${copyright}` : null}
        </small>
      </figcaption>
    </figure>
  )
}
