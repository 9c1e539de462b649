// Browser bundle sizes (esbuild, minified, gzip) of the SDK's query entry and React entry.
//   node_modules/.bin/node sdk/bench/bundle-size.ts
// "beyond the big three": @sanity/client, zod and React are external, everything else the
// entry pulls in (Portable Text, image-url, groq) counts. "own code": every package external.
// "with zod": only @sanity/client and React external, to show what the query entry costs in zod
// (browsers resolve #compile-schema to the plain parser, so zod's compile stays out).
import * as path from 'node:path'
import {gzipSync} from 'node:zlib'
import {build} from 'esbuild'

const SDK = path.resolve(import.meta.dirname, '..')
const ENTRIES = {
  'query entry (.)': 'src/index.ts',
  'React entry (./react)': 'src/react/index.ts',
  './html': 'src/html/index.ts',
  './jsonld': 'src/jsonld/index.ts',
}
const NOT_ZOD = ['@sanity/client', '@sanity/client/*', 'react', 'react/*', 'react-dom', 'react-dom/*']
const BIG_THREE = [...NOT_ZOD, 'zod', 'zod/*']

export async function bundleSize(
  entry: string,
  mode: 'beyond-big-three' | 'own-code' | 'with-zod',
  alsoExternal: readonly string[] = [],
  platform: 'browser' | 'node' = 'browser',
): Promise<{minified: number; gzip: number; inputs: string[]}> {
  const result = await build({
    entryPoints: [path.join(SDK, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    conditions: ['spotter-source'],
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: {'process.env.NODE_ENV': '"production"'},
    ...(mode === 'own-code'
      ? {packages: 'external' as const}
      : {external: [...(mode === 'with-zod' ? NOT_ZOD : BIG_THREE), ...alsoExternal]}),
  })
  const code = result.outputFiles[0]!.contents
  return {minified: code.byteLength, gzip: gzipSync(code, {level: 9}).byteLength, inputs: Object.keys(result.metafile.inputs)}
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`

if (import.meta.main) {
  console.log('entry                     | beyond @sanity/client+zod+React (min / gz) | SDK own code only (min / gz)')
  const gzip: Record<string, {beyond: number; own: number}> = {}
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const beyond = await bundleSize(entry, 'beyond-big-three')
    const own = await bundleSize(entry, 'own-code')
    gzip[entry] = {beyond: beyond.gzip, own: own.gzip}
    console.log(`${name.padEnd(25)} | ${`${kb(beyond.minified)} / ${kb(beyond.gzip)}`.padEnd(42)} | ${kb(own.minified)} / ${kb(own.gzip)}`)
  }
  console.log("target: the SDK's own code <= 10 kB gzipped beyond @sanity/client, zod and React")
  for (const platform of ['browser', 'node'] as const) {
    const withZod = await bundleSize(ENTRIES['query entry (.)'], 'with-zod', [], platform)
    console.log(
      `query entry with zod, ${platform.padEnd(7)} ${kb(withZod.minified)} / ${kb(withZod.gzip)} (${platform === 'browser' ? 'plain zod parser' : 'z.compile'})`,
    )
  }
  // Where the React entry's bytes come from: what the gzip size drops by with each required
  // dependency left out (gzip is not additive, so these are approximate shares).
  const react = ENTRIES['React entry (./react)']
  const {beyond: whole, own} = gzip[react]!
  const without = async (packages: string[]) => whole - (await bundleSize(react, 'beyond-big-three', packages)).gzip
  const imageUrl = await without(['@sanity/image-url'])
  const portableText = await without(['@portabletext/react', '@portabletext/toolkit'])
  console.log('React entry, gzip share of the libraries the issue requires it to be built on:')
  console.log(`  @sanity/image-url           ${kb(imageUrl)}`)
  console.log(`  @portabletext/react+toolkit ${kb(portableText)}`)
  const verdict = (bytes: number) => (bytes <= 10 * 1024 ? 'meets' : 'misses')
  console.log(
    `React entry: the SDK's own code ${kb(own)} ${verdict(own)} 10 kB; counting those two libraries as well, ${kb(whole)} ${verdict(whole)} it`,
  )
}
