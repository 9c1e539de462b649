// A person: who they are, their credentials (with where to check them), and what they wrote or reviewed.
import type {Metadata} from 'next'
import {NotFoundPage} from '../../../components/not-found-view.tsx'
import {getPerson} from '@spotter/sdk'
import {person as personJsonLd} from '@spotter/sdk/jsonld'
import {JsonLd} from '@spotter/sdk/react'
import {ArticleList} from '../../../components/article-list.tsx'
import {personName} from '../../../components/person-line.tsx'
import {Picture} from '../../../components/picture.tsx'
import {Section} from '../../../components/section.tsx'
import {absolute} from '../../../lib/config.ts'
import {label, personHref} from '../../../lib/links.ts'
import {load} from '../../../lib/load.ts'
import {notFoundMetadata, pageMetadata} from '../../../lib/meta.ts'

type Props = {params: Promise<{slug: string}>}

export const generateStaticParams = async (): Promise<Array<{slug: string}>> => []

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {slug} = await params
  const person = await load(getPerson, slug)
  if (!person) return notFoundMetadata('Person')
  const name = personName(person)
  const description = person.headline ?? person.bio ?? `${name}: credentials and articles.`
  return pageMetadata({title: name, description, path: personHref(slug), type: 'profile', image: person.photo})
}

export default async function PersonPage({params}: Props) {
  const {slug} = await params
  const person = await load(getPerson, slug)
  if (!person) return <NotFoundPage />
  const name = personName(person)
  return (
    <article>
      <JsonLd data={{'@context': 'https://schema.org', ...personJsonLd(person, {personUrl: (s) => absolute(personHref(s))})}} />
      <h1>{name}</h1>
      {person.headline ? <p className="lead">{person.headline}</p> : null}
      {person.photo ? <Picture image={person.photo} sizes="(min-width: 40rem) 20rem, 100vw" /> : null}
      {person.bio ? <p>{person.bio}</p> : null}
      {person.roles.length ? <p className="meta">{person.roles.map(label).join(' · ')}</p> : null}
      <Section title="Credentials" when={person.credentials}>
        <ul>
          {(person.credentials ?? []).map((c) => (
            <li key={c._key}>
              {c.verificationUrl?.startsWith('https://') ? <a href={c.verificationUrl}>{c.title}</a> : c.title}
              {c.issuingBody ? `, ${c.issuingBody}` : null}
              {c.year ? ` (${c.year})` : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Career" when={person.milestones}>
        <ul>
          {(person.milestones ?? []).map((m) => (
            <li key={m._key}>
              {m.summary}
              {m.year ? ` (${m.year})` : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Articles" when={person.articles}>
        <ArticleList articles={person.articles ?? []} />
      </Section>
    </article>
  )
}
