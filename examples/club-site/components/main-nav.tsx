'use client'
// The site's main navigation. The link of the section a reader is in is marked: aria-current="page"
// on its own page, "true" on the pages under it (an exercise under the library). It needs the
// address, which only the browser's router gives a shared layout; the server renders it too.
import {usePathname} from 'next/navigation'

const links = [
  {href: '/exercises', label: 'Exercise library'},
  {href: '/club', label: 'At our club'},
  {href: '/equipment', label: 'Equipment'},
  {href: '/articles', label: 'Articles'},
]

export function MainNav() {
  const path = usePathname()
  return (
    <nav aria-label="Main" className="main-nav">
      {links.map(({href, label}) => {
        const current = path === href ? 'page' : path.startsWith(`${href}/`) ? 'true' : undefined
        return (
          <a key={href} href={href} aria-current={current}>
            {label}
          </a>
        )
      })}
    </nav>
  )
}
