/** The published id of a draft (`drafts.x`) or release version (`versions.<release>.x`) id. */
export function publishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.')
  return id
}

export const VALIDATION_API_VERSION = '2025-02-19'

/** Reference `_ref`s of an array of reference-like values, skipping anything malformed. */
export function refsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item: unknown) => {
    const ref = (item as {_ref?: unknown} | null)?._ref
    return typeof ref === 'string' ? [ref] : []
  })
}

export function refOf(value: unknown): string | undefined {
  const ref = (value as {_ref?: unknown} | null | undefined)?._ref
  return typeof ref === 'string' ? ref : undefined
}
