import type {ReactNode} from 'react'

/** A titled section that is left out when it has nothing to show: never a heading over nothing. */
export function Section({
  title,
  level = 2,
  when,
  children,
  id,
}: {
  title: string
  level?: 2 | 3
  when: unknown
  children: ReactNode
  id?: string
}) {
  if (!when || (Array.isArray(when) && when.length === 0)) return null
  const H = level === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby={id}>
      <H id={id}>{title}</H>
      {children}
    </section>
  )
}
