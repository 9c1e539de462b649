// Parsing a query: groq-js's parser, then the lake's function layer (functions.ts). groq-js's
// parser knows the `geo::` functions but not the global `geo()`: a query it rejects for that alone
// is parsed again with each `geo(` call written as `geo::latLng("<marker>", ...)`, which the
// function layer turns back into `geo()`. Syntax errors are found before unknown functions, so
// positions in any error still refer to the query as sent.

import {parse, type ExprNode} from 'groq-js'
import {GEO_CALL_MARKER, rewriteFunctions} from './functions.ts'

export function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
  let tree: ExprNode
  try {
    tree = parse(query, {params})
  } catch (error) {
    if (!(error instanceof Error) || error.message !== 'Undefined function: geo') throw error
    tree = parse(markGeoCalls(query), {params})
  }
  return rewriteFunctions(tree)
}

const MARKER_TEXT = JSON.stringify(GEO_CALL_MARKER)

/** The query with every call of the global `geo(` (outside strings and comments) marked. */
export function markGeoCalls(query: string): string {
  let out = ''
  let i = 0
  const isStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c)
  const isPart = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c)
  /** Index of the next character that is not whitespace or inside a comment. */
  const skipBlank = (from: number): number => {
    let j = from
    for (;;) {
      while (j < query.length && /\s/.test(query[j]!)) j++
      if (query.startsWith('//', j)) {
        while (j < query.length && query[j] !== '\n') j++
        continue
      }
      return j
    }
  }
  while (i < query.length) {
    const c = query[i]!
    if (c === '"' || c === "'") {
      let j = i + 1
      while (j < query.length && query[j] !== c) j += query[j] === '\\' ? 2 : 1
      out += query.slice(i, j + 1)
      i = j + 1
      continue
    }
    if (query.startsWith('//', i)) {
      const end = query.indexOf('\n', i)
      const stop = end < 0 ? query.length : end
      out += query.slice(i, stop)
      i = stop
      continue
    }
    if (isStart(c) && !isPart(query[i - 1]) && query[i - 1] !== '$') {
      let j = i
      while (isPart(query[j])) j++
      let name = query.slice(i, j)
      // `global::geo(` names the same function.
      if (name === 'global' && query.startsWith('::', j) && query.startsWith('geo', j + 2) && !isPart(query[j + 5])) {
        j += 5
        name = 'geo'
      }
      const open = skipBlank(j)
      // Not an attribute (`a.geo(`) nor a function of another namespace (`x::geo(`).
      const before = out.trimEnd()
      if (name === 'geo' && query[open] === '(' && !before.endsWith('.') && !before.endsWith('::')) {
        const empty = query[skipBlank(open + 1)] === ')'
        out += `geo::latLng${query.slice(j, open + 1)}${MARKER_TEXT}${empty ? '' : ', '}`
        i = open + 1
        continue
      }
      out += query.slice(i, j)
      i = j
      continue
    }
    out += c
    i++
  }
  return out
}
