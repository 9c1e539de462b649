// HTML (a page, or what Markdown and text became) to the article body: Portable Text blocks built
// by block-tools from the article body type compiled from @spotter/schemas, minus page chrome.
import {htmlToBlocks} from '@portabletext/block-tools'
import {Schema} from '@sanity/schema'
import {builtinTypes} from '@sanity/schema/_internal'
import {schemaTypes} from '@spotter/schemas'
import {CHROME_LINE, CHROME_SECTION, stripChromeElements} from './chrome.ts'
import {hash} from './words.ts'

/**
 * Parses an HTML page into a DOM Document. The caller chooses the DOM: the browser's DOMParser in
 * the Studio, linkedom in Node (`parseWithLinkedom`, src/import.ts). Either gives an inert document:
 * nothing in the page runs.
 */
export type HtmlParser = (html: string) => Document

export interface Span {
  _type: 'span'
  _key: string
  text: string
  marks: string[]
}
export interface TextBlock {
  _type: 'block'
  _key: string
  style: string
  listItem?: string
  level?: number
  markDefs: {_key: string; _type: string; href?: string}[]
  children: Span[]
}
export interface ImageBlock {
  _type: 'creditedImage'
  _key: string
  alt?: string
  caption?: string
  credit?: string
  licence?: string
  /** Where the page had the picture (not a schema field: dropped before writing, kept for the editor's note). */
  src?: string
}
export type BodyBlock = TextBlock | ImageBlock

let bodyType: unknown
function articleBodyType() {
  bodyType ??= (Schema.compile({name: 'spotter', types: [...builtinTypes, ...schemaTypes]}) as any)
    .get('article')
    .fields.find((f: {name: string}) => f.name === 'body').type
  return bodyType as Parameters<typeof htmlToBlocks>[1]
}

// block-tools runs XPath passes for Word, Google Docs and Notion pastes and for bare text under
// <body>; linkedom has no XPath. A page is none of those pastes, and bare body text is wrapped below.
// The passes are off in every DOM, so the browser's (which has XPath) gives the same blocks as linkedom.
function parse(html: string, parseHtml: HtmlParser) {
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`
  const doc = parseHtml(page) as any
  doc.evaluate = () => ({snapshotLength: 0, snapshotItem: () => null, iterateNext: () => null})
  return doc
}

const CREDIT = /\b(?:photo|image|picture)?\s*credit\s*:\s*([^.;]+(?:\.[^\s.;][^.;]*)*)/i
const LICENCE = /\b(?:licen[cs]e[d]?\s*(?:under)?\s*:?\s*)(CC[- ]BY(?:[- ](?:SA|NC|ND))*(?:[- ]\d\.\d)?|public domain|[^.;]+)/i

/** Reads caption, credit and licence from a figure's caption text. */
export function imageFields(captionText: string, alt: string | undefined) {
  let caption = captionText.replace(/\s+/g, ' ').trim()
  const credit = CREDIT.exec(caption)?.[1]?.trim()
  const licence = LICENCE.exec(caption)?.[1]?.trim()
  caption = caption
    .replace(CREDIT, '')
    .replace(LICENCE, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;])/g, '$1')
    .replace(/([.;,])(?:\s*[.;,|·])+/g, '$1')
    .replace(/\s*[|·,]\s*$/, '')
    .trim()
  return {alt: alt?.trim() || caption || undefined, caption: caption || undefined, credit, licence}
}

/** The page's HTML as body blocks; `keyBase` makes the `_key`s the same on every run. */
export function htmlToBody(html: string, keyBase: string, parseHtml: HtmlParser): {title: string | undefined; blocks: BodyBlock[]} {
  const doc = parse(html, parseHtml)
  stripChromeElements(doc)
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.querySelector('[role=main]') ?? doc.body
  const h1 = root.querySelector('h1')
  // A <title> usually ends with the site's name ("How to Squat | FitSite").
  const title =
    (h1?.textContent ?? doc.querySelector('title')?.textContent?.split(/\s+[|·–—]\s+/)[0] ?? '').replace(/\s+/g, ' ').trim() || undefined
  h1?.remove()
  let n = 0
  const key = () => hash(`${keyBase}:${n++}`).slice(0, 12)
  const blocks = htmlToBlocks(`<html><body>${root.innerHTML}</body></html>`, articleBodyType(), {
    parseHtml: () => parse(root.innerHTML, parseHtml),
    keyGenerator: key,
    rules: [
      {
        deserialize(el: any, _next: unknown, block: (v: unknown) => unknown) {
          const tag = el.tagName?.toLowerCase()
          if (tag !== 'figure' && tag !== 'img') return undefined
          const img = tag === 'img' ? el : el.querySelector('img')
          if (!img) return undefined
          const caption = tag === 'figure' ? (el.querySelector('figcaption')?.textContent ?? '') : (img.getAttribute('title') ?? '')
          const fields = imageFields(caption, img.getAttribute('alt') ?? undefined)
          return block({_type: 'creditedImage', ...strip({...fields, src: img.getAttribute('src') ?? undefined})})
        },
      },
    ],
  } as any) as unknown as BodyBlock[]
  return {
    title,
    blocks: dropChromeBlocks(blocks.filter((b) => b._type === 'creditedImage' || (b._type === 'block' && textOf(b).trim() !== ''))),
  }
}

const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T

export const textOf = (b: BodyBlock): string =>
  b._type === 'block' ? b.children.map((c) => c.text ?? '').join('') : [b.caption, b.credit].filter(Boolean).join(' ')
export const isHeading = (b: BodyBlock): b is TextBlock => b._type === 'block' && /^h[1-6]$/.test(b.style) && !b.listItem

function dropChromeBlocks(blocks: BodyBlock[]): BodyBlock[] {
  const out: BodyBlock[] = []
  let inChrome = false
  for (const b of blocks) {
    const text = textOf(b).replace(/\s+/g, ' ').trim()
    if (isHeading(b)) inChrome = CHROME_SECTION.test(text)
    if (inChrome || (b._type === 'block' && CHROME_LINE.test(text))) continue
    out.push(b)
  }
  return out
}
