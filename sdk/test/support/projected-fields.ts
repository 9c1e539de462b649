// Which schema fields a GROQ query returns, found statically: the query is parsed with groq-js
// and its AST walked with the compiled schema, tracking which schema types each expression can
// hold (documents from `*` narrowed by `_type == "..."`, array members, references followed with
// `->`). A field counts when it is read where the value reaches the result (a projection, `...`),
// not when it is only read in a filter, an order or a count.
import {parse} from 'groq-js'

/** A groq-js syntax node, read loosely (the walk checks `type` and reads the fields each type has). */
interface AnyNode {
  type: string
  [field: string]: unknown
}

/** The parts of a compiled Sanity schema type this walk reads. */
export interface CompiledType {
  name: string
  jsonType?: string
  type?: CompiledType
  fields?: {name: string; type: CompiledType}[]
  of?: CompiledType[]
  to?: CompiledType[]
}
export interface CompiledSchema {
  get(name: string): CompiledType | undefined
  getTypeNames(): string[]
}

type Shape = {t: 'type'; name: string} | {t: 'array'; of: Shape[]} | {t: 'ref'; to: string[]} | {t: 'unknown'}
const UNKNOWN: Shape[] = [{t: 'unknown'}]

interface Context {
  scopes: Shape[][]
  output: boolean
}

