// A page is only well defined when the order it is cut from is total: hosted Sanity promises no
// order among documents with equal sort keys (the lake keeps `_id` order, so a paging bug from a
// tie passes locally). Every paged SDK query ends its order() with the unique `_id`.
import {expect, it} from 'vitest'
import * as sdk from '../src/index.ts'

const queries = Object.entries(sdk as Record<string, unknown>).filter(
  (entry): entry is [string, string] => entry[0].endsWith('Query') && typeof entry[1] === 'string',
)

it.each(queries.filter(([, query]) => query.includes('[$start...$end]')))('%s pages a total order (last key _id)', (_, query) => {
  const pages = [...query.matchAll(/\|\s*order\(([^)]*)\)\s*\[\$start\.\.\.\$end\]/g)]
  expect(pages.length, 'every [$start...$end] slices an order()').toBe(query.split('[$start...$end]').length - 1)
  for (const [, keys] of pages) expect(keys!.split(',').at(-1)!.trim()).toMatch(/^_id( asc| desc)?$/)
})

it('finds the paged queries', () => {
  expect(
    queries
      .filter(([, query]) => query.includes('[$start...$end]'))
      .map(([name]) => name)
      .sort(),
  ).toEqual(['listArticlesQuery', 'listExercisesQuery'])
})
