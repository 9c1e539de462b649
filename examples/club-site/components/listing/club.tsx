// "What you can do at our club": every exercise whose setup needs only equipment the club has, by category.
import type {Metadata} from 'next'
import {pageMetadata} from '../../lib/meta.ts'
import {notFound} from 'next/navigation'
import type {ExerciseCardResult} from '@spotter/sdk'
import {ExerciseList} from '../exercise-list.tsx'
import {loadClub} from '../../lib/club.ts'
import {count, label} from '../../lib/links.ts'

export const clubMetadata = (): Promise<Metadata> =>
  pageMetadata({
    title: 'What you can do at our club',
    description: 'Every exercise you can do with the equipment at our club.',
    path: '/club',
  })

export async function ClubPage() {
  const club = await loadClub()
  if (!club) return notFound()
  const byCategory = new Map<string, ExerciseCardResult[]>()
  for (const e of club.exercises) byCategory.set(e.category, [...(byCategory.get(e.category) ?? []), e])
  return (
    <>
      <h1>What you can do at our club</h1>
      <p className="lead">
        {count(club.exercises.length, 'exercise')} need nothing but what {club.name} has.
      </p>
      {[...byCategory].map(([category, exercises]) => (
        <section key={category} aria-labelledby={`category-${category}`}>
          <h2 id={`category-${category}`}>
            {label(category)} <span className="meta">({count(exercises.length, 'exercise')})</span>
          </h2>
          <ExerciseList exercises={exercises} />
        </section>
      ))}
    </>
  )
}
