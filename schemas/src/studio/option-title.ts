import type {Option} from '../options.ts'

/** The title editors chose from for a stored option value ("exercise-guide" -> "Exercise guide"). */
export function optionTitle(list: readonly Option[], value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  return list.find((option) => option.value === value)?.title ?? value
}
