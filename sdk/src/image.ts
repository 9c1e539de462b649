// Responsive image URLs on @sanity/image-url, shared by the React and HTML renderers. Crop and
// hotspot come from the image field; when an aspect ratio is requested the CDN crops around the
// hotspot, and renderers also set object-position from it for CSS-driven crops.
import {createImageUrlBuilder} from '@sanity/image-url'
import type {ImageResult} from './models.ts'
import {safeUrl} from './url.ts'

/** Where image URLs point: Sanity's image CDN by default, or `baseUrl` (e.g. a local lake). */
export interface ImageConfig {
  projectId: string
  dataset: string
  baseUrl?: string
}

/** The image fields renderers need (what the SDK's queries project). */
export interface ImageSourceLike {
  asset: {_id: string; width?: number | null; height?: number | null} | null
  crop?: {top: number; bottom: number; left: number; right: number} | null
  hotspot?: {x: number; y: number; width: number; height: number} | null
}

export interface ImageSources {
  src: string
  srcSet: string
  width: number | undefined
  height: number | undefined
  /** CSS object-position centred on the hotspot, e.g. `50% 30%`. */
  objectPosition: string | undefined
}

export const DEFAULT_WIDTHS = [320, 640, 960, 1280, 1920] as const

export function imageSources(
  image: ImageSourceLike,
  config: ImageConfig,
  options: {widths?: readonly number[]; aspectRatio?: number} = {},
): ImageSources | undefined {
  if (!image.asset?._id) return undefined
  const source = {
    asset: {_ref: image.asset._id},
    ...(image.crop ? {crop: image.crop} : {}),
    ...(image.hotspot ? {hotspot: image.hotspot} : {}),
  }
  // What the CDN starts from: the editor's crop of the original (image-url sends it as `rect`).
  const dimensions = image.asset.width && image.asset.height ? cropped(image.asset.width, image.asset.height, image.crop) : undefined
  const native = dimensions?.width
  const widths = (options.widths ?? DEFAULT_WIDTHS).filter((w) => native === undefined || w <= native)
  if (widths.length === 0) widths.push(native ?? DEFAULT_WIDTHS[0])
  const heightFor = (width: number) => (options.aspectRatio ? Math.round(width / options.aspectRatio) : undefined)
  // Everything but the size is set once per image; each width only adds w (and h).
  const builder = createImageUrlBuilder(config.baseUrl ? {...config, baseUrl: config.baseUrl} : config)
  const base = builder
    .image(source)
    .auto('format')
    .fit(options.aspectRatio ? 'crop' : 'max')
  const entries: Array<readonly [number, string]> = []
  for (const width of widths) {
    let url: string | undefined
    try {
      const height = heightFor(width)
      url = safeUrl((height ? base.width(width).height(height) : base.width(width)).url())
    } catch {
      url = undefined // a malformed asset id: no image rather than a crash
    }
    if (url) entries.push([width, url])
  }
  const largest = entries[entries.length - 1]
  if (!largest) return undefined
  const width = largest[0]
  const height = heightFor(width) ?? (dimensions ? Math.round((width * dimensions.height) / dimensions.width) : undefined)
  return {
    src: largest[1],
    srcSet: entries.map(([w, url]) => `${url} ${w}w`).join(', '),
    width,
    height,
    objectPosition: image.hotspot ? `${pct(image.hotspot.x)} ${pct(image.hotspot.y)}` : undefined,
  }
}

/** The pixel size of the crop, rounded as @sanity/image-url rounds its `rect`. */
function cropped(width: number, height: number, crop: ImageSourceLike['crop']): {width: number; height: number} {
  if (!crop) return {width, height}
  const left = Math.round(crop.left * width)
  const top = Math.round(crop.top * height)
  return {width: Math.round(width - crop.right * width - left), height: Math.round(height - crop.bottom * height - top)}
}

function pct(value: number): string {
  return `${Math.round(Math.min(Math.max(value, 0), 1) * 1000) / 10}%`
}

/** Query results carry crop/hotspot fields that may individually be null; image-url wants numbers. */
export function toImageSource(image: ImageResult): ImageSourceLike {
  const {crop, hotspot} = image
  const complete = <T extends Record<string, number | null>>(value: T | null) =>
    value && Object.values(value).every((n) => typeof n === 'number' && Number.isFinite(n)) ? (value as {[K in keyof T]: number}) : null
  return {
    asset:
      image.asset && typeof image.asset._id === 'string'
        ? {_id: image.asset._id, width: image.asset.width, height: image.asset.height}
        : null,
    crop: complete(crop),
    hotspot: complete(hotspot),
  }
}

/** A base64 image data URI and nothing else: an LQIP from the content never becomes any other URL or CSS. */
const LQIP = /^data:image\/(?:jpeg|png|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/

/** The asset's low-quality placeholder, when it is a well-formed image data URI. */
export function safeLqip(image: Pick<ImageResult, 'asset'>): string | undefined {
  const lqip = image.asset?.lqip
  return typeof lqip === 'string' && LQIP.test(lqip) ? lqip : undefined
}

/**
 * Inline style of a rendered image: the crop's focus (object-position on the hotspot) and the
 * LQIP as a background that shows until the image has loaded. Camel-case keys, as React takes them.
 */
export function imageStyle(image: Pick<ImageResult, 'asset'>, sources: ImageSources): Record<string, string> | undefined {
  const lqip = safeLqip(image)
  const style = {
    ...(sources.objectPosition ? {objectFit: 'cover', objectPosition: sources.objectPosition} : {}),
    ...(lqip ? {backgroundImage: `url(${lqip})`, backgroundSize: 'cover'} : {}),
  }
  return Object.keys(style).length ? style : undefined
}
