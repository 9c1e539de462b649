// A hostile corpus: script payloads in every string field, mark and URL, and malformed Portable
// Text. Every output must render without throwing and contain nothing executable.
import * as commonmark from 'commonmark'
import {parseFragment, type DefaultTreeAdapterMap} from 'parse5'
import {createElement as h} from 'react'
import {renderToStaticMarkup} from 'react-dom/server'
import {beforeAll, describe, expect, it} from 'vitest'
import {articleBodyToHtml, articleToHtml} from '../src/html/index.ts'
import {safeUrl, studioEditAttribute, type ArticleBodyResult, type ArticleResult, type ImageConfig} from '../src/index.ts'
import {articleJsonLd, jsonLdScript} from '../src/jsonld/index.ts'
import {articleBodyToMarkdown, articleToMarkdown} from '../src/markdown/index.ts'
import {ArticleBody, ArticleView} from '../src/react/index.ts'
import {articleBodyToText, articleToText} from '../src/text/index.ts'
import {articleBlockTypes} from '../src/vocabulary.ts'
import {ARTICLE_SLUGS, seededLake} from './support/lake.ts'
import {reactAsHtml} from './support/markup.ts'

const images: ImageConfig = {projectId: 'spotter', dataset: 'production'}
const quiet = () => {}

const TEXT_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</script><script>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[click](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<style>*{background:url(javascript:alert(1))}</style>',
  '{{constructor.constructor("alert(1)")()}}',
  // Markdown that must stay text: links, autolinks, images, character references.
  '[phish](https://phish.example/link)',
  '<https://phish.example/autolink>',
  '![phish](https://phish.example/image.png)',
  '[phish]: https://phish.example/reference',
  'java&#115;cript&colon;alert(1) &lt;b&gt;',
]
const URL_PAYLOADS = [
  'javascript:alert(1)',
  ' JAVASCRIPT:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'https://ok.example/"onmouseover="alert(1)',
  '\\\\evil.example\\x',
  'javascript&colon;alert(1)',
  // Safe as written, unsafe once CommonMark decodes character references in a destination.
  'javascript&#58;alert(1)',
  'javascript&#x3A;alert(1)',
  'java&NewLine;script&colon;alert(1)',
  '&#106;avascript&#x3a;alert(1)',
  'javascript%3Aalert(1)',
  '/path&#63;q=1&amp;r=2',
]
const URL_KEYS = new Set(['href', 'url', 'sourceUrl', 'verificationUrl', 'website', 'canonicalUrl'])

/** Replaces every string (but `_type`) with a payload; URL-like fields get URL payloads. */
function poison<T>(value: T, counter = {n: 0}, key = ''): T {
  if (typeof value === 'string') {
    if (key === '_type') return value
    const list = URL_KEYS.has(key) ? URL_PAYLOADS : TEXT_PAYLOADS
    return list[counter.n++ % list.length] as T
  }
  if (Array.isArray(value)) return value.map((v) => poison(v, counter, key)) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, counter, k)])) as T
  return value
}

/** The seed articles combined into one that has every block type, then poisoned. */
async function hostileArticle(): Promise<ArticleResult> {
  const {lake, client} = await seededLake()
  try {
    const articles = await Promise.all(ARTICLE_SLUGS.map((slug) => client.getArticle(slug)))
    const withAuthor = articles.find((a) => a?.author && a.heroImage)!
    const body = articles.flatMap((a) => a?.body ?? [])
    body.push({...withAuthor.heroImage!, _type: 'creditedImage', _key: 'img'})
    const base: ArticleResult = {
      ...withAuthor,
      body,
      reviewer: withAuthor.author,
      disclaimers: articles.flatMap((a) => a?.disclaimers ?? []),
    }
    expect(new Set(base.body.map((b) => b._type))).toEqual(new Set(['block', ...articleBlockTypes]))
    return poisonArticle(base)
  } finally {
    await lake.stop()
  }
}

