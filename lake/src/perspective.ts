// The `perspective` parameter: validated here, applied by the query engine.
import {requireRead, type Principal} from './auth.ts'
import {badRequest} from './errors.ts'
import type {Perspective} from './types.ts'

const PERSPECTIVES: readonly Perspective[] = ['published', 'drafts', 'previewDrafts', 'raw']

/** API versions from this date on default to `published`; older ones to `raw` (as hosted). */
const PUBLISHED_DEFAULT_FROM = '2025-02-19'

export function resolvePerspective(value: string | null | undefined, apiVersion: string | null, principal: Principal): Perspective {
  if (value === null || value === undefined || value === '') {
    const isDated = apiVersion !== null && /^\d{4}-\d{2}-\d{2}$/.test(apiVersion)
    const fallback: Perspective = isDated && apiVersion >= PUBLISHED_DEFAULT_FROM ? 'published' : 'raw'
    // Without a token raw holds only published documents anyway.
    return principal.role === 'none' ? 'published' : fallback
  }
  if (!PERSPECTIVES.includes(value as Perspective)) {
    throw badRequest(`Unsupported perspective "${value}": use one of ${PERSPECTIVES.join(', ')}`, 'invalidPerspectiveError')
  }
  const perspective = value as Perspective
  if (perspective !== 'published') requireRead(principal, `The "${perspective}" perspective`)
  return perspective
}
