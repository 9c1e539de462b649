// Which format an article is in, judged from its content (never the file name), and the checks
// that turn away what is not an article at all.
export type Format = 'html' | 'markdown' | 'text'

export class ImportError extends Error {
  override name = 'ImportError'
}

/** Decodes the file as UTF-8 text, refusing empty and binary files with a message naming the file. */
export function readText(bytes: Uint8Array, source: string): string {
  if (bytes.length === 0 || new TextDecoder().decode(bytes).trim() === '')
    throw new ImportError(`${source}: the file is empty; nothing to import`)
  const sample = bytes.subarray(0, 8192)
  const controls = sample.filter((b) => b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)).length
  if (sample.includes(0) || controls / sample.length > 0.01)
    throw new ImportError(`${source}: the file is binary, not an HTML, Markdown or text article`)
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new ImportError(`${source}: the file is not UTF-8 text`)
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

const HTML_TAGS = /<\/?(?:html|head|body|article|main|section|div|p|h[1-6]|ul|ol|li|figure|img|a|span|br|nav|header|footer)\b[^>]*>/gi
const MARKDOWN_SIGNS = [
  /^#{1,6}\s+\S/m, // ATX heading
  /^\S.*\n(?:=+|-+)\s*$/m, // setext heading
  /^\s{0,3}[-*+]\s+\S/m, // bullet list
  /^\s{0,3}\d+\.\s+\S/m, // ordered list
  /\[[^\]\n]+\]\([^)\s]+\)/, // link
  /!\[[^\]\n]*\]\([^)\s]+\)/, // image
  /(^|\s)(\*\*|__)\S[^*\n]*\S\2(?=\s|[.,;:!?]|$)/m, // strong
  /^>\s+\S/m, // block quote
]

export function detectFormat(text: string): Format {
  const tags = text.match(HTML_TAGS)?.length ?? 0
  if (/^\s*(?:<!doctype html|<html\b)/i.test(text) || tags >= 3) return 'html'
  const signs = MARKDOWN_SIGNS.filter((re) => re.test(text)).length
  // A heading marker is decisive; otherwise two different Markdown constructs must agree.
  if (/^#{1,6}\s+\S/m.test(text) || signs >= 2) return 'markdown'
  return 'text'
}
