import type {CustomValidator} from 'sanity'

export interface RangeValue {
  min?: number
  max?: number
}

/** A range must not run backwards: 12-8 is a typo for 8-12, and ranges drive rendering and JSON-LD. */
export const minNotAboveMax: CustomValidator<RangeValue | undefined> = (value) => {
  if (!value || typeof value.min !== 'number' || typeof value.max !== 'number') return true
  if (value.min <= value.max) return true
  return {
    code: 'spotter.range-order',
    message: `The minimum (${value.min}) is higher than the maximum (${value.max}). Swap them, or enter the same number twice for a fixed value.`,
  }
}
