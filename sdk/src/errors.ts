// Typed errors the SDK throws. A result that does not match its query's schema is reported as a
// flat list of `path: message (value)` lines, so a developer sees every problem at once without
// reading a validation library's internal format.
import type * as z from 'zod'

/** One mismatch between a query result and its schema. */
export interface ResultProblem {
  /** Where in the result, rooted at the query's result name: `exercise.steps[2].text`. */
  path: string
  /** What was expected and what was found: `expected string, received null`. */
  message: string
  /** The offending value (undefined when the field is missing). */
  value: unknown
}

/** Thrown when a query result does not have the shape its schema promises. */
export class ResultMismatchError extends Error {
  override name = 'ResultMismatchError'
  /** The SDK function whose result failed, e.g. `getExercise`. */
  readonly query: string
  readonly problems: readonly ResultProblem[]

  constructor(query: string, problems: readonly ResultProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    super(`${query}: the result does not match its schema (${count}):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`)
    this.query = query
    this.problems = problems
  }
}

/** Thrown for a configuration that cannot work, e.g. draft preview without a token. */
export class ExerciseClientConfigError extends Error {
  override name = 'ExerciseClientConfigError'
}

export function formatProblem(problem: ResultProblem): string {
  const preview = previewValue(problem.value)
  return preview === undefined ? `${problem.path}: ${problem.message}` : `${problem.path}: ${problem.message} (${preview})`
}

/** Converts zod issues into problems; union issues are flattened to their closest branch. */
export function problemsFromIssues(root: string, issues: readonly z.core.$ZodIssue[], data: unknown): ResultProblem[] {
  const problems: ResultProblem[] = []
  for (const issue of issues) collect(root, issue, [], data, problems)
  return problems
}

function collect(root: string, issue: z.core.$ZodIssue, prefix: PropertyKey[], data: unknown, out: ResultProblem[]): void {
  const path = [...prefix, ...issue.path]
  if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.discriminator === undefined) {
    // Report the branch that got furthest (fewest problems) rather than every alternative.
    const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? []
    for (const inner of best) collect(root, inner, path, data, out)
    return
  }
  const value = valueAt(data, path)
  out.push({path: formatPath(root, path), message: describe(issue, value), value})
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, received ${typeName(value)}`
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, received ${typeName(value)}`
    case 'invalid_union':
      if (issue.discriminator !== undefined) {
        const options = 'options' in issue ? (issue.options ?? []) : []
        return `unknown ${issue.discriminator}${options.length ? `, expected ${options.map((v) => JSON.stringify(v)).join(' | ')}` : ''}`
      }
      return 'matches none of the allowed shapes'
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `expected at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `expected ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `expected at most ${String(issue.maximum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `expected ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`
    case 'unrecognized_keys':
      return `unexpected keys ${issue.keys.join(', ')}`
    default:
      return issue.message
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`
    else out += `[${JSON.stringify(String(key))}]`
  }
  return out
}

/** A short, single-line preview of primitives; objects and missing values get none. */
function previewValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'object') return Array.isArray(value) ? `array of ${value.length}` : undefined
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
