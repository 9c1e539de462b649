// The image CDN's URL parameters (sanity.io/docs/image-urls), parsed and checked. The result is
// normalised (defaults filled in, unknown parameters dropped) so that it can key the disk cache.
import {HttpError} from '../errors.ts'

export const MAX_DIMENSION = 8192

export type Fit = 'clip' | 'crop' | 'fill' | 'fillmax' | 'max' | 'scale' | 'min'
export type OutputFormat = 'jpg' | 'pjpg' | 'png' | 'webp' | 'avif' | 'gif'

export interface ImageParams {
  w?: number
  h?: number
  maxW?: number
  maxH?: number
  minW?: number
  minH?: number
  dpr: number
  fit: Fit
  /** Crop anchors (top/bottom/left/right/center), or focalpoint / entropy. */
  crop: string[]
  rect?: [number, number, number, number]
  fpX: number
  fpY: number
  fm?: OutputFormat
  autoFormat: boolean
  q?: number
  /** RGBA, 0-255 each. */
  bg?: [number, number, number, number]
  blur?: number
  sharpen?: number
  sat?: number
  invert: boolean
  flipH: boolean
  flipV: boolean
  orientation: 0 | 90 | 180 | 270
}

const FITS: readonly string[] = ['clip', 'crop', 'fill', 'fillmax', 'max', 'scale', 'min']
const CROPS: readonly string[] = ['top', 'bottom', 'left', 'right', 'center', 'focalpoint', 'entropy']
const FORMATS: readonly string[] = ['jpg', 'pjpg', 'png', 'webp', 'avif', 'gif']

/**
 * The CDN answers a bad parameter with a 400 in its own (not the API's) shape:
 * `{"statusCode":400,"error":"Bad Request","message":"Parameter \"w\" must be a valid integer"}`.
 */
export class ImageParamError extends HttpError {
  constructor(message: string) {
    super(400, 'Bad Request', message)
  }

  override toBody(): Record<string, unknown> {
    return {statusCode: this.statusCode, error: 'Bad Request', message: this.message}
  }
}

function invalid(name: string, _value: string, expected: string): never {
  throw new ImageParamError(`Parameter "${name}" must be ${expected}`)
}

