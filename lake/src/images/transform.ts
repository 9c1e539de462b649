// Renders one image request with sharp, in the CDN's order: the source rectangle (`rect`), then
// orientation and flips, then the size (`w`/`h`/`dpr`/`max-*`/`min-*` under `fit`, cropping by
// `crop` anchors or the focal point), then effects, then the output format.
import type {Sharp} from 'sharp'
import {loadSharp} from './sharp.ts'
import {MAX_DIMENSION, type ImageParams, type OutputFormat} from './params.ts'
import {badRequest} from '../errors.ts'

/** Decoding bound: larger sources are refused rather than decoded (sharp's own default). */
export const MAX_INPUT_PIXELS = 268_402_689

export const FORMAT_MIME: Record<OutputFormat, string> = {
  jpg: 'image/jpeg',
  pjpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi)

export async function renderImage(source: string, p: ImageParams, format: OutputFormat): Promise<Buffer> {
  const sharp = await loadSharp()
  // Stage 1: EXIF orientation, the source rectangle, orientation and flips, as raw pixels.
  let img = sharp(source, {limitInputPixels: MAX_INPUT_PIXELS, animated: false}).autoOrient()
  if (p.rect) {
    const meta = await sharp(source, {limitInputPixels: MAX_INPUT_PIXELS}).autoOrient().metadata()
    const [x, y, w, h] = p.rect
    const left = clamp(x, 0, meta.width - 1)
    const top = clamp(y, 0, meta.height - 1)
    img = img.extract({left, top, width: Math.min(w, meta.width - left), height: Math.min(h, meta.height - top)})
  }
  if (p.orientation) img = img.rotate(p.orientation)
  if (p.flipV) img = img.flip()
  if (p.flipH) img = img.flop()
  const {data, info} = await img.raw().toBuffer({resolveWithObject: true})
  const raw = {raw: {width: info.width, height: info.height, channels: info.channels}}
  let out = sharp(data, {...raw, limitInputPixels: MAX_INPUT_PIXELS})
  out = size(out, info.width, info.height, p, sharp.strategy.entropy)
  if (p.blur) out = out.blur(Math.max(0.3, p.blur / 2))
  if (p.sharpen) out = out.sharpen({sigma: 0.5 + p.sharpen / 25})
  if (p.sat !== undefined && p.sat !== 0) out = out.modulate({saturation: Math.max(0, 1 + p.sat / 100)})
  if (p.invert) out = out.negate({alpha: false})
  if (format === 'jpg' || format === 'pjpg') out = out.flatten({background: rgb(p.bg ?? [255, 255, 255, 255])})
  const quality = p.q ?? 75
  switch (format) {
    case 'jpg':
      return out.jpeg({quality, mozjpeg: false}).toBuffer()
    case 'pjpg':
      return out.jpeg({quality, progressive: true}).toBuffer()
    case 'png':
      return out.png().toBuffer()
    case 'webp':
      return out.webp({quality}).toBuffer()
    case 'avif':
      return out.avif({quality: Math.round(quality * 0.7), effort: 2}).toBuffer()
    case 'gif':
      return out.gif().toBuffer()
  }
}

const rgb = ([r, g, b]: [number, number, number, number]) => ({r, g, b})
const rgba = ([r, g, b, a]: [number, number, number, number]) => ({r, g, b, alpha: a / 255})

/** The target box in output pixels: w/h times dpr, bounded by max-w, max-h, min-w, min-h and the cap. */
function box(sw: number, sh: number, p: ImageParams): {w?: number; h?: number} {
  let w = p.w === undefined ? undefined : p.w * p.dpr
  let h = p.h === undefined ? undefined : p.h * p.dpr
  if (w === undefined && h === undefined && p.dpr !== 1) w = sw * p.dpr
  if (p.maxW !== undefined) w = Math.min(w ?? sw, p.maxW)
  if (p.maxH !== undefined) h = Math.min(h ?? sh, p.maxH)
  if (p.minW !== undefined) w = Math.max(w ?? sw, p.minW)
  if (p.minH !== undefined) h = Math.max(h ?? sh, p.minH)
  // Only max-w/max-h given: they bound the source's own size, keeping its aspect ratio.
  if (p.w === undefined && p.h === undefined && (p.maxW !== undefined || p.maxH !== undefined)) {
    const scale = Math.min(1, (w ?? sw) / sw, (h ?? sh) / sh)
    return {w: Math.max(1, Math.round(sw * scale)), h: Math.max(1, Math.round(sh * scale))}
  }
  const cap = (n: number | undefined) => (n === undefined ? undefined : clamp(Math.round(n), 1, MAX_DIMENSION))
  return {w: cap(w), h: cap(h)}
}

