import type {PersonCardResult} from '@spotter/sdk'
import {personHref} from '../lib/links.ts'

export const personName = (p: {name?: string | null; descriptor?: string | null; unnamed?: boolean | null}) =>
  (p.unnamed ? p.descriptor : p.name) ?? p.name ?? p.descriptor ?? 'Unnamed'

/** "Written by X, credentials" with a link to the person's page. */
export function PersonLine({by, person}: {by: string; person: PersonCardResult}) {
  const name = personName(person)
  return (
    <p className="person-line">
      {by} {person.slug ? <a href={personHref(person.slug)}>{name}</a> : <strong>{name}</strong>}
      {person.headline ? <span className="meta"> · {person.headline}</span> : null}
    </p>
  )
}
