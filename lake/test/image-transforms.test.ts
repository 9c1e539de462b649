// The image CDN over real HTTP: every parameter's effect read back from the returned bytes.
import * as fs from 'node:fs'
import * as path from 'node:path'
import sharp from 'sharp'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {deflateSync} from 'node:zlib'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import {chunk} from './png.ts'

let lake: SpawnedLake
let url: string // the quadrant test image

// 400x200: red top-left, green top-right, blue bottom-left, yellow bottom-right.
const RED = [255, 0, 0]
const GREEN = [0, 255, 0]
const BLUE = [0, 0, 255]
const YELLOW = [255, 255, 0]
async function quadrants(): Promise<Buffer> {
  const tile = (rgb: number[]) => ({
    create: {width: 200, height: 100, channels: 3 as const, background: {r: rgb[0]!, g: rgb[1]!, b: rgb[2]!}},
  })
  const part = async (rgb: number[]) => sharp(tile(rgb)).png().toBuffer()
  return sharp({create: {width: 400, height: 200, channels: 3, background: '#000'}})
    .composite([
      {input: await part(RED), left: 0, top: 0},
      {input: await part(GREEN), left: 200, top: 0},
      {input: await part(BLUE), left: 0, top: 100},
      {input: await part(YELLOW), left: 200, top: 100},
    ])
    .png()
    .toBuffer()
}

