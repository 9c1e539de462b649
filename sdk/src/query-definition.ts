// A query is data: its GROQ string (static, so Sanity TypeGen can read it), the zod schema of its
// result, and how typed input becomes GROQ params. The client runs any definition the same way.
import type * as z from 'zod'
import {compileSchema} from '#compile-schema'
import {ResultMismatchError, problemsFromIssues} from './errors.ts'

export interface QueryDefinition<Input, Params extends object, Schema extends z.ZodType> {
  /** The SDK function name, used in error messages. */
  name: string
  /** Root of problem paths in error messages, e.g. `exercise`. */
  root: string
  query: string
  schema: Schema
  params: (input: Input) => Params
  /**
   * Lists of independent documents inside the result (path from the result root, `[]` = the root
   * array) and the model of one item. Outside the published perspective each item is parsed on its
   * own, so one half-finished draft is left out instead of failing the whole list.
   */
  itemLists?: readonly ItemList[]
}

export interface ItemList {
  path: readonly string[]
  schema: z.ZodType
}

/** Receives the error for one list item left out of a drafts result. */
export type InvalidItemHandler = (error: ResultMismatchError) => void

export function defineQueryDefinition<Input, Params extends object, Schema extends z.ZodType>(
  definition: QueryDefinition<Input, Params, Schema>,
): QueryDefinition<Input, Params, Schema> {
  return definition
}

/** Parses a raw result against the definition's schema; throws ResultMismatchError listing every problem. */
export function parseResult<Schema extends z.ZodType>(
  definition: Pick<QueryDefinition<never, never, Schema>, 'name' | 'root' | 'schema'>,
  raw: unknown,
): z.output<Schema> {
  const parsed = compiled(definition.schema).safeParse(raw)
  if (parsed.success) return parsed.data
  throw new ResultMismatchError(definition.name, problemsFromIssues(definition.root, parsed.error.issues, raw))
}

/**
 * Drops list items that fail their item model, reporting each with its full path (e.g.
 * `result.items[2].category`); the rest of the result is returned unchanged for parseResult.
 */
export function dropInvalidItems(
  definition: Pick<QueryDefinition<never, never, z.ZodType>, 'name' | 'root' | 'itemLists'>,
  raw: unknown,
  onInvalidItem: InvalidItemHandler,
): unknown {
  let result = raw
  for (const list of definition.itemLists ?? []) result = filterAt(definition, result, list, [], onInvalidItem)
  return result
}

function filterAt(
  definition: Pick<QueryDefinition<never, never, z.ZodType>, 'name' | 'root'>,
  value: unknown,
  list: ItemList,
  done: readonly string[],
  onInvalidItem: InvalidItemHandler,
): unknown {
  const [key] = list.path.slice(done.length)
  if (key !== undefined) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
    const record = value as Record<string, unknown>
    return {...record, [key]: filterAt(definition, record[key], list, [...done, key], onInvalidItem)}
  }
  if (!Array.isArray(value)) return value
  const itemRoot = [definition.root, ...done].join('.')
  return value.filter((item, index) => {
    const parsed = compiled(list.schema).safeParse(item)
    if (parsed.success) return true
    onInvalidItem(new ResultMismatchError(definition.name, problemsFromIssues(`${itemRoot}[${index}]`, parsed.error.issues, item)))
    return false
  })
}

// Compiled once, on first use: z.compile on servers, the schema unchanged in browsers (see
// compile-schema.ts and compile-schema.browser.ts, chosen by package.json "imports").
const compiledSchemas = new WeakMap<z.ZodType, z.ZodType>()
function compiled<Schema extends z.ZodType>(schema: Schema): Schema {
  let fast = compiledSchemas.get(schema)
  if (!fast) {
    fast = compileSchema(schema)
    compiledSchemas.set(schema, fast)
  }
  return fast as Schema
}

/** Clear errors for bad input, before anything is sent. */
export function positiveInteger(name: string, value: number | undefined, fallback: number, max = 1000): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${name} must be an integer from 1 to ${max}, received ${String(value)}`)
  }
  return value
}

export function nonEmptyString(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-empty string, received ${value === null ? 'null' : typeof value}`)
  }
  return value
}
