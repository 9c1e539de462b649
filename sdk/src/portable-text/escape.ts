// Escaping for the string renderers. React escapes on its own; HTML and Markdown output go
// through these.

const HTML_CHARS: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Escapes text and attribute values for HTML (both contexts, since quotes are escaped too). */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => HTML_CHARS[char]!)
}

/** Escapes Markdown syntax so text stays text; `<` and `&` included so no raw HTML survives. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, (char) => `\\${char}`)
    .replace(/^(\s*)([-=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
}

/** A Markdown code span that can hold any text (a longer backtick fence than any run inside). */
export function markdownCode(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${value.replace(/\n/g, ' ')}${pad}${fence}`
}

/**
 * A Markdown link destination in angle brackets that a CommonMark renderer turns back into exactly
 * `url`. Inside a destination CommonMark decodes backslash escapes and character references
 * (`javascript&#58;x` would become `javascript:x` after safeUrl passed it), so `&` and `\` are
 * backslash-escaped; whitespace, controls and `<` `>`, which cannot appear there, are percent-encoded.
 */
export function markdownUrl(url: string): string {
  return `<${url.replace(/[\u0000-\u0020\u007F<>]|\s/g, (char) => encodeURIComponent(char)).replace(/[&\\]/g, (char) => `\\${char}`)}>`
}
