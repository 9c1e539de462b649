// Browsers: the ordinary parser. z.compile would add zod's code generator (about 7.5 kB gzipped)
// to every browser bundle of the query entry, for a speed-up that matters on servers rendering
// many articles, not on a page parsing one.
import type * as z from 'zod'

export function compileSchema<Schema extends z.ZodType>(schema: Schema): Schema {
  return schema
}