function poisonArticle(base: ArticleResult): ArticleResult {
  const poisoned = poison(base)
  // Marks: links with hostile hrefs, unknown marks and decorators named like payloads.
  poisoned.body.unshift({
    _type: 'block',
    _key: 'marks',
    style: 'normal',
    markDefs: URL_PAYLOADS.map((href, i) => ({_type: 'link', _key: `l${i}`, href})),
    children: [
      ...URL_PAYLOADS.map((_, i) => ({
        _type: 'span' as const,
        _key: `s${i}`,
        text: TEXT_PAYLOADS[i % TEXT_PAYLOADS.length]!,
        marks: [`l${i}`, 'strong'],
      })),
      {_type: 'span', _key: 'u', text: 'unknown marks', marks: ['<script>', 'javascript:alert(1)', 'constructor', '__proto__']},
    ],
  })
  return poisoned
}

const block = (extra: Record<string, unknown>) => ({
  _type: 'block',
  _key: 'k',
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: 's', text: 'ok', marks: []}],
  ...extra,
})
function deep(levels: number): unknown {
  let node: Record<string, unknown> = {_type: 'span', text: 'bottom'}
  for (let i = 0; i < levels; i++) node = {_type: 'block', children: [node], markDefs: [{_type: 'link', _key: 'x', href: node}]}
  return node
}
const MALFORMED: Record<string, unknown[]> = {
  'missing children': [
    {_type: 'block', _key: 'a'},
    {_type: 'block', children: null},
    {_type: 'block', children: 'text'},
  ],
  'wrong types': [
    null,
    undefined,
    42,
    'string',
    true,
    [],
    [[block({})]],
    {_type: 42},
    {},
    block({children: [null, 5, 'x', {_type: 'span', text: 12, marks: 'strong'}, {_type: 'span', text: {toString: null}}]}),
    block({style: 42, listItem: {}, level: 'deep', markDefs: 'x'}),
  ],
  'prototype keys': [
    {_type: 'constructor'},
    {_type: '__proto__'},
    {_type: 'toString'},
    {_type: '@list', children: [{}]},
    {_type: '@span'},
    block({style: '__proto__'}),
    block({style: 'constructor'}),
    block({listItem: 'constructor'}),
    block({listItem: '__proto__'}),
  ],
  'unknown marks': [
    block({
      children: [{_type: 'span', text: 'x', marks: ['nope', 'constructor', '__proto__', '<b>']}],
      markDefs: [{_type: 'evil', _key: 'nope', href: 'javascript:alert(1)'}, {_key: 5}, null],
    }),
  ],
  'custom blocks with wrong shapes': [
    {_type: 'exerciseEmbed', exercise: {name: 5, setups: 'x'}},
    {_type: 'exerciseEmbed', exercise: 'javascript:alert(1)'},
    {_type: 'prescriptionTable', prescriptions: 'lots'},
    {_type: 'disclaimerCallout', disclaimer: {body: 'x'}},
    {_type: 'creditedImage', asset: {_id: '<script>'}, alt: null},
    {
      _type: 'creditedImage',
      _key: 'i',
      alt: 'a',
      credit: 'c',
      caption: null,
      licence: null,
      copyrightHolder: null,
      crop: null,
      hotspot: null,
      asset: {_id: 'image-"><script>-x', url: null, width: null, height: null, lqip: null},
    },
    {_type: 'citation', claim: ['x']},
    {_type: 'pullQuote', quote: {nested: {deep: true}}},
  ],
  'deep nesting': [
    deep(10_000),
    block({level: 1e9, listItem: 'bullet'}),
    block({level: -3, listItem: 'number'}),
    block({level: Number.NaN, listItem: 'bullet'}),
  ],
  '10k blocks': Array.from({length: 10_000}, (_, i) =>
    i % 3 === 0
      ? block({_key: `b${i}`, listItem: 'bullet', level: (i % 7) + 1})
      : block({_key: `b${i}`, style: i % 5 === 0 ? 'h2' : 'normal'}),
  ),
}

