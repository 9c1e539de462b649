// Home: the club's welcome, what it offers (its equipment), featured exercises and the latest articles.
import type {Metadata} from 'next'
import {notFound} from 'next/navigation'
import {listArticles} from '@spotter/sdk'
import {ArticleList} from '../article-list.tsx'
import {ExerciseList, hasGuide} from '../exercise-list.tsx'
import {Section} from '../section.tsx'
import {loadClub} from '../../lib/club.ts'
import {count, equipmentHref} from '../../lib/links.ts'
import {load} from '../../lib/load.ts'
import {pageMetadata} from '../../lib/meta.ts'
import {clubPlace, clubSummary} from '../../lib/club-text.ts'

export async function homeMetadata(): Promise<Metadata> {
  const club = await loadClub()
  if (!club) return {}
  return {...(await pageMetadata({title: club.name, description: clubSummary(club), path: '/'})), title: {absolute: club.name}}
}

export async function Home() {
  const [club, articles] = await Promise.all([loadClub(), load(listArticles, {pageSize: 3})])
  if (!club) return notFound()
  const place = clubPlace(club)
  const featured = club.exercises.filter(hasGuide).slice(0, 6)
  const equipment = (club.equipment ?? []).filter((item) => item.equipment.slug)
  return (
    <>
      <div className="welcome">
        <h1>Welcome to {club.name}</h1>
        <p className="lead">{clubSummary(club)}</p>
        {place ? <p className="meta">{place}</p> : null}
      </div>
      <Section title="What the club offers" when={equipment.length || club.description}>
        {equipment.length ? (
          <ul className="offers">
            {equipment.map((item) => (
              <li key={item._key}>
                <a href={equipmentHref(item.equipment.slug!)}>{item.equipment.name}</a>
                {item.quantity && item.quantity > 1 ? ` (${item.quantity})` : null}
                {item.reason ? <p>{item.reason}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {club.description ? <p>{club.description}</p> : null}
        <p>
          <a href="/club">Everything you can do at our club</a> · <a href="/equipment">Our equipment</a>
        </p>
      </Section>
      <Section title="Featured exercises" when={featured}>
        <ExerciseList exercises={featured} />
        <p>
          <a href="/exercises">The whole exercise library</a>
        </p>
      </Section>
      <Section title="Latest articles" when={articles.items}>
        <ArticleList articles={articles.items} />
        {articles.total > articles.items.length ? (
          <p>
            <a href="/articles">All {count(articles.total, 'article')}</a>
          </p>
        ) : null}
      </Section>
    </>
  )
}
