import * as fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {htmlToBody as bodyWith, textOf} from '../src/body.ts'
import {detectFormat, readText} from '../src/detect.ts'
import {parseWithLinkedom} from '../src/import.ts'
import {markdownToHtml, textToHtml} from '../src/to-html.ts'
import {seedArticleFiles} from '../bench/facts.ts'
import {fixture} from './support.ts'

const htmlToBody = (html: string, keyBase: string) => bodyWith(html, keyBase, parseWithLinkedom)

describe('format detection (from the content, never the name)', () => {
  it('tells an HTML page, a Markdown file and plain text apart', () => {
    expect(detectFormat(fs.readFileSync(fixture('goblet-squat.html'), 'utf8'))).toBe('html')
    expect(detectFormat(fs.readFileSync(fixture('glute-bridge.md'), 'utf8'))).toBe('markdown')
    for (const file of seedArticleFiles()) expect(detectFormat(fs.readFileSync(file, 'utf8')), file).toBe('text')
  })

  it('knows an HTML fragment without <html>, and Markdown without a heading', () => {
    expect(detectFormat('<h2>Steps</h2>\n<p>Stand tall.</p>\n<ul><li>Brace</li></ul>')).toBe('html')
    expect(detectFormat('Do it **slowly**.\n\n- Stand tall\n- Brace your core\n\nSee [the guide](https://example.org/guide).')).toBe(
      'markdown',
    )
    expect(detectFormat('A line with a dash - inside.\nAnd 3 < 4 in a sentence.')).toBe('text')
  })

  it('Markdown goes through commonmark into the same blocks as the same HTML', () => {
    const md = '## How to Do It\n\n1. Stand *tall*.\n2. Brace your core.\n\nDo **three** sets.'
    const html =
      '<h2>How to Do It</h2><ol><li>Stand <em>tall</em>.</li><li>Brace your core.</li></ol><p>Do <strong>three</strong> sets.</p>'
    const strip = (blocks: unknown) => JSON.parse(JSON.stringify(blocks, (k, v) => (k === '_key' ? undefined : v)))
    expect(strip(htmlToBody(markdownToHtml(md), 'k').blocks)).toEqual(strip(htmlToBody(html, 'k').blocks))
    const marked = htmlToBody(markdownToHtml(md), 'k').blocks.find((b) => textOf(b) === 'Do three sets.') as {children: {marks: string[]}[]}
    expect(marked.children.some((c) => c.marks.includes('strong'))).toBe(true)
  })

  it('plain text: headings, bullets, numbered items and credited pictures', () => {
    const {title, blocks} = htmlToBody(
      textToHtml(
        'My Title\n\nWhy It Works:\n\nIt is good.\n\n  • One\n  • Two\n\n1. First\n2. Second\n\nA photo of it. Photo Credit: Jo Bloggs/Agency\n',
      ),
      'k',
    )
    expect(title).toBe('My Title')
    const shape = blocks.map((b) =>
      b._type === 'block' ? `${b.style}${b.listItem ? `/${b.listItem}` : ''}:${textOf(b)}` : `image:${b.caption}|${b.credit}`,
    )
    expect(shape).toEqual([
      'h2:Why It Works',
      'normal:It is good.',
      'normal/bullet:One',
      'normal/bullet:Two',
      'normal/number:First',
      'normal/number:Second',
      'image:A photo of it.|Jo Bloggs/Agency',
    ])
  })
})

describe('reading files', () => {
  it('refuses empty, whitespace-only and binary files, naming the file', () => {
    expect(() => readText(new Uint8Array(), 'a.txt')).toThrow('a.txt: the file is empty')
    expect(() => readText(new TextEncoder().encode(' \n\t\n'), 'b.md')).toThrow('b.md: the file is empty')
    expect(() => readText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'c.html')).toThrow(
      'c.html: the file is binary',
    )
    expect(() => readText(new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x21]), 'd.txt')).toThrow('d.txt: the file is not UTF-8 text')
  })
})
