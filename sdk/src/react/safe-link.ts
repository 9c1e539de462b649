// The only way an href reaches React output: through safeUrl. An unsafe link renders its text.
import {createElement as h, Fragment, type ReactNode} from 'react'
import {safeUrl} from '../url.ts'

export interface SafeLinkProps {
  href: unknown
  children?: ReactNode
  className?: string
  /** A click-to-edit attribute (see StudioEditContext). */
  'data-sanity'?: string
}

export function SafeLink({href, children, className, 'data-sanity': edit}: SafeLinkProps): ReactNode {
  const url = safeUrl(href)
  if (!url) return h(Fragment, null, children)
  const external = /^https?:\/\//i.test(url) || url.startsWith('//')
  return h('a', {href: url, className, ...(external ? {rel: 'noopener noreferrer'} : {}), ...(edit ? {'data-sanity': edit} : {})}, children)
}
