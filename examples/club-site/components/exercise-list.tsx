// Exercises in a list. One with a guide (a summary, a picture or the muscles it works) gets a card;
// one without is a short entry with what is known, never an empty card.
import type {ExerciseCardResult} from '@spotter/sdk'
import {exerciseHref, label} from '../lib/links.ts'
import {Picture} from './picture.tsx'

type Heading = 'h2' | 'h3' | 'h4'

export function hasGuide(e: ExerciseCardResult): boolean {
  return !!(e.summary || e.image || e.primaryMuscles?.length)
}

export function ExerciseList({exercises, heading = 'h3'}: {exercises: readonly ExerciseCardResult[]; heading?: Heading}) {
  const cards = exercises.filter(hasGuide)
  const short = exercises.filter((e) => !hasGuide(e))
  return (
    <>
      {cards.length ? (
        <ul className="cards">
          {cards.map((e) => (
            <li key={e._id}>
              <ExerciseCard exercise={e} heading={heading} />
            </li>
          ))}
        </ul>
      ) : null}
      {short.length ? (
        <ul className="short-list">
          {short.map((e) => (
            <li key={e._id}>
              {e.slug ? <a href={exerciseHref(e.slug)}>{e.name}</a> : e.name} <span className="meta">{facts(e)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}

function facts(e: ExerciseCardResult): string {
  const equipment = [...new Set((e.setups ?? []).flatMap((s) => (s.equipment ?? []).map((q) => q.name)))]
  return [label(e.category), e.level ? label(e.level) : null, equipment.length ? equipment.join(', ') : null].filter(Boolean).join(' · ')
}

function ExerciseCard({exercise: e, heading: H}: {exercise: ExerciseCardResult; heading: Heading}) {
  const muscles = (e.primaryMuscles ?? []).map((m) => m.commonName ?? m.name)
  return (
    <article className="card">
      {e.image ? <Picture image={e.image} aspectRatio={4 / 3} sizes="(min-width: 40rem) 20rem, 100vw" bare /> : null}
      <H>{e.slug ? <a href={exerciseHref(e.slug)}>{e.name}</a> : e.name}</H>
      <p className="meta">{facts(e)}</p>
      {e.summary ? <p>{e.summary}</p> : null}
      {muscles.length ? <p className="muscles">Works: {muscles.join(', ')}</p> : null}
    </article>
  )
}
