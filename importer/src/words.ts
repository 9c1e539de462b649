// Word-level helpers shared by matching and extraction: normalising, singular forms, sentences,
// slugs and a token overlap score for comparing statements.
import {sha1} from '@noble/hashes/legacy.js'
import {bytesToHex, utf8ToBytes} from '@noble/hashes/utils.js'

/** Adjectives and short forms that name the same body part or thing as a catalogue name. */
const LEMMAS: Record<string, string> = {
  gluteal: 'glute',
  glutei: 'glute',
  abdominal: 'abs',
  ab: 'abs',
  hamstring: 'hamstring',
  quadricep: 'quad',
  quadriceps: 'quad',
  lumbar: 'lower back',
}

export function singular(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is|ics)$/.test(word)) return word
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`
  if (/(?:ch|sh|x|z)es$/.test(word)) return word.slice(0, -2)
  if (/s$/.test(word)) return word.slice(0, -1)
  return word
}

/** Lowercase word tokens in singular form, apostrophes and dashes folded. */
export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
    .map(singular)
}

/** Catalogue matching form: tokens with lemmas applied (so "gluteal muscles" meets "glutes"). */
export function matchTokens(text: string): string[] {
  return tokens(text).flatMap((t) => (LEMMAS[t] ?? t).split(' '))
}

export const normalize = (text: string) => tokens(text).join(' ')

export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=["“(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
}

/** SHA-1 hex of the parts (a JavaScript SHA-1, the same in Node and the browser: ids must not depend on where the import runs). */
export const hash = (...parts: string[]) => bytesToHex(sha1(utf8ToBytes(parts.join('\u0000'))))

const STOP = new Set(
  'a an the and or of to in on for with your you is are be it this that as at by from into their them they can will may should'.split(' '),
)
const stem = (w: string) => w.replace(/(?:ing|ed|ly|e)$/, '')

/** Token F1 of two statements (stop words out, crude stems), 0..1. */
export function similarity(a: string, b: string): number {
  const bag = (s: string) =>
    tokens(s)
      .filter((t) => !STOP.has(t))
      .map(stem)
  const x = bag(a)
  const y = bag(b)
  if (x.length === 0 || y.length === 0) return 0
  const pool = new Map<string, number>()
  for (const t of y) pool.set(t, (pool.get(t) ?? 0) + 1)
  let common = 0
  for (const t of x) {
    const n = pool.get(t) ?? 0
    if (n > 0) {
      common++
      pool.set(t, n - 1)
    }
  }
  const p = common / x.length
  const r = common / y.length
  return p + r === 0 ? 0 : (2 * p * r) / (p + r)
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
