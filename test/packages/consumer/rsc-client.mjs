// The client half of the React Server Components check: the host tree rsc.mjs resolved on the
// server build of React, rendered to HTML with react-dom. Prints the HTML.
// Usage: node rsc-client.mjs OUT_DIR
import * as fs from 'node:fs'
import * as path from 'node:path'
import {createElement, Fragment} from 'react'
import {renderToStaticMarkup} from 'react-dom/server'

const [out] = process.argv.slice(2)
const toElement = (node) =>
  node === null || typeof node === 'string'
    ? node
    : Array.isArray(node)
      ? createElement(Fragment, null, ...node.map(toElement))
      : createElement(node.type, {...node.props, key: node.key}, ...(node.children === null ? [] : [toElement(node.children)]))
process.stdout.write(renderToStaticMarkup(toElement(JSON.parse(fs.readFileSync(path.join(out, 'rsc-tree.json'), 'utf8')))))
