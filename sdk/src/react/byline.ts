// Who wrote and who reviewed, with structured credentials readers can check.
import {createElement as h, type ReactNode} from 'react'
import {credentialLabel, isoDate, personName} from '../format.ts'
import type {PersonCardResult} from '../models.ts'
import {editProps, partEditProps, type StudioEditContext} from '../studio-edit.ts'
import {SafeLink} from './safe-link.ts'

export interface BylineProps {
  author: PersonCardResult | null
  reviewer?: PersonCardResult | null
  publishedAt?: string | null
  lastReviewedAt?: string | null
  /** Link for a person, e.g. `(slug) => '/people/' + slug`. */
  personHref?: (slug: string) => string
  className?: string
  /**
   * Click-to-edit attributes (draft mode only): people by their own ids, the dates in
   * `edit.document` (the article) when given.
   */
  edit?: StudioEditContext
}

export function Byline({author, reviewer, publishedAt, lastReviewedAt, personHref, className, edit}: BylineProps): ReactNode {
  const at = partEditProps(edit)
  const published = isoDate(publishedAt)
  const reviewed = isoDate(lastReviewedAt)
  return h(
    'div',
    {className},
    author ? personBlock(author, 'By', personHref, edit) : null,
    reviewer ? personBlock(reviewer, 'Reviewed by', personHref, edit) : null,
    published || reviewed
      ? h(
          'p',
          {className: 'dates'},
          published ? h('span', null, 'Published ', h('time', {dateTime: published, ...at('publishedAt')}, published)) : null,
          published && reviewed ? ' · ' : null,
          reviewed ? h('span', null, 'Last reviewed ', h('time', {dateTime: reviewed, ...at('lastReviewedAt')}, reviewed)) : null,
        )
      : null,
  )
}

// Plain calls rather than components for the parts: same markup, one component fewer each.
function personBlock(
  person: PersonCardResult,
  role: string,
  personHref: ((slug: string) => string) | undefined,
  edit: StudioEditContext | undefined,
): ReactNode {
  const name = personName(person)
  const at = editProps(edit, person._id, 'person')
  // An unnamed author shows their descriptor instead.
  const nameField = at(person.name?.trim() ? 'name' : 'descriptor')
  return h(
    'div',
    {className: 'person'},
    h(
      'p',
      null,
      `${role} `,
      person.slug && personHref ? SafeLink({href: personHref(person.slug), children: name, ...nameField}) : h('strong', nameField, name),
      person.headline ? h('span', {className: 'headline', ...at('headline')}, ` · ${person.headline}`) : null,
    ),
    person.credentials?.length
      ? h(
          'ul',
          {className: 'credentials'},
          person.credentials.map((credential) =>
            h(
              'li',
              {key: credential._key, ...at('credentials', {_key: credential._key})},
              credential.verificationUrl
                ? SafeLink({href: credential.verificationUrl, children: credentialLabel(credential)})
                : credentialLabel(credential),
            ),
          ),
        )
      : null,
  )
}
