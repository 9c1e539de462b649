// The vocabulary has one source (@spotter/vocabulary) that the schema types and the SDK both
// read. These tests hold the compiled schema to what the SDK validates and renders, and keep the
// package boundaries: the SDK reads plain data only, never `sanity` or another package's src/.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {describe, expect, it} from 'vitest'
import {schema} from '../../schemas/test/support.ts'
import * as vocabulary from '../src/vocabulary.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')

interface CompiledField {
  name: string
  type: {
    name: string
    jsonType: string
    options?: {list?: Array<{value: string} | string>}
    of?: Array<{options?: {list?: Array<{value: string} | string>}}>
  }
}
const listValues = (list: Array<{value: string} | string>) => list.map((o) => (typeof o === 'string' ? o : o.value))

describe('option lists', () => {
  // Every field with a fixed list of choices in the compiled schema, and its choices.
  const fields = schema
    .getTypeNames()
    .flatMap((type) =>
      ((schema.get(type) as {fields?: CompiledField[]} | undefined)?.fields ?? []).map((f) => [`${type}.${f.name}`, f] as const),
    )
    .flatMap(([name, field]) => {
      const list = field.type.options?.list
      return list ? [[name, listValues(list)] as const] : []
    })
  const sdkLists = (Object.values(vocabulary) as unknown[]).filter(
    (v): v is readonly string[] => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  )

  it('are found in the compiled schema', () => {
    expect(fields.length).toBeGreaterThanOrEqual(25)
  })
  it.each(fields)('%s offers exactly the values of one SDK list', (_name, values) => {
    expect(sdkLists.some((list) => JSON.stringify(list) === JSON.stringify(values))).toBe(true)
  })
})

// The Portable Text vocabularies the renderers accept are exactly what the compiled schema allows.
describe('Portable Text vocabularies', () => {
  interface Member {
    name: string
    fields?: Array<{name: string; type: {options?: {list?: {value: string}[]}; of?: Member[]}}>
    decorators?: {value: string}[]
  }
  // The compiled block type keeps its choices on its fields: style, listItem, markDefs, children's spans.
  const describeArray = (of: Member[]) => {
    const block = of.find((m) => m.name === 'block')!
    const field = (name: string) => block.fields!.find((f) => f.name === name)!.type
    const span = field('children').of!.find((m) => m.name === 'span')!
    return {
      types: of.filter((m) => m.name !== 'block').map((m) => m.name),
      styles: field('style').options!.list!.map((s) => s.value),
      lists: field('listItem').options!.list!.map((l) => l.value),
      decorators: span.decorators!.map((d) => d.value),
      annotations: field('markDefs').of!.map((a) => a.name),
    }
  }

  it('article body', () => {
    expect(describeArray((schema.get('articleBody') as unknown as {of: Member[]}).of)).toEqual(vocabulary.articleBodyVocabulary)
  })

  it('rich text', () => {
    expect(describeArray((schema.get('richText') as unknown as {of: Member[]}).of)).toEqual(vocabulary.richTextVocabulary)
  })
})

describe('package boundaries', () => {
  const sources = (dir: string): string[] =>
    fs
      .readdirSync(path.join(ROOT, dir), {recursive: true, encoding: 'utf8'})
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(dir, f))
  const imports = (file: string) =>
    [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!)

  it('the vocabulary module is plain data: it imports nothing', () => {
    expect(imports('vocabulary/src/index.ts')).toEqual([])
  })

  it('the SDK imports no schema package and no Sanity Studio code', () => {
    const offending = sources('sdk/src').flatMap((file) =>
      imports(file)
        .filter(
          (spec) =>
            spec === 'sanity' ||
            spec.startsWith('sanity/') ||
            (spec.startsWith('@spotter/') && spec !== '@spotter/vocabulary') ||
            (spec.startsWith('.') && !path.resolve(ROOT, path.dirname(file), spec).match(/\/sdk\/src\//)),
        )
        .map((spec) => `${file}: ${spec}`),
    )
    expect(offending).toEqual([])
  })

  it('syndication uses the SDK through its public entries only, and builds no query from its strings', () => {
    const entries = Object.keys(
      (JSON.parse(fs.readFileSync(path.join(ROOT, 'sdk/package.json'), 'utf8')) as {exports: Record<string, string>}).exports,
    )
    const files = sources('syndication/src')
    const offending = files.flatMap((file) =>
      imports(file)
        .filter(
          (spec) =>
            (spec.startsWith('@spotter/sdk') && !entries.includes(spec.replace('@spotter/sdk', '.'))) ||
            (spec.startsWith('.') && !path.resolve(ROOT, path.dirname(file), spec).includes('/syndication/src/')),
        )
        .map((spec) => `${file}: ${spec}`),
    )
    expect(offending).toEqual([])
    for (const file of files)
      expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).not.toMatch(
        /Query\.(slice|substring|replace|split|startsWith|indexOf)\(/,
      )
  })
})
