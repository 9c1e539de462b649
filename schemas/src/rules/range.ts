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
