// z.compile is for servers only: browsers resolve #compile-schema to the plain parser, so zod's
// code generator stays out of browser bundles of the query entry, while Node still compiles.
import * as path from 'node:path'
import {build, type Metafile} from 'esbuild'
import {describe, expect, it} from 'vitest'
import * as z from 'zod'
import {compileSchema} from '#compile-schema'

const SDK = path.resolve(import.meta.dirname, '..')
const ZOD_COMPILE = /zod\/v4\/core\/compile\.js$/

/** The query entry bundled for this platform: the files esbuild resolved, and those that contribute bytes. */
async function bundle(platform: 'browser' | 'node'): Promise<{resolved: string[]; bundled: string[]}> {
  const result = await build({
    entryPoints: [path.join(SDK, 'src/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    conditions: ['spotter-source'],
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['@sanity/client', '@sanity/client/*', 'react', 'react/*'],
  })
  const metafile: Metafile = result.metafile
  const [output] = Object.values(metafile.outputs)
  const bundled = Object.entries(output!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file)
  return {resolved: Object.keys(metafile.inputs), bundled}
}

describe('#compile-schema', () => {
  it('leaves zod compile out of the browser bundle of the query entry', async () => {
    const {resolved, bundled} = await bundle('browser')
    // esbuild inlines the identity function, so the browser variant is resolved but adds no bytes.
    expect(resolved.filter((file) => file.includes('sdk/src/compile-schema'))).toEqual(['sdk/src/compile-schema.browser.ts'])
    expect(bundled.filter((file) => ZOD_COMPILE.test(file))).toEqual([])
  })

  it('keeps zod compile in the Node bundle', async () => {
    const {resolved, bundled} = await bundle('node')
    expect(resolved.filter((file) => file.includes('sdk/src/compile-schema'))).toEqual(['sdk/src/compile-schema.ts'])
    expect(bundled.some((file) => ZOD_COMPILE.test(file))).toBe(true)
  })

  it('compiles in Node, and the compiled schema parses like the original', () => {
    const schema = z.object({title: z.string(), reps: z.number().int()})
    const compiled = compileSchema(schema)
    expect(compiled).not.toBe(schema)
    expect(compiled.parse({title: 'Squat', reps: 5})).toEqual({title: 'Squat', reps: 5})
    expect(compiled.safeParse({title: 'Squat', reps: 'five'}).success).toBe(false)
  })
})
