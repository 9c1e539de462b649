// Builds the workspace package in the current folder for publishing, after the @spotter packages it
// depends on: src/ with the package's tsconfig.build.json (ESM JavaScript, declarations, source maps with
// their sources inlined; relative `.ts` imports rewritten to `.js`). Run by `npm run build` and
// by npm's prepack, so `npm pack` and `npm publish` always ship a fresh build.
import {execFileSync} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

const root = path.join(import.meta.dirname, '..')
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')

/** The package's own @spotter dependencies compile against their builds: build those first. */
function build(packageDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>}
  for (const name of Object.keys(manifest.dependencies ?? {}).filter((n) => n.startsWith('@spotter/'))) {
    build(fs.realpathSync(path.join(root, 'node_modules', name)))
  }
  const dist = path.join(packageDir, 'dist')
  fs.rmSync(dist, {recursive: true, force: true})
  execFileSync(process.execPath, [tsc, '-p', path.join(packageDir, 'tsconfig.build.json')], {cwd: packageDir, stdio: 'inherit'})
  rewriteDeclarationImports(dist)
}

// tsc rewrites relative `.ts` imports in the JavaScript only; declarations keep them, which only
// TypeScript 5 resolves. Pointing them at the `.js` files (whose `.d.ts` sit beside them) is
// what every TypeScript version and tool expects.
const RELATIVE_TS_IMPORT = /((?:from|import)\s*\(?\s*)(['"])(\.\.?\/[^'"]+)\.ts\2/g
function rewriteDeclarationImports(dist: string): void {
  for (const entry of fs.readdirSync(dist, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue
    const file = path.join(entry.parentPath, entry.name)
    const text = fs.readFileSync(file, 'utf8')
    const rewritten = text.replace(RELATIVE_TS_IMPORT, '$1$2$3.js$2')
    if (rewritten !== text) fs.writeFileSync(file, rewritten)
  }
}

build(process.cwd())
