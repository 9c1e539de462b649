// Renders the article as a React Server Component would: run with --conditions=react-server, so
// `react` is React's server build (no useState, useEffect or createContext). Server components
// are called with their props, as the Flight renderer calls them; what remains is host elements,
// written out as a tree of {type, props, children} (what a Flight payload carries). A component
// that used hooks or context, or a host element given a function, fails here.
// Usage: node --conditions=react-server rsc.mjs OUT_DIR
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as React from 'react'
import {ArticleView} from '@spotter/sdk/react'

const [out] = process.argv.slice(2)
const serverBuild = typeof React.useState !== 'function' && typeof React.createContext !== 'function'
const {article, images} = JSON.parse(fs.readFileSync(path.join(out, 'article.json'), 'utf8'))

function resolve(node, where) {
  if (node === null || node === undefined || typeof node === 'boolean') return null
  if (typeof node === 'string' || typeof node === 'number') return String(node)
  if (Array.isArray(node)) return node.map((child, i) => resolve(child, `${where}[${i}]`))
  if (!React.isValidElement(node)) throw new Error(`${where}: cannot render ${typeof node}`)
  if (node.type === React.Fragment) return resolve(node.props.children, where)
  if (typeof node.type === 'function') return resolve(node.type(node.props), `${where} > ${node.type.name}`)
  if (typeof node.type !== 'string')
    throw new Error(`${where}: ${String(node.type?.$$typeof ?? node.type)} is not a server component or host element`)
  const {children, ...props} = node.props
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') throw new Error(`${where} > ${node.type}: function prop "${name}" cannot cross to the client`)
  }
  return {type: node.type, key: node.key, props, children: resolve(children, `${where} > ${node.type}`)}
}

const tree = resolve(React.createElement(ArticleView, {article, images}), 'ArticleView')
fs.writeFileSync(path.join(out, 'rsc-tree.json'), JSON.stringify(tree))
console.log(JSON.stringify({serverBuild}))
