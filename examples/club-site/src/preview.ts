// Preview mode: `/api/preview?secret=...` sets a cookie that makes the site read drafts (with the
// site's read token). The cookie holds an HMAC of the secret, so it can't be forged without it.
import {createHmac, timingSafeEqual} from 'node:crypto'

export const PREVIEW_COOKIE = 'spotter_preview'

export function previewCookieValue(secret: string): string {
  return createHmac('sha256', secret).update('spotter-preview-v1').digest('base64url')
}

export function sameSecret(given: string | null, secret: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

export function isPreview(cookieHeader: string | undefined, secret: string | undefined): boolean {
  if (!secret) return false
  const value = readCookie(cookieHeader, PREVIEW_COOKIE)
  if (!value) return false
  const expected = previewCookieValue(secret)
  return value.length === expected.length && timingSafeEqual(Buffer.from(value), Buffer.from(expected))
}

/** Only same-site paths: `/articles/x` yes, `//evil.example` or `https://...` no. */
export function safeRedirect(target: string | null): string {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : '/'
}
