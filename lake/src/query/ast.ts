// Reading groq-js's syntax tree (not a public API of groq-js, hence one place that knows it).

export interface Node {
  type: string
  [key: string]: unknown
}

export function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as {type?: unknown}).type === 'string'
}

/**
 * A node's properties that hold child nodes (or arrays of them): all but a function call's
 * executor (`func`) and a literal's value, which may be any JSON a parameter brought in.
 */
export function childEntries(node: Node): [string, unknown][] {
  // A loop rather than entries().filter(): every walk over a query's tree runs through here.
  const entries: [string, unknown][] = []
  const isValue = node.type === 'Value'
  for (const key of Object.keys(node)) {
    const child = node[key]
    if (key !== 'func' && !(isValue && key === 'value') && child !== null && typeof child === 'object') entries.push([key, child])
  }
  return entries
}

/** The children of a node evaluated in a new scope (the row being filtered, projected or mapped). */
export const NESTED_CHILDREN: Record<string, readonly string[]> = {
  Filter: ['expr'],
  Projection: ['expr'],
  Map: ['expr'],
  FlatMap: ['expr'],
  PipeFuncCall: ['args'],
}
