// Writes test/fixtures/schema-org-properties.json: for each schema.org type the SDK's JSON-LD
// uses, every property name it may carry (inherited ones included), read from schema-dts's
// typings of the schema.org vocabulary. Run deliberately when the SDK starts using a new type:
//   node_modules/.bin/node sdk/scripts/schema-org-properties.ts
import * as fs from 'node:fs'
import {createRequire} from 'node:module'
import * as path from 'node:path'

export const TYPES = [
  'Article',
  'MedicalWebPage',
  'Person',
  'Organization',
  'EducationalOccupationalCredential',
  'HowTo',
  'HowToStep',
  'HowToSupply',
  'HowToTool',
  'HowToTip',
  'HowToSection',
  'ExercisePlan',
  'ImageObject',
  'QuantitativeValue',
  'WebPage',
  'Thing',
  'CreativeWork',
  'Quotation',
  'Claim',
] as const

const require = createRequire(import.meta.url)
const dts = fs.readFileSync(path.join(path.dirname(require.resolve('schema-dts/package.json')), 'dist/schema.d.ts'), 'utf8')

// `interface ArticleBase extends CreativeWorkBase, X {` ... `}` with `"name"?:` members.
const bases = new Map<string, {parents: string[]; props: string[]}>()
for (const match of dts.matchAll(/^interface (\w+)Base(?: extends ([\w, <>]+))? \{([\s\S]*?)^\}/gm)) {
  const parents = (match[2] ?? '')
    .split(',')
    .map((p) => p.trim().replace(/Base$/, ''))
    .filter((p) => /^\w+$/.test(p))
  const props = [...match[3]!.matchAll(/^ {4}"([\w@-]+)"\??:/gm)].map((m) => m[1]!)
  bases.set(match[1]!, {parents, props})
}

// Types without properties of their own: `export interface HowToToolLeaf extends HowToItemBase {`.
for (const match of dts.matchAll(/^export interface (\w+)Leaf extends (\w+)Base \{/gm)) {
  if (!bases.has(match[1]!)) bases.set(match[1]!, {parents: [match[2]!], props: []})
}

function propertiesOf(type: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>()
  if (seen.has(type)) return out
  seen.add(type)
  const base = bases.get(type)
  if (!base) return out
  for (const prop of base.props) out.add(prop)
  for (const parent of base.parents) for (const prop of propertiesOf(parent, seen)) out.add(prop)
  return out
}

const result: Record<string, string[]> = {}
for (const type of TYPES) {
  const props = [...propertiesOf(type)].sort()
  if (props.length === 0) throw new Error(`schema-dts has no properties for ${type}`)
  result[type] = props
}
const out = path.join(import.meta.dirname, '../test/fixtures/schema-org-properties.json')
fs.writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`)
console.log(
  `wrote ${out}: ${Object.entries(result)
    .map(([t, p]) => `${t} ${p.length}`)
    .join(', ')}`,
)
