// Markdown and plain text become HTML, so every format reaches Portable Text through the same
// block-tools path. Markdown goes through commonmark; plain text through the line rules below.
import * as commonmark from 'commonmark'
import {CHROME_LINE} from './chrome.ts'

export function markdownToHtml(markdown: string): string {
  const tree = new commonmark.Parser({smart: true}).parse(markdown)
  return new commonmark.HtmlRenderer({safe: true}).render(tree)
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const BULLET = /^\s*[•·▪◦*\-–]\s+(.*)$/
const NUMBERED = /^\s*(\d{1,2})[.)]\s+(.*)$/
const CREDIT = /^(.*?)\s*\b(?:photo|image|picture)\s+credit\s*:\s*(.+)$/i

/** A short line with no sentence punctuation standing alone is a heading ("Exercise Purpose:" too). */
function isHeading(line: string): boolean {
  const t = line.trim().replace(/:$/, '')
  if (t.length === 0 || t.length > 70 || /[.!?;,]$/.test(t) || !/^[\p{Lu}\d]/u.test(t)) return false
  return t.split(/\s+/).length <= 9
}

/** Plain text (a page's visible text as saved from a browser) as HTML. The first line is the title. */
export function textToHtml(text: string): string {
  const out: string[] = []
  let list: {tag: 'ul' | 'ol'; items: string[]} | undefined
  const flush = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${list.tag}>`)
    list = undefined
  }
  const chunks = text.split(/\n\s*\n/)
  let titled = false
  for (const chunk of chunks) {
    const lines = chunk
      .split('\n')
      .map((l) => l.replace(/\s+$/, ''))
      .filter((l) => l.trim() !== '' && !CHROME_LINE.test(l.trim()))
    for (const line of lines) {
      const bullet = BULLET.exec(line)
      const numbered = NUMBERED.exec(line)
      if (bullet || numbered) {
        const tag = bullet ? 'ul' : 'ol'
        if (list?.tag !== tag) flush()
        list ??= {tag, items: []}
        list.items.push((bullet?.[1] ?? numbered![2]!).trim())
        continue
      }
      flush()
      const t = line.trim()
      const credit = CREDIT.exec(t)
      if (credit) {
        const caption = credit[1]!.trim()
        out.push(
          `<figure><img alt="${escapeHtml(caption)}"><figcaption>${escapeHtml(caption)} Photo credit: ${escapeHtml(credit[2]!.trim())}</figcaption></figure>`,
        )
      } else if (!titled) {
        out.push(`<h1>${escapeHtml(t)}</h1>`)
        titled = true
      } else if (isHeading(t)) {
        out.push(`<h2>${escapeHtml(t.replace(/:$/, ''))}</h2>`)
      } else {
        out.push(`<p>${escapeHtml(t)}</p>`)
      }
    }
  }
  flush()
  return out.join('\n')
}
