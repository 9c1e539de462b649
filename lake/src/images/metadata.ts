// What the hosted pipeline computes for an uploaded image (`sanity.imageAsset.metadata`):
// dimensions, a tiny base64 LQIP, a blurhash, a colour palette, and alpha facts.
import {encode} from 'blurhash'
import {loadSharp} from './sharp.ts'
import {MAX_INPUT_PIXELS} from './transform.ts'

export interface ImageMetadata {
  _type: 'sanity.imageMetadata'
  dimensions: {_type: 'sanity.imageDimensions'; width: number; height: number; aspectRatio: number}
  lqip: string
  blurHash: string
  palette: Record<string, unknown>
  hasAlpha: boolean
  isOpaque: boolean
}

const LQIP_WIDTH = 20

export async function computeImageMetadata(bytes: Buffer): Promise<ImageMetadata> {
  const sharp = await loadSharp()
  const open = () => sharp(bytes, {limitInputPixels: MAX_INPUT_PIXELS, animated: false}).autoOrient()
  const meta = await open().metadata()
  const width = meta.autoOrient?.width ?? meta.width
  const height = meta.autoOrient?.height ?? meta.height
  const stats = await open().stats()
  const lqipHeight = Math.max(1, Math.round((LQIP_WIDTH * height) / width))
  const lqip = await open().resize(LQIP_WIDTH, lqipHeight, {fit: 'fill'}).flatten({background: '#fff'}).jpeg({quality: 40}).toBuffer()
  const small = await open().resize(32, 32, {fit: 'inside'}).ensureAlpha().raw().toBuffer({resolveWithObject: true})
  const pixels = new Uint8ClampedArray(small.data.buffer, small.data.byteOffset, small.data.length)
  const blurHash = encode(pixels, small.info.width, small.info.height, 4, 3)
  const swatchSource = await open().resize(64, 64, {fit: 'inside'}).flatten({background: '#fff'}).removeAlpha().raw().toBuffer()
  return {
    _type: 'sanity.imageMetadata',
    dimensions: {_type: 'sanity.imageDimensions', width, height, aspectRatio: width / height},
    lqip: `data:image/jpeg;base64,${lqip.toString('base64')}`,
    blurHash,
    palette: palette(swatchSource),
    hasAlpha: meta.hasAlpha,
    isOpaque: stats.isOpaque,
  }
}

type Rgb = [number, number, number]
interface Bucket {
  rgb: Rgb
  population: number
  h: number
  s: number
  l: number
}

function hsl([r, g, b]: Rgb): [number, number, number] {
  const [R, G, B] = [r / 255, g / 255, b / 255]
  const max = Math.max(R, G, B)
  const min = Math.min(R, G, B)
  const l = (max + min) / 2
  if (max === min) return [0, 0, l]
  const d = max - min
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min)
  const h = max === R ? (G - B) / d + (G < B ? 6 : 0) : max === G ? (B - R) / d + 2 : (R - G) / d + 4
  return [h / 6, s, l]
}

function contrastWithWhite(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }) as Rgb
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)
}

const hex = ([r, g, b]: Rgb) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`

/** Vibrant-style swatches (the names the hosted palette uses) from colours quantised to 5 bits a channel. */
function palette(rgb: Buffer): Record<string, unknown> {
  const sums = new Map<number, [number, number, number, number]>()
  for (let i = 0; i + 2 < rgb.length; i += 3) {
    const r = rgb[i] ?? 0
    const g = rgb[i + 1] ?? 0
    const b = rgb[i + 2] ?? 0
    const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)
    const sum = sums.get(key) ?? [0, 0, 0, 0]
    sum[0] += r
    sum[1] += g
    sum[2] += b
    sum[3]++
    sums.set(key, sum)
  }
  const buckets: Bucket[] = [...sums.values()].map(([r, g, b, n]) => {
    const color: Rgb = [Math.round(r / n), Math.round(g / n), Math.round(b / n)]
    const [h, s, l] = hsl(color)
    return {rgb: color, population: n, h, s, l}
  })
  const maxPopulation = Math.max(...buckets.map((b) => b.population))
  const targets: Record<string, {l: [number, number, number]; s: [number, number, number]}> = {
    vibrant: {l: [0.3, 0.5, 0.7], s: [0.35, 1, 1]},
    lightVibrant: {l: [0.55, 0.74, 1], s: [0.35, 1, 1]},
    darkVibrant: {l: [0, 0.26, 0.45], s: [0.35, 1, 1]},
    muted: {l: [0.3, 0.5, 0.7], s: [0, 0.3, 0.4]},
    lightMuted: {l: [0.55, 0.74, 1], s: [0, 0.3, 0.4]},
    darkMuted: {l: [0, 0.26, 0.45], s: [0, 0.3, 0.4]},
  }
  const swatch = (b: Bucket) => {
    // White text where it reaches the contrast a title (3:1) or body text (4.5:1) needs, else black.
    const white = contrastWithWhite(b.rgb)
    const population = Math.round((b.population / (rgb.length / 3)) * 10000) / 100
    return {
      _type: 'sanity.imagePaletteSwatch',
      background: hex(b.rgb),
      foreground: white >= 4.5 ? '#fff' : '#000',
      population,
      title: white >= 3 ? '#fff' : '#000',
    }
  }
  const out: Record<string, unknown> = {_type: 'sanity.imagePalette'}
  const dominant = buckets.reduce((a, b) => (b.population > a.population ? b : a))
  out.dominant = swatch(dominant)
  for (const [name, t] of Object.entries(targets)) {
    let best: Bucket | undefined
    let bestScore = -1
    for (const b of buckets) {
      if (b.l < t.l[0] || b.l > t.l[2] || b.s < t.s[0] || b.s > t.s[2]) continue
      const score = (1 - Math.abs(b.s - t.s[1])) * 3 + (1 - Math.abs(b.l - t.l[1])) * 6 + (b.population / maxPopulation) * 1
      if (score > bestScore) {
        bestScore = score
        best = b
      }
    }
    if (best) out[name] = swatch(best)
  }
  return out
}
