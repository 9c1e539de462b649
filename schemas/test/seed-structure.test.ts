// The seed NDJSON is well-formed Sanity export data: unique root-path ids, a unique `_key` on every
// array item (within its array), every `_ref` resolving to a document in the file, and image objects
// pointing at files that exist. It is exactly what `seed/build.ts` makes from `seed/src`.
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {seedNdjson} from '../../seed/src/index.ts'
import {DOCUMENT_TYPES} from '../src/index.ts'

const SEED = resolve(dirname(fileURLToPath(import.meta.url)), '../../seed/spotter.ndjson')
const lines = readFileSync(SEED, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
const docs = lines.map((line) => JSON.parse(line) as {_id: string; _type: string} & Record<string, unknown>)

interface Visit {
  path: string
  value: unknown
}

function* walk(value: unknown, path: string): Generator<Visit> {
  yield {path, value}
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* walk(item, `${path}[${i}]`)
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* walk(v, `${path}.${k}`)
  }
}

describe('seed/spotter.ndjson', () => {
  it('has one JSON document per line, each with _id and a known _type', () => {
    expect(docs.length).toBeGreaterThan(20)
    for (const doc of docs) {
      expect(typeof doc._id, doc._id).toBe('string')
      expect(DOCUMENT_TYPES, doc._id).toContain(doc._type)
    }
  })

  it('has unique document ids', () => {
    const ids = docs.map((d) => d._id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('uses root-path ids only (no `.`), which hosted Sanity lets anonymous readers see', () => {
    expect(docs.map((d) => d._id).filter((id) => !/^[a-zA-Z0-9_][a-zA-Z0-9_-]*$/.test(id))).toEqual([])
    for (const doc of docs) expect(doc._id.startsWith(`${doc._type}-`), doc._id).toBe(true)
  })

  it('is what seed/build.ts makes from seed/src (rebuilt after every source change)', () => {
    expect(readFileSync(SEED, 'utf8')).toBe(seedNdjson())
  })

  it('gives every object in every array a `_key`, unique within its array', () => {
    const problems: string[] = []
    for (const doc of docs) {
      for (const {path, value} of walk(doc, doc._id)) {
        if (!Array.isArray(value)) continue
        const keys = new Set<string>()
        value.forEach((item, i) => {
          if (!item || typeof item !== 'object') return
          const key = (item as {_key?: unknown})._key
          if (typeof key !== 'string' || key === '') problems.push(`${path}[${i}] has no _key`)
          else if (keys.has(key)) problems.push(`${path}[${i}] repeats _key ${key}`)
          else keys.add(key)
        })
      }
    }
    expect(problems).toEqual([])
  })

  it('resolves every `_ref` to a document in the file', () => {
    const ids = new Set(docs.map((d) => d._id))
    const dangling: string[] = []
    let refs = 0
    for (const doc of docs) {
      for (const {path, value} of walk(doc, doc._id)) {
        const ref = (value as {_ref?: unknown} | null)?._ref
        if (typeof ref !== 'string') continue
        refs++
        if (!ids.has(ref)) dangling.push(`${path} -> ${ref}`)
      }
    }
    expect(dangling).toEqual([])
    expect(refs).toBeGreaterThan(50)
  })

  it('keeps Portable Text blocks complete (children spans with _key and marks, markDefs)', () => {
    for (const doc of docs) {
      for (const {path, value} of walk(doc, doc._id)) {
        const block = value as {_type?: string; children?: unknown; markDefs?: unknown}
        if (block?._type !== 'block') continue
        expect(Array.isArray(block.markDefs), path).toBe(true)
        expect(Array.isArray(block.children) && block.children.length > 0, path).toBe(true)
        for (const span of block.children as {_type: string; _key?: string; marks?: unknown; text?: unknown}[]) {
          expect(span._type, path).toBe('span')
          expect(typeof span._key, path).toBe('string')
          expect(Array.isArray(span.marks), path).toBe(true)
          expect(typeof span.text, path).toBe('string')
        }
      }
    }
  })

  it('points every `_sanityAsset` at an image file next to the NDJSON', () => {
    const assets = docs.flatMap((doc) =>
      [...walk(doc, doc._id)].flatMap(({value}) => {
        const asset = (value as {_sanityAsset?: unknown} | null)?._sanityAsset
        return typeof asset === 'string' ? [asset] : []
      }),
    )
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) {
      const match = /^image@file:\/\/\.\/(.+)$/.exec(asset)
      expect(match, asset).not.toBeNull()
      const file = join(dirname(SEED), match![1]!)
      expect(existsSync(file), file).toBe(true)
      // An image the CDN can transform: PNG or JPEG by its signature, and a JPEG under ~150 KB.
      const bytes = readFileSync(file)
      const png = bytes.subarray(1, 4).toString('ascii') === 'PNG'
      const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8
      expect(png || jpeg, file).toBe(true)
      expect(bytes.length, file).toBeLessThan(150_000)
    }
  })
})
