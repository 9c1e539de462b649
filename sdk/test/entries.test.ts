// The package entries: each resolves through package.json `exports`, and the root entry pulls in
// neither React nor `sanity` (bundled with esbuild to see every module it reaches).
import * as fs from 'node:fs'
import * as path from 'node:path'
import {build} from 'esbuild'
import {describe, expect, it} from 'vitest'

const SDK = path.resolve(import.meta.dirname, '..')
type Entry = {'spotter-source': string; types: string; default: string}
const pkg = JSON.parse(fs.readFileSync(path.join(SDK, 'package.json'), 'utf8')) as {
  exports: Record<string, Entry | string>
  dependencies: Record<string, string>
  peerDependencies: Record<string, string>
}
/** An entry's source file (the repository resolves entries to sources; see DEVELOPERS.md). */
const source = (entry: string) => (pkg.exports[entry] as Entry)['spotter-source']

async function reachedPackages(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [path.join(SDK, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['spotter-source'],
    logLevel: 'silent',
    packages: 'external',
  })
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path))
  return new Set(imports.map((p) => (p.startsWith('@') ? p.split('/').slice(0, 2).join('/') : p.split('/')[0]!)))
}

describe('package entries', () => {
  it('exports the six entries, each with its source, its types and its build', () => {
    const entries = Object.keys(pkg.exports).filter((k) => k !== './package.json')
    expect(entries).toEqual(['.', './react', './html', './text', './markdown', './jsonld'])
    for (const entry of entries) {
      const target = pkg.exports[entry] as Entry
      expect(fs.existsSync(path.join(SDK, target['spotter-source']))).toBe(true)
      expect(target.types).toBe(target['spotter-source'].replace('./src/', './dist/').replace(/\.ts$/, '.d.ts'))
      expect(target.default).toBe(target['spotter-source'].replace('./src/', './dist/').replace(/\.ts$/, '.js'))
    }
  })

  it('does not depend on sanity, and React is an optional peer', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('sanity')
    expect(Object.keys(pkg.dependencies)).not.toContain('react')
    expect(pkg.peerDependencies.react).toBeDefined()
  })

  it.each(['.', './html', './text', './markdown', './jsonld'])('%s imports no React and no sanity', async (entry) => {
    const packages = await reachedPackages(source(entry))
    expect(
      [...packages].filter((p) => p === 'react' || p === 'react-dom' || p === 'sanity' || p.startsWith('@portabletext/react')),
    ).toEqual([])
  })

  it('the root entry reaches only the client, groq, zod, the shared vocabulary and image-url (imageSources)', async () => {
    expect([...(await reachedPackages(source('.')))].sort()).toEqual([
      '@sanity/client',
      '@sanity/image-url',
      '@spotter/vocabulary',
      'groq',
      'zod',
    ])
  })

  it('the React entry uses React', async () => {
    expect(await reachedPackages(source('./react'))).toContain('react')
  })

  it('each entry loads through the package name', async () => {
    const root = await import('@spotter/sdk')
    expect(typeof root.createExerciseClient).toBe('function')
    expect(typeof (await import('@spotter/sdk/react')).ArticleBody).toBe('function')
    expect(typeof (await import('@spotter/sdk/html')).articleToHtml).toBe('function')
    expect(typeof (await import('@spotter/sdk/text')).articleToText).toBe('function')
    expect(typeof (await import('@spotter/sdk/markdown')).articleToMarkdown).toBe('function')
    expect(typeof (await import('@spotter/sdk/jsonld')).articleJsonLd).toBe('function')
  })
})
