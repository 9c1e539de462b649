import type {CustomValidator} from 'sanity'

export interface RangeValue {
  min?: number
  max?: number
}

/**
 * Runs on a range's `max` field: a range must not run backwards (12-8 is a typo for 8-12, and
 * ranges drive rendering and JSON-LD). It sits on the field rather than the object because
 * Sanity's CLI validation (`validateDocument`) downgrades object-level rules to warnings.
 */
export const minNotAboveMax: CustomValidator<number | undefined> = (max, context) => {
  const min = (context.parent as RangeValue | undefined)?.min
  if (typeof min !== 'number' || typeof max !== 'number' || min <= max) return true
  return {
    code: 'spotter.range-order',
    message: `The minimum (${min}) is higher than the maximum (${max}). Swap them, or enter the same number twice for a fixed value.`,
  }
}

/** A range as editors write it: "10" for a fixed value, "8–12" for a span. */
export function formatRange(range?: RangeValue): string | undefined {
  if (range?.min === undefined) return undefined
  return range.min === range.max ? `${range.min}` : `${range.min}–${range.max ?? '?'}`
}

export type ParsedRange = {ok: true; value: {min: number; max: number} | undefined} | {ok: false; message: string}

// "10", "8-12", "8–12", "8—12", "8 to 12", with any spaces; nothing else is a range.
const RANGE_TEXT = /^\s*(\d+)\s*(?:(?:-|–|—|to)\s*(\d+)\s*)?$/i

/** Reads a range typed as text. Empty text is no range (the field is cleared). */
export function parseRange(text: string): ParsedRange {
  if (text.trim() === '') return {ok: true, value: undefined}
  const match = RANGE_TEXT.exec(text)
  if (!match) {
    return {
      ok: false,
      message: `"${text.trim()}" is not a range. Write a whole number ("10") or two joined by a dash or "to" ("8-12", "8 to 12").`,
    }
  }
  const min = Number(match[1])
  const max = match[2] === undefined ? min : Number(match[2])
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max))
    return {ok: false, message: `"${text.trim()}" has a number too large to store.`}
  if (min > max)
    return {
      ok: false,
      message: `The first number (${min}) is higher than the second (${max}). Write the lower one first ("${max}-${min}").`,
    }
  return {ok: true, value: {min, max}}
}
