export const exerciseHref = (slug: string) => `/exercises/${encodeURIComponent(slug)}`
export const articleHref = (slug: string) => `/articles/${encodeURIComponent(slug)}`
export const personHref = (slug: string) => `/people/${encodeURIComponent(slug)}`
export const equipmentHref = (slug: string) => `/equipment/${encodeURIComponent(slug)}`

/** "1 exercise", "3 exercises". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** `lower-body` -> `Lower body`. */
export function label(value: string): string {
  const text = value
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** `2024-03-01T...` -> `1 March 2024`. */
export function longDate(value: string): string {
  return new Date(value).toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'})
}
