// Image dimensions from file headers, for every format the lake accepts.
import {expect, it} from 'vitest'
import {readImageInfo} from '../src/image-size.ts'
import {pngBytes} from './png.ts'

const riff = (chunk: string, body: Buffer) =>
  Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('WEBP'),
    Buffer.from(chunk),
    Buffer.from([body.length, 0, 0, 0]),
    body,
  ])

it('reads PNG (with alpha)', () => {
  expect(readImageInfo(pngBytes(64, 48))).toEqual({width: 64, height: 48, extension: 'png', mimeType: 'image/png', hasAlpha: true})
})

it('reads GIF', () => {
  const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([0x2c, 0x01, 0x90, 0x00]), Buffer.alloc(8)])
  expect(readImageInfo(gif)).toMatchObject({width: 300, height: 144, extension: 'gif'})
})

it('reads JPEG from the start-of-frame marker after other segments', () => {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0])
  const sof0 = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0x03, ...Array(9).fill(0)])
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0])
  expect(readImageInfo(jpeg)).toEqual({width: 800, height: 600, extension: 'jpg', mimeType: 'image/jpeg', hasAlpha: false})
})

it('reads WebP in its lossy, lossless and extended forms', () => {
  const vp8 = riff('VP8 ', Buffer.from([0, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01, 0, 0]))
  expect(readImageInfo(vp8)).toMatchObject({width: 640, height: 480, extension: 'webp', hasAlpha: false})
  // VP8L: 0x2f, then 14 bits width-1 and 14 bits height-1, then the alpha bit.
  const bits = (99 & 0x3fff) | ((49 & 0x3fff) << 14) | (1 << 28)
  const vp8l = riff('VP8L', Buffer.from([0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff, 0, 0, 0, 0, 0]))
  expect(readImageInfo(vp8l)).toMatchObject({width: 100, height: 50, hasAlpha: true})
  const vp8x = riff('VP8X', Buffer.from([0x10, 0, 0, 0, 0xff, 0x03, 0x00, 0xff, 0x01, 0x00]))
  expect(readImageInfo(vp8x)).toMatchObject({width: 1024, height: 512, hasAlpha: true})
})

it('returns null for anything else', () => {
  expect(readImageInfo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
  expect(readImageInfo(Buffer.alloc(0))).toBeNull()
})