const TAGS = new Set([
  'article',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'span',
  'small',
  'strong',
  'em',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'img',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'section',
  'div',
  'time',
  'br',
  'link',
])
const ATTRIBUTES = new Set([
  'class',
  'href',
  'rel',
  'src',
  'srcset',
  'sizes',
  'width',
  'height',
  'alt',
  'loading',
  'decoding',
  'style',
  'role',
  'data-kind',
  'data-tone',
  'data-display',
  'datetime',
  'scope',
  'as',
  'imagesrcset',
  'imagesizes',
])

/** Independent of safeUrl: what a browser would run is a scheme other than http(s)/mailto once it drops controls. */
function harmlessUrl(url: string): boolean {
  if (/[\u0000-\u001F\u007F\\]/.test(url)) return false
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase())
}

/** Parses HTML like a browser and lists anything that could execute. */
function executable(html: string, tags = TAGS, attributes = ATTRIBUTES): string[] {
  const problems: string[] = []
  const walk = (node: DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment']) => {
    if ('tagName' in node) {
      if (!tags.has(node.tagName)) problems.push(`<${node.tagName}>`)
      for (const attr of node.attrs) {
        if (!attributes.has(attr.name)) problems.push(`${node.tagName}[${attr.name}]`)
        if ((attr.name === 'href' || attr.name === 'src') && !harmlessUrl(attr.value)) problems.push(`${attr.name}=${attr.value}`)
        if (attr.name.endsWith('srcset') && attr.value.split(', ').some((c) => !harmlessUrl(c.split(' ')[0]!)))
          problems.push(`srcset=${attr.value}`)
        if (attr.name === 'style' && !/^object-fit:cover;object-position:[\d.]+% [\d.]+%$/.test(attr.value))
          problems.push(`style=${attr.value}`)
        if (attr.name === 'rel' && node.tagName === 'link' && attr.value !== 'preload') problems.push(`link rel=${attr.value}`)
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(walk)
    if ('content' in node && node.content) walk(node.content)
  }
  walk(parseFragment(html))
  return problems
}

/** The values of one attribute on every element, as a browser reads them. */
function attributeValues(html: string, name: string): string[] {
  const values: string[] = []
  const walk = (node: DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment']) => {
    if ('tagName' in node) for (const attr of node.attrs) if (attr.name === name) values.push(attr.value)
    if ('childNodes' in node) node.childNodes.forEach(walk)
  }
  walk(parseFragment(html))
  return values
}
/** Markdown: no raw HTML (every < escaped, or opening our own link destination) and no unsafe link. */
function markdownProblems(markdown: string): string[] {
  const problems: string[] = []
  for (const match of markdown.matchAll(/(?<!\\)</g)) {
    if (markdown.slice(Math.max(0, match.index - 2), match.index) !== '](')
      problems.push(`raw < at ${match.index}: ${markdown.slice(match.index, match.index + 30)}`)
  }
  // The destination as CommonMark reads it: backslash escapes removed (percent-encoding stays, as in an href).
  for (const match of markdown.matchAll(/(?<!\\)\]\(<([^>]*)>\)/g))
    if (!harmlessUrl(match[1]!.replace(/\\(.)/g, '$1'))) problems.push(`link ${match[1]}`)
  for (const match of markdown.matchAll(/(?<!\\)\]\((?!<)/g)) problems.push(`bare link destination at ${match.index}`)
  return problems
}

// What a reader's CommonMark renderer makes of the SDK's Markdown (raw HTML passed through, as
// with safe: false), checked like the HTML output: what CommonMark emits, nothing else.
const MARKDOWN_TAGS = new Set(['h1', 'h2', 'h3', 'p', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'strong', 'em', 'br'])
const MARKDOWN_ATTRIBUTES = new Set(['href', 'src', 'alt', 'start'])
function commonmarkHtml(markdown: string): string {
  return new commonmark.HtmlRenderer({safe: false}).render(new commonmark.Parser().parse(markdown))
}

/** Every `href` the content holds that safeUrl allows: the only links Markdown may carry. */
function contentHrefs(value: unknown): Set<string> {
  const hrefs = new Set<string>()
  const stack: unknown[] = [value]
  const seen = new Set<unknown>()
  while (stack.length) {
    const next = stack.pop()
    if (next === null || typeof next !== 'object' || seen.has(next)) continue
    seen.add(next)
    for (const [key, v] of Object.entries(next)) {
      if (key === 'href' && safeUrl(v)) hrefs.add(safeUrl(v)!)
      stack.push(v)
    }
  }
  return hrefs
}
const decoded = (url: string) => {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}

/** Problems in the HTML a reader's CommonMark renderer makes of `markdown`. */
function renderedMarkdownProblems(markdown: string, hrefs: Set<string>): string[] {
  const html = commonmarkHtml(markdown)
  const problems = executable(html, MARKDOWN_TAGS, MARKDOWN_ATTRIBUTES)
  const allowed = new Set([...hrefs].map(decoded))
  const walk = (node: DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment']) => {
    if ('tagName' in node) {
      const href = node.tagName === 'a' ? node.attrs.find((a) => a.name === 'href')?.value : undefined
      if (node.tagName === 'a' && (href === undefined || !allowed.has(decoded(href)))) problems.push(`link not in the content: ${href}`)
      const src = node.tagName === 'img' ? node.attrs.find((a) => a.name === 'src')?.value : undefined
      if (node.tagName === 'img' && !src?.startsWith('https://cdn.sanity.io/images/spotter/production/'))
        problems.push(`image not from the CDN: ${src}`)
    }
    if ('childNodes' in node) node.childNodes.forEach(walk)
  }
  walk(parseFragment(html))
  return problems
}

describe('hostile strings in every field', () => {
  let article: ArticleResult
  beforeAll(async () => {
    article = await hostileArticle()
  })

  it('React output has nothing executable and shows the payloads as text', () => {
    const out = renderToStaticMarkup(h(ArticleView, {article, images, onWarning: quiet}))
    expect(executable(out)).toEqual([])
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('HTML output has nothing executable and shows the payloads as text', () => {
    const out = articleToHtml(article, {images, onWarning: quiet})
    expect(executable(out)).toEqual([])
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(out).toContain('&amp;lt;script&amp;gt;')
    const react = renderToStaticMarkup(h(ArticleView, {article, images, onWarning: quiet}))
    expect(reactAsHtml(react)).toBe(out)
  })

  it('with an edit context, payloads in ids and keys stay inside the data-sanity attributes, in React and HTML alike', () => {
    const edit = {baseUrl: '/studio"><script>alert(1)</script>'}
    const react = renderToStaticMarkup(h(ArticleView, {article, images, edit, onWarning: quiet}))
    const out = articleToHtml(article, {images, edit, onWarning: quiet})
    expect(reactAsHtml(react)).toBe(out)
    expect(executable(out, TAGS, new Set([...ATTRIBUTES, 'data-sanity']))).toEqual([])
    // Each attribute holds exactly what studioEditAttribute wrote: the payloads, as text.
    const values = attributeValues(out, 'data-sanity')
    expect(values.length).toBeGreaterThan(20)
    expect(values).toContain(studioEditAttribute(edit, {id: article._id, type: 'article', path: ['title']}))
    expect(article._id).toMatch(/[<>"']/)
    expect(values.some((v) => /path=body:[^;]*["<>']/.test(v))).toBe(true)
  })

  it('Markdown output has no raw HTML and no unsafe links', () => {
    const out = articleToMarkdown(article, {images, onWarning: quiet})
    expect(markdownProblems(out)).toEqual([])
    expect(out).toContain('\\<script\\>alert\\(1\\)\\</script\\>')
  })

  it("Markdown rendered by CommonMark has nothing executable, only the content's safe links, and shows the payloads as text", () => {
    const out = articleToMarkdown(article, {images, onWarning: quiet})
    expect(renderedMarkdownProblems(out, contentHrefs(article))).toEqual([])
    const html = commonmarkHtml(out)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('[phish](https://phish.example/link)')
    expect(html).toContain('java&amp;#115;cript&amp;colon;alert(1) &amp;lt;b&amp;gt;')
    // The safe links the content has do survive as links.
    expect(html.match(/<a href=/g)?.length).toBeGreaterThanOrEqual(3)
  })

  it('text output keeps the payloads as plain text', () => {
    expect(articleToText(article, {onWarning: quiet})).toContain('<script>alert(1)</script>')
  })

  it('JSON-LD has only safe URLs and cannot close its script element', () => {
    const ld = articleJsonLd(article, {images})
    const urls: string[] = []
    JSON.stringify(ld, (key, value: unknown) => {
      if ((key === 'url' || key === 'contentUrl') && typeof value === 'string') urls.push(value)
      return value
    })
    for (const url of urls) expect(safeUrl(url)).toBe(url)
    const script = jsonLdScript(ld)
    expect(script.indexOf('</script')).toBe(script.length - '</script>'.length)
    expect(executable(script.replace(/^<script type="application\/ld\+json">|<\/script>$/g, ''))).toEqual([])
  })
})

describe.each(Object.entries(MALFORMED))('malformed Portable Text: %s', (_name, blocks) => {
  const body = blocks as unknown as ArticleBodyResult
  it('renders in every output without throwing or emitting anything executable', () => {
    const warnings: string[] = []
    const warn = (message: string) => warnings.push(message)
    const react = renderToStaticMarkup(h(ArticleBody, {value: body, images, onWarning: warn}))
    const html = articleBodyToHtml(body, {images, onWarning: warn})
    const markdown = articleBodyToMarkdown(body, {images, onWarning: warn})
    const text = articleBodyToText(body, {onWarning: warn})
    expect(executable(react)).toEqual([])
    expect(executable(html)).toEqual([])
    expect(markdownProblems(markdown)).toEqual([])
    expect(renderedMarkdownProblems(markdown, contentHrefs(body))).toEqual([])
    expect(typeof text).toBe('string')
    // The two markup renderers agree on repaired content too (React escapes ' as &#x27;).
    expect(react.replaceAll('&#x27;', '&#39;').replaceAll(' srcSet=', ' srcset=')).toBe(html)
  })
})

describe('unknown block types', () => {
  it('render nothing and warn in development, never throw', () => {
    const warnings: string[] = []
    const body = [block({}), {_type: 'video', _key: 'v', url: 'javascript:alert(1)'}, block({_key: 'z'})] as unknown as ArticleBodyResult
    const html = articleBodyToHtml(body, {images, onWarning: (m) => warnings.push(m)})
    expect(html).toBe('<p>ok</p><p>ok</p>')
    expect(warnings).toEqual(['unknown block type "video" skipped'])
    expect(renderToStaticMarkup(h(ArticleBody, {value: body, images, onWarning: quiet}))).toBe('<p>ok</p><p>ok</p>')
  })

  it('warn on the console by default outside production, and stay silent in production', () => {
    const body = [{_type: 'video', _key: 'v'}] as unknown as ArticleBodyResult
    const original = console.warn
    const env = process.env.NODE_ENV
    const seen: unknown[] = []
    console.warn = (...args: unknown[]) => seen.push(args.join(' '))
    try {
      process.env.NODE_ENV = 'development'
      articleBodyToHtml(body, {images})
      process.env.NODE_ENV = 'production'
      articleBodyToHtml(body, {images})
    } finally {
      console.warn = original
      process.env.NODE_ENV = env
    }
    expect(seen).toEqual(['[@spotter/sdk] unknown block type "video" skipped'])
  })
})