async function get(query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${query}`, {headers})
  const bytes = Buffer.from(await res.arrayBuffer())
  return {res, bytes}
}

async function image(query: string, headers: Record<string, string> = {}) {
  const {res, bytes} = await get(query, headers)
  expect(res.status, bytes.toString()).toBe(200)
  const meta = await sharp(bytes).metadata()
  return {res, bytes, meta}
}

/** The RGB of the pixel at (x, y) of an encoded image. */
async function pixel(bytes: Buffer, x: number, y: number): Promise<number[]> {
  const {data, info} = await sharp(bytes).removeAlpha().raw().toBuffer({resolveWithObject: true})
  const i = (y * info.width + x) * info.channels
  return [data[i]!, data[i + 1]!, data[i + 2]!]
}

function near(actual: number[], expected: number[], tolerance = 24): void {
  for (let i = 0; i < 3; i++) expect(Math.abs(actual[i]! - expected[i]!), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance)
}

beforeAll(async () => {
  lake = await spawnLake()
  const asset = await lake.client().assets.upload('image', await quadrants(), {filename: 'quadrants.png'})
  url = asset.url
}, 60_000)
afterAll(() => lake?.stop())

describe('sizes', () => {
  it('w or h alone keeps the aspect ratio', async () => {
    expect((await image('?w=100')).meta).toMatchObject({width: 100, height: 50, format: 'png'})
    expect((await image('?h=50')).meta).toMatchObject({width: 100, height: 50})
  })
  it('w and h default to fit=clip (inside the box)', async () => {
    expect((await image('?w=100&h=100')).meta).toMatchObject({width: 100, height: 50})
    expect((await image('?w=800&h=800&fit=clip')).meta).toMatchObject({width: 800, height: 400})
  })
  it('fit=max never enlarges; fit=scale distorts to the box', async () => {
    expect((await image('?w=1000&h=1000&fit=max')).meta).toMatchObject({width: 400, height: 200})
    expect((await image('?w=50&h=50&fit=scale')).meta).toMatchObject({width: 50, height: 50})
  })
  it('fit=fill pads to the box with bg; fillmax pads without enlarging', async () => {
    const fill = await image('?w=100&h=100&fit=fill&bg=000&fm=jpg')
    expect(fill.meta).toMatchObject({width: 100, height: 100, format: 'jpeg'})
    near(await pixel(fill.bytes, 50, 5), [0, 0, 0])
    near(await pixel(fill.bytes, 10, 40), RED)
    const fillmax = await image('?w=800&h=800&fit=fillmax&bg=fff&fm=jpg')
    expect(fillmax.meta).toMatchObject({width: 800, height: 800})
    near(await pixel(fillmax.bytes, 400, 250), [255, 255, 255])
    near(await pixel(fillmax.bytes, 250, 350), RED) // the 400x200 original, centred
  })
  it('fit=min takes the aspect ratio without exceeding the original', async () => {
    expect((await image('?w=800&h=800&fit=min')).meta).toMatchObject({width: 200, height: 200})
    expect((await image('?w=100&h=100&fit=min')).meta).toMatchObject({width: 100, height: 100})
  })
  it('max-w and max-h bound the size; dpr multiplies it', async () => {
    expect((await image('?max-w=100')).meta).toMatchObject({width: 100, height: 50})
    expect((await image('?max-h=50')).meta).toMatchObject({width: 100, height: 50})
    expect((await image('?w=300&max-w=100')).meta).toMatchObject({width: 100, height: 50})
    expect((await image('?w=100&dpr=2')).meta).toMatchObject({width: 200, height: 100})
  })
  it('no side of the output exceeds 8192 pixels, and the aspect ratio survives the cap', async () => {
    expect((await image('?w=9000&fm=jpg&q=10')).meta).toMatchObject({width: 8192, height: 4096})
    expect((await image('?w=4000&dpr=3&fm=jpg&q=10')).meta).toMatchObject({width: 8192, height: 4096})
  }, 30_000)
})

describe('crops', () => {
  it('fit=crop anchors: left, right, bottom', async () => {
    const left = await image('?w=100&h=100&fit=crop&crop=left')
    expect(left.meta).toMatchObject({width: 100, height: 100})
    near(await pixel(left.bytes, 50, 20), RED)
    near(await pixel(left.bytes, 50, 80), BLUE)
    const right = await image('?w=100&h=100&fit=crop&crop=right')
    near(await pixel(right.bytes, 50, 20), GREEN)
    const bottom = await image('?w=400&h=100&fit=crop&crop=bottom')
    near(await pixel(bottom.bytes, 100, 50), BLUE)
    near(await pixel(bottom.bytes, 300, 50), YELLOW)
  })
  it('crop=focalpoint centres on fp-x/fp-y', async () => {
    const fp = await image('?w=100&h=100&fit=crop&crop=focalpoint&fp-x=0.9&fp-y=0.9')
    near(await pixel(fp.bytes, 50, 80), YELLOW)
    const fpLeft = await image('?w=100&h=100&fit=crop&crop=focalpoint&fp-x=0.1&fp-y=0.5')
    near(await pixel(fpLeft.bytes, 50, 20), RED)
  })
  it('rect cuts the source rectangle before sizing', async () => {
    const rect = await image('?rect=200,0,200,100')
    expect(rect.meta).toMatchObject({width: 200, height: 100})
    near(await pixel(rect.bytes, 100, 50), GREEN)
    const scaled = await image('?rect=0,100,200,100&w=50')
    expect(scaled.meta).toMatchObject({width: 50, height: 25})
    near(await pixel(scaled.bytes, 25, 12), BLUE)
  })
  it('crop=entropy gives the box size', async () => {
    expect((await image('?w=100&h=100&fit=crop&crop=entropy')).meta).toMatchObject({width: 100, height: 100})
  })
})

describe('formats and quality', () => {
  it('fm picks the format and content-type', async () => {
    for (const [fm, format, type] of [
      ['jpg', 'jpeg', 'image/jpeg'],
      ['png', 'png', 'image/png'],
      ['webp', 'webp', 'image/webp'],
      ['avif', 'heif', 'image/avif'],
    ] as const) {
      const {res, meta, bytes} = await image(`?w=40&fm=${fm}`)
      expect(meta.format).toBe(format)
      expect(res.headers.get('content-type')).toBe(type)
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length)
      expect(res.headers.get('cache-control')).toContain('max-age=')
    }
  })
  it('pjpg is a progressive JPEG; HEAD gives the headers of GET without a body', async () => {
    const progressive = await image('?w=40&fm=pjpg')
    expect(progressive.meta).toMatchObject({format: 'jpeg', isProgressive: true})
    const head = await fetch(`${url}?w=40&fm=pjpg`, {method: 'HEAD'})
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('image/jpeg')
    expect(Number(head.headers.get('content-length'))).toBe(progressive.bytes.length)
    expect((await head.arrayBuffer()).byteLength).toBe(0)
  })
  it('dl makes an attachment, named by its value or the stored file', async () => {
    const named = await image('?w=40&dl=quadrants-small.png')
    expect(named.res.headers.get('content-disposition')).toBe('attachment; filename="quadrants-small.png"')
    const original = await fetch(`${url}?dl=`)
    expect(original.headers.get('content-disposition')).toBe(`attachment; filename="${url.split('/').pop()}"`)
    expect((await image('?w=40')).res.headers.get('content-disposition')).toBeNull()
  })
  it('auto=format follows Accept, and says so with Vary', async () => {
    const webp = await image('?w=40&auto=format', {accept: 'image/webp,image/*'})
    expect(webp.meta.format).toBe('webp')
    expect(webp.res.headers.get('vary')).toBe('Accept')
    expect((await image('?w=40&auto=format', {accept: 'image/avif,image/webp'})).meta.format).toBe('heif')
    expect((await image('?w=40&auto=format', {accept: 'image/png'})).meta.format).toBe('png')
    expect((await image('?w=40&auto=format&fm=jpg', {accept: 'image/webp'})).meta.format).toBe('jpeg')
  })
  it('q trades size for quality', async () => {
    const low = await image('?fm=jpg&q=5&blur=20')
    const high = await image('?fm=jpg&q=95&blur=20')
    expect(low.bytes.length).toBeLessThan(high.bytes.length)
  })
})

describe('orientation and effects', () => {
  it('flip mirrors, orientation rotates clockwise', async () => {
    near(await pixel((await image('?flip=h')).bytes, 10, 10), GREEN)
    near(await pixel((await image('?flip=v')).bytes, 10, 10), BLUE)
    near(await pixel((await image('?flip=hv')).bytes, 10, 10), YELLOW)
    const turned = await image('?orientation=90')
    expect(turned.meta).toMatchObject({width: 200, height: 400})
    near(await pixel(turned.bytes, 10, 10), BLUE)
    near(await pixel((await image('?orientation=180')).bytes, 10, 10), YELLOW)
  })
  it('sat, invert, blur and sharpen change the pixels', async () => {
    const [r, g, b] = await pixel((await image('?sat=-100')).bytes, 10, 10)
    expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!)).toBeLessThan(10)
    near(await pixel((await image('?invert=true')).bytes, 10, 10), [0, 255, 255])
    const blurred = await pixel((await image('?blur=50')).bytes, 200, 50) // the red/green border
    expect(blurred[0]).toBeGreaterThan(40)
    expect(blurred[1]).toBeGreaterThan(40)
    const plain = await image('?w=399')
    const sharpened = await image('?w=399&sharp=100')
    expect(sharpened.bytes.equals(plain.bytes)).toBe(false)
  })
})

describe('invalid values', () => {
  for (const [query, parameter] of [
    ['?w=abc', 'w'],
    ['?w=0', 'w'],
    ['?h=-5', 'h'],
    ['?fit=cover', 'fit'],
    ['?crop=middle', 'crop'],
    ['?rect=1,2,3', 'rect'],
    ['?fm=tiff', 'fm'],
    ['?auto=compress', 'auto'],
    ['?bg=zz', 'bg'],
    ['?flip=x', 'flip'],
    ['?w=230.17', 'w'],
    ['?orientation=45', 'orientation'],
    ['?dpr=9', 'dpr'],
    ['?q=101', 'q'],
    ['?fp-x=2', 'fp-x'],
    ['?sat=200', 'sat'],
  ] as const) {
    it(`${query} is a 400 naming ${parameter}`, async () => {
      const {res, bytes} = await get(query)
      expect(res.status).toBe(400)
      expect(JSON.parse(bytes.toString())).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringMatching(new RegExp(`^Parameter "${parameter}" must be `)),
      })
    })
  }
  it('unknown parameters are ignored (the original is served)', async () => {
    const {res, bytes} = await get('?foo=bar')
    expect(res.status).toBe(200)
    expect((await sharp(bytes).metadata()).width).toBe(400)
  })
})

describe('large inputs', () => {
  it('a source over the pixel bound is stored and served as is, but not transformed', async () => {
    // 16400x16400 one-bit black: 269 megapixels behind a ~30 KB file (sharp's bound is 268).
    const side = 16400
    const header = Buffer.alloc(13)
    header.writeUInt32BE(side, 0)
    header.writeUInt32BE(side, 4)
    header.set([1, 0, 0, 0, 0], 8) // 1-bit greyscale
    const raw = Buffer.alloc((1 + side / 8) * side) // every row: filter 0, all pixels 0
    const bytes = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ])
    const asset = await lake.client().assets.upload('image', bytes, {filename: 'bomb.png'})
    expect(asset.metadata).toMatchObject({dimensions: {width: side, height: side}})
    expect((asset.metadata as {lqip?: string}).lqip).toBeUndefined()
    const res = await fetch(`${asset.url}?w=100`)
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/pixel limit/)
    const original = await fetch(asset.url)
    expect(original.status).toBe(200)
    expect(Buffer.from(await original.arrayBuffer()).equals(bytes)).toBe(true)
  }, 30_000)
})

describe('cache', () => {
  it('renders each size once, across restarts, and shares concurrent renders', async () => {
    const cacheDir = path.join(lake.dataDir, 'cache', 'images', lake.dataset)
    const first = await image('?w=123')
    expect(first.res.headers.get('x-lake-image-cache')).toBe('miss')
    const files = fs.readdirSync(cacheDir).filter((f) => !f.endsWith('.tmp'))
    const file = files.find((f) => fs.readFileSync(path.join(cacheDir, f)).equals(first.bytes))
    expect(file).toBeDefined()
    const inode = fs.statSync(path.join(cacheDir, file!)).ino
    const second = await image('?w=123')
    expect(second.res.headers.get('x-lake-image-cache')).toBe('hit')
    expect(second.bytes.equals(first.bytes)).toBe(true)
    expect(fs.statSync(path.join(cacheDir, file!)).ino).toBe(inode)

    const answers = await Promise.all(Array.from({length: 6}, () => image('?w=77&fm=webp')))
    expect(answers.filter((a) => a.res.headers.get('x-lake-image-cache') === 'miss')).toHaveLength(1)
    expect(new Set(answers.map((a) => a.bytes.toString('base64'))).size).toBe(1)

    await lake.restart()
    const after = await image('?w=123')
    expect(after.res.headers.get('x-lake-image-cache')).toBe('hit')
    expect(fs.readdirSync(cacheDir).some((f) => f.endsWith('.tmp'))).toBe(false)
  }, 60_000)
})

describe('upload metadata', () => {
  it('computes dimensions, lqip, blurHash, palette and alpha facts', async () => {
    const {decode} = await import('blurhash')
    // Two thirds red, one third blue, opaque.
    const bytes = await sharp({create: {width: 300, height: 200, channels: 3, background: '#e01010'}})
      .composite([{input: {create: {width: 100, height: 200, channels: 3, background: '#1020e0'}}, left: 200, top: 0}])
      .jpeg()
      .toBuffer()
    const asset = await lake.client().assets.upload('image', bytes, {filename: 'red-blue.jpg'})
    const meta = asset.metadata as unknown as Record<string, any>
    expect(meta.dimensions).toMatchObject({width: 300, height: 200, aspectRatio: 1.5})
    expect(meta.hasAlpha).toBe(false)
    expect(meta.isOpaque).toBe(true)
    expect(meta.lqip).toMatch(/^data:image\/jpeg;base64,/)
    const lqip = await sharp(Buffer.from(meta.lqip.split(',')[1], 'base64')).metadata()
    expect(lqip).toMatchObject({width: 20, height: 13, format: 'jpeg'})
    const pixels = decode(meta.blurHash, 30, 20)
    expect(pixels[0]).toBeGreaterThan(pixels[2]!) // left: red over blue
    expect(pixels[29 * 4 + 2]).toBeGreaterThan(pixels[29 * 4]!) // right edge: blue over red
    const dominant = meta.palette.dominant.background as string
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(dominant.slice(i, i + 2), 16))
    expect(r).toBeGreaterThan(180)
    expect(g! + b!).toBeLessThan(90)
    expect(meta.palette.dominant.population).toBeGreaterThan(50)
    expect(meta.palette.dominant).toMatchObject({_type: 'sanity.imagePaletteSwatch', title: '#fff'})
    expect(meta.palette.vibrant.background).toMatch(/^#[0-9a-f]{6}$/)
  })
  it('a PNG with transparent pixels is not opaque', async () => {
    const bytes = await sharp({create: {width: 20, height: 20, channels: 4, background: {r: 0, g: 0, b: 0, alpha: 0}}})
      .png()
      .toBuffer()
    const asset = await lake.client().assets.upload('image', bytes, {filename: 'clear.png'})
    expect(asset.metadata).toMatchObject({hasAlpha: true, isOpaque: false})
  })
})
