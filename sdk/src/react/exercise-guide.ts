// The full how-to of an exercise: setups, steps with cues, tempo, prescriptions, mistakes, safety.
// Inner parts are built by plain function calls, not components: the markup is the same and a
// server render skips a component (hooks set-up) per part.
import {createElement as h, Fragment, type ReactNode} from 'react'
import {aboutSections, humanize, mistakeParts, relatedSection, safetyItems, tempoItems, variationText} from '../format.ts'
import type {ImageConfig} from '../image.ts'
import type {ExerciseGuideResult} from '../models.ts'
import {headingLevel as clamp, type HeadingLevel} from '../portable-text/heading-levels.ts'
import {CreditedImage} from './credited-image.ts'
import {Disclaimer} from './disclaimer.ts'
import {PrescriptionTable} from './prescription-table.ts'

export interface ExerciseGuideProps {
  exercise: ExerciseGuideResult
  images: ImageConfig
  /** Only the steps (an article's `steps` embed). */
  stepsOnly?: boolean
  className?: string
  /** The level of the exercise's name as a heading (default 3); its sections are one below. */
  headingLevel?: HeadingLevel
}

type Step = NonNullable<ExerciseGuideResult['steps']>[number]

export function ExerciseGuide({exercise, images, stepsOnly, className, headingLevel = 3}: ExerciseGuideProps): ReactNode {
  const title = `h${headingLevel}`
  const sub = `h${clamp(headingLevel + 1)}`
  // Plain text lines under a heading, and a titled part of the guide.
  const section = (heading: string, children: ReactNode) => h('div', null, h(sub, null, heading), children)
  const textSection = (heading: string, items: readonly string[]) =>
    section(
      heading,
      h(
        'ul',
        null,
        items.map((item, i) => h('li', {key: i}, item)),
      ),
    )
  const steps = exercise.steps?.length
    ? h(
        'ol',
        {className: 'steps'},
        exercise.steps.map((step) => stepItem(step, images)),
      )
    : null
  if (stepsOnly) return h('section', {className}, h(title, null, exercise.name), steps)
  const tempo = tempoItems(exercise.tempo)
  const safety = safetyItems(exercise)
  const setups = (exercise.setups ?? []).map((s) =>
    h(
      'li',
      {key: s._key},
      h('strong', null, s.name),
      `${s.equipment?.length ? ` (${s.equipment.map((e) => e.name).join(' + ')})` : ''}${s.instructions ? `: ${s.instructions}` : ''}` ||
        null,
    ),
  )
  const variations = (exercise.variations ?? []).map((v) =>
    h('li', {key: v._key}, h('strong', null, v.name), ` (${humanize(v.change)}): ${variationText(v)}`),
  )
  const related = relatedSection(exercise)
  return h(
    'section',
    {className},
    h(title, null, exercise.name),
    exercise.summary ? h('p', null, exercise.summary) : null,
    aboutSections(exercise).map((about) => h(Fragment, {key: about.title}, textSection(about.title, about.items))),
    setups.length ? section('Setups', h('ul', null, setups)) : null,
    steps ? section('Steps', steps) : null,
    tempo.length
      ? section(
          'Tempo',
          h(
            'ul',
            null,
            tempo.map((item, i) => h('li', {key: i}, item)),
          ),
        )
      : null,
    exercise.prescriptions?.length ? section('Sets and reps', PrescriptionTable({prescriptions: exercise.prescriptions})) : null,
    variations.length ? section('Variations', h('ul', null, variations)) : null,
    exercise.commonMistakes?.length ? section('Common mistakes', h('ul', null, exercise.commonMistakes.map(mistakeItem))) : null,
    safety.length
      ? section(
          'Safety',
          h(
            'ul',
            null,
            safety.map((s) => h('li', {key: s.key}, s.text)),
          ),
        )
      : null,
    related.items.length ? textSection(related.title, related.items) : null,
    exercise.disclaimers?.length ? exercise.disclaimers.map((d) => h(Fragment, {key: d._id}, Disclaimer({disclaimer: d}))) : null,
  )
}

function stepItem(step: Step, images: ImageConfig): ReactNode {
  return h(
    'li',
    {key: step._key},
    h('p', null, step.instruction),
    step.cues?.length
      ? h(
          'ul',
          {className: 'cues'},
          step.cues.map((cue, i) => h('li', {key: i}, cue)),
        )
      : null,
    step.image ? CreditedImage({image: step.image, images, sizes: '(min-width: 40em) 30em, 100vw'}) : null,
  )
}

function mistakeItem(m: NonNullable<ExerciseGuideResult['commonMistakes']>[number]): ReactNode {
  const {mistake, correction} = mistakeParts(m)
  return h('li', {key: m._key}, mistake, correction ? ' ' : null, correction ? h('span', {className: 'correction'}, correction) : null)
}
