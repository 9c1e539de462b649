// The lake's domain (datasets, storage, mutations, queries, access, config) knows nothing of
// HTTP: only the HTTP layer (http/), the route handlers (routes/), the server and the CLI that
// starts it may import http/ or routes/. This keeps the domain usable in-process (`Lake`) and
// its errors free of transport concerns.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {expect, it} from 'vitest'

const SRC = path.resolve(import.meta.dirname, '../src')
const TRANSPORT = [/^http\//, /^routes\//, /^server\.ts$/, /^cli\.ts$/]
const IMPORT = /^(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm

it('domain modules import neither the HTTP layer nor the route handlers', () => {
  const files = fs.readdirSync(SRC, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.ts'))
  expect(files.length).toBeGreaterThan(40)
  const offending = files
    .filter((file) => !TRANSPORT.some((pattern) => pattern.test(file)))
    .flatMap((file) =>
      [...fs.readFileSync(path.join(SRC, file), 'utf8').matchAll(IMPORT)]
        .map((match) => path.relative(SRC, path.resolve(SRC, path.dirname(file), match[1]!)))
        .filter((target) => /^(http|routes)\//.test(target))
        .map((target) => `${file} imports ${target}`),
    )
  expect(offending).toEqual([])
})
