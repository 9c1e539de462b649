// The only way an href reaches React output: through safeUrl. An unsafe link renders its text.
import {createElement as h, Fragment, type ReactNode} from 'react'
import {safeUrl} from '../url.ts'

export interface SafeLinkProps {
  href: unknown
  children?: ReactNode
  className?: string
}

export function SafeLink({href, children, className}: SafeLinkProps): ReactNode {
  const url = safeUrl(href)
  if (!url) return h(Fragment, null, children)
  const external = /^https?:\/\//i.test(url) || url.startsWith('//')
  return h('a', {href: url, className, ...(external ? {rel: 'noopener noreferrer'} : {})}, children)
}
