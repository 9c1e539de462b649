// Who wrote and who reviewed, with structured credentials readers can check.
import {createElement as h, type ReactNode} from 'react'
import {credentialLabel, isoDate, personName} from '../format.ts'
import type {PersonCardResult} from '../models.ts'
import {SafeLink} from './safe-link.ts'

export interface BylineProps {
  author: PersonCardResult | null
  reviewer?: PersonCardResult | null
  publishedAt?: string | null
  lastReviewedAt?: string | null
  /** Link for a person, e.g. `(slug) => '/people/' + slug`. */
  personHref?: (slug: string) => string
  className?: string
}

export function Byline({author, reviewer, publishedAt, lastReviewedAt, personHref, className}: BylineProps): ReactNode {
  const published = isoDate(publishedAt)
  const reviewed = isoDate(lastReviewedAt)
  return h(
    'div',
    {className},
    author ? personBlock(author, 'By', personHref) : null,
    reviewer ? personBlock(reviewer, 'Reviewed by', personHref) : null,
    published || reviewed
      ? h(
          'p',
          {className: 'dates'},
          published ? h('span', null, 'Published ', h('time', {dateTime: published}, published)) : null,
          published && reviewed ? ' · ' : null,
          reviewed ? h('span', null, 'Last reviewed ', h('time', {dateTime: reviewed}, reviewed)) : null,
        )
      : null,
  )
}

// Plain calls rather than components for the parts: same markup, one component fewer each.
function personBlock(person: PersonCardResult, role: string, personHref: ((slug: string) => string) | undefined): ReactNode {
  const name = personName(person)
  return h(
    'div',
    {className: 'person'},
    h(
      'p',
      null,
      `${role} `,
      person.slug && personHref ? SafeLink({href: personHref(person.slug), children: name}) : h('strong', null, name),
      person.headline ? h('span', {className: 'headline'}, ` · ${person.headline}`) : null,
    ),
    person.credentials?.length
      ? h(
          'ul',
          {className: 'credentials'},
          person.credentials.map((credential) =>
            h(
              'li',
              {key: credential._key},
              credential.verificationUrl
                ? SafeLink({href: credential.verificationUrl, children: credentialLabel(credential)})
                : credentialLabel(credential),
            ),
          ),
        )
      : null,
  )
}