function integer(name: string, value: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value)) invalid(name, value, 'a valid integer')
  const n = Number(value)
  if (n < min || n > max)
    invalid(name, value, max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`)
  return n
}

/** A size in pixels: larger than the cap is rendered at the cap (as the CDN does), not refused. */
function size(name: string, value: string): number {
  return Math.min(integer(name, value, 1, Number.MAX_SAFE_INTEGER), MAX_DIMENSION)
}

function number(name: string, value: string, min: number, max: number): number {
  const n = /^-?(\d+\.?\d*|\.\d+)$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isFinite(n) || n < min || n > max) invalid(name, value, `a number from ${min} to ${max}`)
  return n
}

function color(name: string, value: string): [number, number, number, number] {
  // 3/6 hex digits are RGB; 4/8 are ARGB (alpha first), as the CDN reads them.
  const hex = value.replace(/^#/, '')
  if (!/^([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(hex))
    invalid(name, value, 'a hex colour of 3, 4, 6 or 8 digits (RGB or ARGB)')
  const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex
  const bytes = (full.match(/../g) ?? []).map((b) => Number.parseInt(b, 16))
  if (bytes.length === 4) return [bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0, bytes[0] ?? 255]
  return [bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, 255]
}

/** Parses the query; `null` when it asks for nothing (the original bytes are served). */
export function parseImageParams(query: URLSearchParams): ImageParams | null {
  const p: ImageParams = {
    dpr: 1,
    fit: 'clip',
    crop: ['center'],
    fpX: 0.5,
    fpY: 0.5,
    autoFormat: false,
    invert: false,
    flipH: false,
    flipV: false,
    orientation: 0,
  }
  let any = false
  for (const [name, value] of query) {
    switch (name) {
      case 'w':
      case 'width':
        p.w = size(name, value)
        break
      case 'h':
      case 'height':
        p.h = size(name, value)
        break
      case 'max-w':
        p.maxW = size(name, value)
        break
      case 'max-h':
        p.maxH = size(name, value)
        break
      case 'min-w':
        p.minW = size(name, value)
        break
      case 'min-h':
        p.minH = size(name, value)
        break
      case 'dpr':
        p.dpr = number(name, value, 1, 3)
        break
      case 'q':
        p.q = integer(name, value, 0, 100)
        break
      case 'fit':
        if (!FITS.includes(value)) invalid(name, value, FITS.join(', '))
        p.fit = value as Fit
        break
      case 'crop': {
        const parts = value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
        if (parts.length === 0 || parts.some((c) => !CROPS.includes(c)))
          invalid(name, value, `a comma-separated list of ${CROPS.join(', ')}`)
        p.crop = parts.sort()
        break
      }
      case 'rect': {
        const parts = value.split(',')
        if (parts.length !== 4 || parts.some((s) => !/^\d+$/.test(s))) invalid(name, value, 'x,y,width,height in whole pixels')
        const [x, y, w, h] = parts.map(Number) as [number, number, number, number]
        if (w < 1 || h < 1) invalid(name, value, 'a rectangle at least 1 pixel wide and high')
        p.rect = [x, y, w, h]
        break
      }
      case 'fp-x':
        p.fpX = number(name, value, 0, 1)
        break
      case 'fp-y':
        p.fpY = number(name, value, 0, 1)
        break
      case 'fm':
        if (!FORMATS.includes(value)) invalid(name, value, FORMATS.join(', '))
        p.fm = value as OutputFormat
        break
      case 'auto':
        if (value !== 'format') invalid(name, value, 'format')
        p.autoFormat = true
        break
      case 'bg':
        p.bg = color(name, value)
        break
      case 'blur':
        p.blur = integer(name, value, 0, 2000)
        break
      case 'sharp':
      case 'sharpen':
        p.sharpen = integer(name, value, 0, 100)
        break
      case 'sat':
        p.sat = number(name, value, -100, 100)
        break
      case 'invert':
        if (value !== 'true' && value !== 'false') invalid(name, value, 'true or false')
        p.invert = value === 'true'
        break
      case 'flip':
        if (!['h', 'v', 'hv', 'vh'].includes(value)) invalid(name, value, 'h, v or hv')
        p.flipH = value.includes('h')
        p.flipV = value.includes('v')
        break
      case 'or':
      case 'orientation': {
        if (!['0', '90', '180', '270'].includes(value)) invalid(name, value, '0, 90, 180 or 270')
        p.orientation = Number(value) as ImageParams['orientation']
        break
      }
      default:
        continue // dl, pad, frame, ... and anything unknown: ignored, as the CDN ignores them
    }
    any = true
  }
  return any ? p : null
}

/** The output format: `fm`, else (with auto=format) the best one the `Accept` header names, else the source's. */
export function outputFormat(p: ImageParams, sourceExtension: string, accept: string | undefined): OutputFormat {
  if (p.fm) return p.fm // an explicit format wins over auto=format
  if (p.autoFormat) {
    const a = accept ?? ''
    if (/\bimage\/avif\b/.test(a)) return 'avif'
    if (/\bimage\/webp\b/.test(a)) return 'webp'
  }
  return sourceExtension === 'jpeg' ? 'jpg' : ((FORMATS.includes(sourceExtension) ? sourceExtension : 'png') as OutputFormat)
}

/** A stable string of what decides the output bytes (key of the disk cache). */
export function cacheKey(p: ImageParams, format: OutputFormat): string {
  const {autoFormat: _a, fm: _f, ...rest} = p
  return JSON.stringify({...rest, format}, Object.keys({...rest, format}).sort())
}
