// A compact exercise summary for lists and embeds.
import {createElement as h, type ReactNode} from 'react'
import {humanize} from '../format.ts'
import type {ImageConfig} from '../image.ts'
import type {ExerciseCardResult} from '../models.ts'
import type {HeadingLevel} from '../portable-text/heading-levels.ts'
import {editProps, partContext, type StudioEditContext} from '../studio-edit.ts'
import {CreditedImage} from './credited-image.ts'
import {SafeLink} from './safe-link.ts'

export interface ExerciseCardProps {
  exercise: Partial<Pick<ExerciseCardResult, '_id'>> &
    Pick<ExerciseCardResult, 'name' | 'slug' | 'summary' | 'category' | 'level' | 'primaryMuscles' | 'setups' | 'image'>
  images: ImageConfig
  /** Link for the exercise, e.g. `(slug) => '/exercises/' + slug`. */
  exerciseHref?: (slug: string) => string
  className?: string
  /** The level of the exercise's name as a heading (default 3: a card under a page's sections). */
  headingLevel?: HeadingLevel
  /** Click-to-edit attributes (draft mode only). */
  edit?: StudioEditContext
}

export function ExerciseCard({exercise, images, exerciseHref, className, headingLevel = 3, edit}: ExerciseCardProps): ReactNode {
  const at = editProps(edit, exercise._id, 'exercise')
  const equipment = [...new Set((exercise.setups ?? []).flatMap((s) => (s.equipment ?? []).map((e) => e.name)))]
  // Plain calls rather than elements for the inner parts: same markup, one component fewer each.
  const title = exercise.slug && exerciseHref ? SafeLink({href: exerciseHref(exercise.slug), children: exercise.name}) : exercise.name
  return h(
    'article',
    {className},
    exercise.image
      ? CreditedImage({
          image: exercise.image,
          images,
          sizes: '(min-width: 40em) 20em, 100vw',
          aspectRatio: 4 / 3,
          // The card's image is the exercise's first medium.
          ...(edit && exercise._id ? {edit: partContext(edit, exercise._id, 'exercise', ['media', 0])} : {}),
        })
      : null,
    h(`h${headingLevel}`, at('name'), title),
    h('p', {className: 'meta'}, [humanize(exercise.category), exercise.level && humanize(exercise.level)].filter(Boolean).join(' · ')),
    exercise.summary ? h('p', at('summary'), exercise.summary) : null,
    exercise.primaryMuscles?.length
      ? h('p', {className: 'muscles'}, `Works: ${exercise.primaryMuscles.map((m) => m.commonName ?? m.name).join(', ')}`)
      : null,
    equipment.length ? h('p', {className: 'equipment'}, `Equipment: ${equipment.join(', ')}`) : null,
  )
}