/** Fields (`type.field`) of `ownTypes` that the queries return, and the types they reach. */
export function projectedFields(
  queries: readonly string[],
  schema: CompiledSchema,
  ownTypes: ReadonlySet<string>,
): {fields: Set<string>; types: Set<string>} {
  const fields = new Set<string>()
  const types = new Set<string>()
  const documentTypes = schema.getTypeNames().filter((name) => ownTypes.has(name) && schema.get(name)?.type?.name === 'document')

  const fieldsOf = (name: string) => (ownTypes.has(name) ? (schema.get(name)?.fields ?? []) : [])
  const memberShape = (member: CompiledType): Shape =>
    member.to
      ? {t: 'ref', to: member.to.map((x) => x.name)}
      : member.jsonType === 'array'
        ? {t: 'array', of: (member.of ?? []).map(memberShape)}
        : {t: 'type', name: member.name}
  const fieldShape = (type: CompiledType): Shape => {
    if (type.to) return {t: 'ref', to: type.to.map((x) => x.name)}
    if (type.jsonType === 'array') return {t: 'array', of: (type.of ?? []).map(memberShape)}
    if (type.jsonType === 'object' && type.fields && !schema.get(type.name))
      throw new Error(`anonymous object type in ${type.name}: give it a name so its fields can be checked`)
    return {t: 'type', name: type.name}
  }
  const record = (ctx: Context, typeName: string, field: string) => {
    if (!ctx.output || !ownTypes.has(typeName)) return
    types.add(typeName)
    fields.add(`${typeName}.${field}`)
  }

  const typeNameCondition = (node: AnyNode | undefined): string | undefined => {
    if (!node) return undefined
    if (node.type === 'And') return typeNameCondition(node.left as AnyNode) ?? typeNameCondition(node.right as AnyNode)
    if (node.type !== 'OpCall' || node.op !== '==') return undefined
    const [left, right] = [node.left as AnyNode, node.right as AnyNode]
    const isType = (n: AnyNode) => n.type === 'AccessAttribute' && n.name === '_type' && !n.base
    if (isType(left) && right.type === 'Value' && typeof right.value === 'string') return right.value
    if (isType(right) && left.type === 'Value' && typeof left.value === 'string') return left.value
    return undefined
  }
  const narrow = (shapes: Shape[], typeName: string | undefined) =>
    typeName === undefined ? shapes : shapes.filter((s) => s.t !== 'type' || s.name === typeName)
  const elements = (shapes: Shape[]) => shapes.flatMap((s) => (s.t === 'array' ? s.of : []))
  const self = (ctx: Context) => ctx.scopes[ctx.scopes.length - 1] ?? UNKNOWN
  const within = (ctx: Context, thisShapes: Shape[], output = ctx.output): Context => ({scopes: [...ctx.scopes, thisShapes], output})
  const quiet = (ctx: Context): Context => ({...ctx, output: false})

  const evaluate = (node: AnyNode, ctx: Context): Shape[] => {
    switch (node.type) {
      case 'Everything':
        return [{t: 'array', of: documentTypes.map((name) => ({t: 'type', name}) as const)}]
      case 'This':
        return self(ctx)
      case 'Parent':
        return ctx.scopes[ctx.scopes.length - 1 - (node.n as number)] ?? UNKNOWN
      case 'AccessAttribute': {
        const base = node.base ? evaluate(node.base as AnyNode, ctx) : self(ctx)
        const out: Shape[] = []
        for (const shape of base) {
          if (shape.t !== 'type') continue
          const field = fieldsOf(shape.name).find((f) => f.name === node.name)
          if (!field) continue
          record(ctx, shape.name, field.name)
          out.push(fieldShape(field.type))
        }
        return out.length ? out : UNKNOWN
      }
      case 'Deref': {
        const base = evaluate(node.base as AnyNode, ctx)
        const out = base.flatMap((s): Shape[] => (s.t === 'ref' ? s.to.map((name) => ({t: 'type', name}) as const) : []))
        return out.length ? out : UNKNOWN
      }
      case 'ArrayCoerce':
      case 'Group':
      case 'Slice':
        return evaluate(node.base as AnyNode, ctx)
      case 'AccessElement':
        return elements(evaluate(node.base as AnyNode, ctx))
      case 'Filter': {
        const base = evaluate(node.base as AnyNode, ctx)
        evaluate(node.expr as AnyNode, within(quiet(ctx), elements(base)))
        const typeName = typeNameCondition(node.expr as AnyNode)
        return base.map((s) => (s.t === 'array' ? {t: 'array', of: narrow(s.of, typeName)} : s))
      }
      case 'Map':
      case 'FlatMap': {
        const base = evaluate(node.base as AnyNode, ctx)
        const mapped = evaluate(node.expr as AnyNode, within(ctx, elements(base)))
        return [{t: 'array', of: node.type === 'FlatMap' ? [...elements(mapped), ...mapped.filter((s) => s.t !== 'array')] : mapped}]
      }
      case 'Projection': {
        const base = evaluate(node.base as AnyNode, ctx)
        const single = base.filter((s) => s.t !== 'array')
        const items = elements(base)
        if (single.length) evaluate(node.expr as AnyNode, within(ctx, single))
        if (items.length) evaluate(node.expr as AnyNode, within(ctx, items))
        return UNKNOWN
      }
      case 'Object': {
        for (const attribute of node.attributes as AnyNode[]) {
          if (attribute.type === 'ObjectAttributeValue') evaluate(attribute.value as AnyNode, ctx)
          else if (attribute.type === 'ObjectConditionalSplat') {
            evaluate(attribute.condition as AnyNode, quiet(ctx))
            evaluate(attribute.value as AnyNode, within(ctx, narrow(self(ctx), typeNameCondition(attribute.condition as AnyNode))))
          } else if (attribute.type === 'ObjectSplat') {
            // `...` returns every field of the value.
            for (const shape of evaluate(attribute.value as AnyNode, ctx)) {
              if (shape.t === 'type') for (const field of fieldsOf(shape.name)) record(ctx, shape.name, field.name)
            }
          }
        }
        return UNKNOWN
      }
      case 'FuncCall': {
        // coalesce and select return one of their arguments; every other function returns its own value.
        const passes = node.name === 'coalesce' || node.name === 'select'
        const results = (node.args as AnyNode[]).flatMap((arg) => evaluate(arg, passes ? ctx : quiet(ctx)))
        return passes ? results : UNKNOWN
      }
      case 'PipeFuncCall': {
        for (const arg of node.args as AnyNode[]) evaluate(arg, within(quiet(ctx), elements(evaluate(node.base as AnyNode, quiet(ctx)))))
        return evaluate(node.base as AnyNode, ctx)
      }
      case 'Select': {
        const out: Shape[] = []
        for (const alternative of node.alternatives as AnyNode[]) {
          evaluate(alternative.condition as AnyNode, quiet(ctx))
          out.push(...evaluate(alternative.value as AnyNode, ctx))
        }
        if (node.fallback) out.push(...evaluate(node.fallback as AnyNode, ctx))
        return out
      }
      case 'Array':
        return [{t: 'array', of: (node.elements as AnyNode[]).flatMap((element) => evaluate(element.value as AnyNode, ctx))}]
      case 'Value':
      case 'Parameter':
      case 'Context':
        return UNKNOWN
      default: {
        // Operators, comparisons, Asc/Desc, tuples: their operands do not reach the result.
        for (const key of ['base', 'left', 'right']) if (node[key]) evaluate(node[key] as AnyNode, quiet(ctx))
        for (const member of (node.members as AnyNode[] | undefined) ?? []) evaluate(member, quiet(ctx))
        return UNKNOWN
      }
    }
  }

  // Slices need constant bounds at parse time; any number does, since only the shape matters here.
  for (const query of queries) {
    const params = Object.fromEntries([...query.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => [m[1], 0]))
    evaluate(parse(query, {params}) as unknown as AnyNode, {scopes: [], output: true})
  }
  return {fields, types}
}

/** Every type of `ownTypes` reachable from `roots` through fields, array members and references. */
export function reachableTypes(roots: Iterable<string>, schema: CompiledSchema, ownTypes: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>()
  const visitType = (type: CompiledType | undefined): void => {
    if (!type) return
    for (const target of type.to ?? []) visit(target.name)
    for (const member of type.of ?? []) visitType(member)
    visit(type.name)
  }
  const visit = (name: string): void => {
    if (seen.has(name) || !ownTypes.has(name)) return
    seen.add(name)
    const type = schema.get(name)
    for (const field of type?.fields ?? []) visitType(field.type)
    for (const member of type?.of ?? []) visitType(member)
  }
  for (const root of roots) visit(root)
  return seen
}
