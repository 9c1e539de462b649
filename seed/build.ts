// Writes seed/spotter.ndjson (Sanity export format, one document a line) from seed/src/*.ts, and
// the placeholder image it references. Run: node_modules/.bin/node seed/build.ts
import {writeFileSync, mkdirSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {deflateSync} from 'node:zlib'
import {seedNdjson} from './src/index.ts'

const here = dirname(fileURLToPath(import.meta.url))
const ndjson = seedNdjson()
writeFileSync(join(here, 'spotter.ndjson'), ndjson)

// The sources carry no image bytes: a small grey placeholder stands in for the credited photo.
mkdirSync(join(here, 'images'), {recursive: true})
writeFileSync(join(here, 'images', 'back-hyperextensions-deandrobot.png'), placeholderPng(48, 32, [0xc8, 0xcc, 0xd0]))
console.log(`wrote ${ndjson.trim().split('\n').length} documents`)

function placeholderPng(width: number, height: number, [r, g, b]: number[]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({length: width}, () => [r!, g!, b!]).flat())])
  const pixels = deflateSync(Buffer.concat(Array.from({length: height}, () => row)))
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))])
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}
