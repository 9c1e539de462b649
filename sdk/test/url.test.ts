import {describe, expect, it} from 'vitest'
import {safeUrl} from '../src/url.ts'

describe('safeUrl', () => {
  it.each([
    'https://example.com/a?b=c#d',
    'http://example.com',
    'HTTPS://EXAMPLE.COM',
    'mailto:coach@example.com',
    '/exercises/reverse-hyper',
    './relative',
    '../up',
    'relative/path',
    '#section',
    '?page=2',
    '//cdn.example.com/x.png',
    '/path/with:colon-after-slash',
  ])('allows %s', (url) => {
    expect(safeUrl(url)).toBe(url)
  })

  it('trims surrounding whitespace', () => {
    expect(safeUrl('  https://example.com  ')).toBe('https://example.com')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'tel:123',
    'ftp://example.com',
    'https://',
    'http://exa mple.com',
    'https:\\\\evil.com',
    '\\\\evil.com',
    'javascript&colon;alert(1):x',
    'mailto:',
    '',
    '   ',
  ])('rejects %j', (url) => {
    expect(safeUrl(url)).toBeUndefined()
  })

  it.each([null, undefined, 42, {}, ['https://example.com']])('rejects non-strings (%j)', (value) => {
    expect(safeUrl(value)).toBeUndefined()
  })
})