/** `entropy`: sharp's crop strategy of that name. */
function size(img: Sharp, sw: number, sh: number, p: ImageParams, entropy: number): Sharp {
  const {w, h} = box(sw, sh, p)
  if (w === undefined && h === undefined) return img
  if (w === undefined || h === undefined) {
    // One side given: the other follows the aspect ratio (max/fillmax/min never enlarge).
    const noEnlarge = p.fit === 'max' || p.fit === 'fillmax' || p.fit === 'min'
    let scale = w !== undefined ? w / sw : (h as number) / sh
    if (noEnlarge) scale = Math.min(scale, 1)
    scale = Math.min(scale, MAX_DIMENSION / sw, MAX_DIMENSION / sh) // the cap keeps the aspect ratio
    const ow = clamp(Math.round(sw * scale), 1, MAX_DIMENSION)
    const oh = clamp(Math.round(sh * scale), 1, MAX_DIMENSION)
    return img.resize(ow, oh, {fit: 'fill'})
  }
  switch (p.fit) {
    case 'clip':
      return img.resize(w, h, {fit: 'inside'})
    case 'max':
      return img.resize(w, h, {fit: 'inside', withoutEnlargement: true})
    case 'scale':
      return img.resize(w, h, {fit: 'fill'})
    case 'fill':
      return img.resize(w, h, {fit: 'contain', background: rgba(p.bg ?? [255, 255, 255, 0])})
    case 'fillmax': {
      // Never enlarged; the rest of the box is filled with bg.
      const scale = Math.min(1, w / sw, h / sh)
      const iw = Math.max(1, Math.round(sw * scale))
      const ih = Math.max(1, Math.round(sh * scale))
      const left = Math.floor((w - iw) / 2)
      const top = Math.floor((h - ih) / 2)
      return img
        .resize(iw, ih, {fit: 'fill'})
        .extend({left, top, right: w - iw - left, bottom: h - ih - top, background: rgba(p.bg ?? [255, 255, 255, 0])})
    }
    case 'crop':
      return cropTo(img, sw, sh, w, h, p, entropy)
    case 'min': {
      // The requested aspect ratio, but never more pixels than the source has.
      const scale = Math.max(w / sw, h / sh)
      if (scale <= 1) return cropTo(img, sw, sh, w, h, p, entropy)
      return cropTo(img, sw, sh, Math.max(1, Math.round(w / scale)), Math.max(1, Math.round(h / scale)), p, entropy)
    }
  }
}

/** Fills w×h, cutting what does not fit around the crop anchors or the focal point. */
function cropTo(img: Sharp, sw: number, sh: number, w: number, h: number, p: ImageParams, entropy: number): Sharp {
  if (p.crop.includes('entropy')) return img.resize(w, h, {fit: 'cover', position: entropy})
  const scale = Math.max(w / sw, h / sh)
  // The source region (in source pixels) that becomes the output.
  const rw = Math.min(sw, Math.max(1, Math.round(w / scale)))
  const rh = Math.min(sh, Math.max(1, Math.round(h / scale)))
  let cx = 0.5
  let cy = 0.5
  if (p.crop.includes('focalpoint')) {
    cx = p.fpX
    cy = p.fpY
  } else {
    if (p.crop.includes('left')) cx = 0
    if (p.crop.includes('right')) cx = 1
    if (p.crop.includes('top')) cy = 0
    if (p.crop.includes('bottom')) cy = 1
  }
  const left = clamp(Math.round(cx * sw - rw / 2), 0, sw - rw)
  const top = clamp(Math.round(cy * sh - rh / 2), 0, sh - rh)
  return img.extract({left, top, width: rw, height: rh}).resize(w, h, {fit: 'fill'})
}

/** Thrown for a source sharp cannot decode or that is over the pixel bound. */
export function unreadable(err: unknown): Error {
  return badRequest(`Image could not be transformed: ${(err as Error).message}`, 'invalidImageError')
}
