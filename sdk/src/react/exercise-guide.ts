// The full how-to of an exercise: setups, steps with cues, tempo, prescriptions, mistakes, safety.
// Inner parts are built by plain function calls, not components: the markup is the same and a
// server render skips a component (hooks set-up) per part.
import {createElement as h, Fragment, type ReactNode} from 'react'
import {aboutSections, humanize, mistakeParts, relatedSection, safetyItems, tempoItems, variationText} from '../format.ts'
import type {ImageConfig} from '../image.ts'
import type {ExerciseGuideResult} from '../models.ts'
import {headingLevel as clamp, type HeadingLevel} from '../portable-text/heading-levels.ts'
import {type EditPath, type EditProps, editProps, partContext, type StudioEditContext} from '../studio-edit.ts'
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
  /** Click-to-edit attributes (draft mode only). */
  edit?: StudioEditContext
}

type Step = NonNullable<ExerciseGuideResult['steps']>[number]

export function ExerciseGuide({exercise, images, stepsOnly, className, headingLevel = 3, edit}: ExerciseGuideProps): ReactNode {
  const at = editProps(edit, exercise._id, 'exercise')
  const part = (path: EditPath) => (edit ? {edit: partContext(edit, exercise._id, 'exercise', path)} : {})
  const sub = `h${clamp(headingLevel + 1)}`
  // A titled part of the guide, and plain text lines under a heading (each with its click-to-edit props).
  const section = (heading: string, children: ReactNode) => h('div', null, h(sub, null, heading), children)
  const textSection = (heading: string, items: readonly string[], edits?: ReadonlyArray<{'data-sanity'?: string}>) =>
    section(
      heading,
      h(
        'ul',
        null,
        items.map((item, i) => h('li', {key: i, ...edits?.[i]}, item)),
      ),
    )
  const steps = exercise.steps?.length
    ? h(
        'ol',
        {className: 'steps', ...at('steps')},
        exercise.steps.map((step) => stepItem(step, images, at, part)),
      )
    : null
  const title = h(`h${headingLevel}`, at('name'), exercise.name)
  if (stepsOnly) return h('section', {className}, title, steps)
  const tempo = tempoItems(exercise.tempo)
  const safety = safetyItems(exercise)
  const setups = (exercise.setups ?? []).map((s) =>
    h(
      'li',
      {key: s._key, ...at('setups', {_key: s._key})},
      h('strong', null, s.name),
      `${s.equipment?.length ? ` (${s.equipment.map((e) => e.name).join(' + ')})` : ''}${s.instructions ? `: ${s.instructions}` : ''}` ||
        null,
    ),
  )
  const variations = (exercise.variations ?? []).map((v) =>
    h('li', {key: v._key, ...at('variations', {_key: v._key})}, h('strong', null, v.name), ` (${humanize(v.change)}): ${variationText(v)}`),
  )
  const related = relatedSection(exercise)
  return h(
    'section',
    {className},
    title,
    exercise.summary ? h('p', at('summary'), exercise.summary) : null,
    aboutSections(exercise).map((about) =>
      h(
        Fragment,
        {key: about.title},
        textSection(
          about.title,
          about.items,
          about.paths.map((path) => at(...path)),
        ),
      ),
    ),
    setups.length ? section('Setups', h('ul', null, setups)) : null,
    steps ? section('Steps', steps) : null,
    tempo.length
      ? section(
          'Tempo',
          h(
            'ul',
            null,
            // The cues come last, after the seconds line when there is one.
            tempo.map((item, i) => {
              const cue = i - (tempo.length - (exercise.tempo?.cues?.length ?? 0))
              return h('li', {key: i, ...(cue >= 0 ? at('tempo', 'cues', cue) : at('tempo'))}, item)
            }),
          ),
        )
      : null,
    exercise.prescriptions?.length
      ? section('Sets and reps', PrescriptionTable({prescriptions: exercise.prescriptions, ...part(['prescriptions'])}))
      : null,
    variations.length ? section('Variations', h('ul', null, variations)) : null,
    exercise.commonMistakes?.length
      ? section(
          'Common mistakes',
          h(
            'ul',
            null,
            exercise.commonMistakes.map((m) => mistakeItem(m, at)),
          ),
        )
      : null,
    safety.length
      ? section(
          'Safety',
          h(
            'ul',
            null,
            safety.map((s, i) => {
              const notes = exercise.safetyNotes?.length ?? 0
              return h('li', {key: s.key, ...at(i < notes ? 'safetyNotes' : 'contraindications', {_key: s.key})}, s.text)
            }),
          ),
        )
      : null,
    related.items.length
      ? textSection(
          related.title,
          related.items,
          (exercise.relatedExercises ?? []).map((r) => at('relatedExercises', {_key: r._key})),
        )
      : null,
    exercise.disclaimers?.length
      ? exercise.disclaimers.map((d) => h(Fragment, {key: d._id}, Disclaimer({disclaimer: d, ...(edit ? {edit} : {})})))
      : null,
  )
}

function stepItem(step: Step, images: ImageConfig, at: EditProps, part: (path: EditPath) => {edit?: StudioEditContext}): ReactNode {
  const item = ['steps', {_key: step._key}] as const
  return h(
    'li',
    {key: step._key, ...at(...item)},
    h('p', at(...item, 'instruction'), step.instruction),
    step.cues?.length
      ? h(
          'ul',
          {className: 'cues'},
          step.cues.map((cue, i) => h('li', {key: i, ...at(...item, 'cues', i)}, cue)),
        )
      : null,
    step.image ? CreditedImage({image: step.image, images, sizes: '(min-width: 40em) 30em, 100vw', ...part([...item, 'image'])}) : null,
  )
}

function mistakeItem(m: NonNullable<ExerciseGuideResult['commonMistakes']>[number], at: EditProps): ReactNode {
  const {mistake, correction} = mistakeParts(m)
  const item = ['commonMistakes', {_key: m._key}] as const
  return h(
    'li',
    {key: m._key, ...at(...item)},
    mistake,
    correction ? ' ' : null,
    correction ? h('span', {className: 'correction', ...at(...item, 'correction')}, correction) : null,
  )
}
