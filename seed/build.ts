// Writes seed/spotter.ndjson (Sanity export format, one document a line) from seed/src/*.ts, and
// the generated stand-in image it references. Run: node_modules/.bin/node seed/build.ts
import {writeFileSync, mkdirSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import sharp from 'sharp'
import {seedNdjson} from './src/index.ts'

const here = dirname(fileURLToPath(import.meta.url))
const ndjson = seedNdjson()
writeFileSync(join(here, 'spotter.ndjson'), ndjson)

// The sources carry no image bytes: a generated picture (a person on a bench in a room, with film
// grain from a seeded generator) stands in for the credited photo. It is large enough (2400x1600)
// that the CDN's sizes, crops and hotspot are visible, and the same bytes come out of every run.
mkdirSync(join(here, 'images'), {recursive: true})
writeFileSync(join(here, 'images', 'back-hyperextensions-deandrobot.jpg'), await placeholderPhoto())
console.log(`wrote ${ndjson.trim().split('\n').length} documents`)

async function placeholderPhoto(): Promise<Buffer> {
  const width = 2400
  const height = 1600
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs>
<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#d9e2ea"/><stop offset="1" stop-color="#9fb0bf"/></linearGradient>
<linearGradient id="floor" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6b5a4a"/><stop offset="1" stop-color="#3b3028"/></linearGradient>
<radialGradient id="light" cx="0.3" cy="0.2" r="0.7"><stop offset="0" stop-color="#fff8e0" stop-opacity="0.7"/><stop offset="1" stop-color="#fff8e0" stop-opacity="0"/></radialGradient>
<linearGradient id="pad" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2a2d33"/><stop offset="1" stop-color="#111317"/></linearGradient>
</defs>
<rect width="${width}" height="${height}" fill="url(#wall)"/>
<rect y="1100" width="${width}" height="500" fill="url(#floor)"/>
<rect width="${width}" height="${height}" fill="url(#light)"/>
<rect x="200" y="150" width="500" height="700" rx="12" fill="#c7d3dd" stroke="#8797a5" stroke-width="8"/>
<g transform="translate(1500 1000)">
 <rect x="-420" y="60" width="60" height="300" fill="#4a4f57"/><rect x="300" y="60" width="60" height="300" fill="#4a4f57"/>
 <rect x="-480" y="0" width="900" height="90" rx="40" fill="url(#pad)"/>
 <ellipse cx="-40" cy="-70" rx="330" ry="85" fill="#c2413b"/>
 <circle cx="330" cy="-110" r="85" fill="#c98e6b"/>
 <rect x="-520" y="-120" width="220" height="70" rx="30" fill="#1f3a6b"/>
</g>
</svg>`
  const {data, info} = await sharp(Buffer.from(scene)).removeAlpha().raw().toBuffer({resolveWithObject: true})
  // Grain drawn at a quarter of the size and blurred: texture a JPEG can still keep small (~130 KB).
  let state = 20260101
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
  const grain = Buffer.alloc((width / 4) * (height / 4))
  for (let i = 0; i < grain.length; i++) grain[i] = 128 + Math.round((random() - 0.5) * 18)
  const noise = await sharp(grain, {raw: {width: width / 4, height: height / 4, channels: 1}})
    .resize(width, height)
    .blur(2.5)
    .raw()
    .toBuffer()
  for (let p = 0; p < noise.length; p++) {
    const d = (noise[p] ?? 128) - 128
    for (let c = 0; c < 3; c++) data[p * 3 + c] = Math.max(0, Math.min(255, (data[p * 3 + c] ?? 0) + d))
  }
  return sharp(data, {raw: {width, height, channels: info.channels}})
    .jpeg({quality: 70})
    .toBuffer()
}
