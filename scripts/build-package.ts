// Builds the workspace package in the current folder for publishing: removes dist/, then compiles
// src/ with the package's tsconfig.build.json (ESM JavaScript, declarations, source maps with
// their sources inlined; relative `.ts` imports rewritten to `.js`). Run by `npm run build` and
// by npm's prepack, so `npm pack` and `npm publish` always ship a fresh build.
import {execFileSync} from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

const packageDir = process.cwd()
const tsc = path.join(import.meta.dirname, '..', 'node_modules', 'typescript', 'bin', 'tsc')
fs.rmSync(path.join(packageDir, 'dist'), {recursive: true, force: true})
execFileSync(process.execPath, [tsc, '-p', path.join(packageDir, 'tsconfig.build.json')], {cwd: packageDir, stdio: 'inherit'})
