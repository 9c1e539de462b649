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
