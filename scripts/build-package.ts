// Builds the workspace package in the current folder for publishing: removes dist/, then compiles
// src/ with the package's tsconfig.build.json (ESM JavaScript, declarations, source maps with
// their sources inlined; relative `.ts` imports rewritten to `.js`). Run by `npm run build` and
// by npm's prepack, so `npm pack` and `npm publish` always ship a fresh build.
import {execFileSync} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

const packageDir = process.cwd()
const dist = path.join(packageDir, 'dist')
const tsc = path.join(import.meta.dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc')
fs.rmSync(dist, {recursive: true, force: true})
execFileSync(process.execPath, [tsc, '-p', path.join(packageDir, 'tsconfig.build.json')], {cwd: packageDir, stdio: 'inherit'})

// tsc rewrites relative `.ts` imports in the JavaScript only; declarations keep them, which only
// TypeScript 5 resolves. Pointing them at the `.js` files (whose `.d.ts` sit beside them) is
// what every TypeScript version and tool expects.
const RELATIVE_TS_IMPORT = /((?:from|import)\s*\(?\s*)(['"])(\.\.?\/[^'"]+)\.ts\2/g
for (const entry of fs.readdirSync(dist, {recursive: true, withFileTypes: true})) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue
  const file = path.join(entry.parentPath, entry.name)
  const text = fs.readFileSync(file, 'utf8')
  const rewritten = text.replace(RELATIVE_TS_IMPORT, '$1$2$3.js$2')
  if (rewritten !== text) fs.writeFileSync(file, rewritten)
}
