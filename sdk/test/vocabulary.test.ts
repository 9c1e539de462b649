// The SDK keeps its own copy of the content model's option lists (it must not depend on the
// schema package); this pins the copy to the schema.
import {describe, expect, it} from 'vitest'
import * as options from '../../schemas/src/options.ts'
import * as vocabulary from '../src/vocabulary.ts'

const pairs = Object.entries(vocabulary).filter(([name]) => name in options)

describe('SDK vocabulary', () => {
  it('covers the schema option lists', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(20)
  })
  it.each(pairs)('%s equals the schema options', (name, values) => {
    const schemaValues = (options as unknown as Record<string, {value: string}[]>)[name]!.map((o) => o.value)
    expect(values).toEqual(schemaValues)
  })
})

// The Portable Text vocabularies the renderers accept are exactly what the schema allows.
describe('Portable Text vocabularies', () => {
  interface BlockMember {
    type: string
    styles?: {value: string}[]
    lists?: {value: string}[]
    marks?: {decorators?: {value: string}[]; annotations?: {type: string}[]}
  }
  const describeArray = (of: BlockMember[]) => {
    const block = of.find((m) => m.type === 'block')!
    return {
      types: of.filter((m) => m.type !== 'block').map((m) => m.type),
      styles: block.styles!.map((s) => s.value),
      lists: block.lists!.map((l) => l.value),
      decorators: block.marks!.decorators!.map((d) => d.value),
      annotations: block.marks!.annotations!.map((a) => a.type),
    }
  }

  it('article body', async () => {
    const {articleBody} = await import('../../schemas/src/objects/blocks/articleBody.ts')
    expect(describeArray(articleBody.of as BlockMember[])).toEqual(vocabulary.articleBodyVocabulary)
  })

  it('rich text', async () => {
    const {richText} = await import('../../schemas/src/objects/blocks/richText.ts')
    expect(describeArray(richText.of as BlockMember[])).toEqual(vocabulary.richTextVocabulary)
  })
})
