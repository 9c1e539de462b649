// The one gate every href and src passes through, in every renderer. Allowed: http(s), mailto
// and relative URLs. Everything else (javascript:, data:, vbscript:, unknown schemes,
// control characters that browsers silently strip, backslashes they read as slashes) is dropped.

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto'])
// C0 controls, DEL, C1 controls, and whitespace other than a plain space.
const UNSAFE_CHARS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\\]/
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/

/** Returns the URL (trimmed) if it may appear in an href or src, otherwise undefined. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const url = value.trim()
  if (url === '' || url.length > 4096 || UNSAFE_CHARS.test(url)) return undefined
  const scheme = SCHEME.exec(url)
  if (scheme) {
    const name = scheme[1]!.toLowerCase()
    if (!ALLOWED_SCHEMES.has(name)) return undefined
    if (name === 'mailto') return url.length > 'mailto:'.length ? url : undefined
    return isWellFormed(url) ? url : undefined
  }
  // No scheme. A colon before the first / ? # would be read as a scheme by some parser: reject.
  const firstDelimiter = url.search(/[/?#]/)
  const colon = url.indexOf(':')
  if (colon !== -1 && (firstDelimiter === -1 || colon < firstDelimiter)) return undefined
  if (url.startsWith('//')) return isWellFormed(`https:${url}`) ? url : undefined
  return isWellFormed(url, 'https://relative.invalid/') ? url : undefined
}

function isWellFormed(url: string, base?: string): boolean {
  try {
    const parsed = new URL(url, base)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname !== '' : true
  } catch {
    return false
  }
}
