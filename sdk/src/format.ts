// Wording shared by every renderer (React, HTML, text, Markdown, JSON-LD), so all outputs say the
// same thing about the same content.
import type {CredentialResult, ExerciseGuideResult, PrescriptionResult} from './models.ts'
import type {EditPath} from './studio-edit.ts'

interface NamedPerson {
  name: string | null
  descriptor?: string | null
}

/** A person's published name, or the descriptor of an unnamed author ("a personal trainer at..."). */
export function personName(person: NamedPerson | null | undefined): string {
  return person?.name?.trim() || person?.descriptor?.trim() || 'Unknown author'
}

export function formatRange(range: {min: number; max: number} | null | undefined): string | undefined {
  if (!range) return undefined
  return range.min === range.max ? `${range.min}` : `${range.min}–${range.max}`
}

/** "3 sets × 8–12 reps, 2–3× per week" from whatever the prescription gives. */
export function prescriptionVolume(p: PrescriptionResult): string {
  const sets = formatRange(p.sets)
  const range = formatRange(p.reps)
  const reps = range ? `${range} reps` : (p.repsDescription ?? undefined)
  const volume = [sets && `${sets} sets`, reps].filter(Boolean).join(' × ')
  const frequency = formatRange(p.frequencyPerWeek)
  return [volume, frequency && `${frequency}× per week`].filter(Boolean).join(', ')
}

const PLACEMENTS: Record<string, string> = {
  start: 'At the start of the workout',
  main: 'As the main lift',
  supplementary: 'After the main lifts',
  end: 'At the end of the workout',
}

/** Ends a fragment with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

/** "Sports massage therapist (Qualification, ITEC, 2010)". */
export function credentialLabel(credential: CredentialResult): string {
  const details = [humanize(credential.kind), credential.issuingBody, credential.year?.toString()].filter(Boolean).join(', ')
  return `${credential.title} (${details})`
}

/** `information-only` -> `Information only`. */
export function humanize(value: string): string {
  const spaced = value.replace(/-/g, ' ')
  return spaced.charAt(0).toUpperCase() + spaced.slice(1)
}

/** The date part of an ISO date or datetime (deterministic, locale-free). */
export function isoDate(value: string | null | undefined): string | undefined {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value ?? '')
  return match?.[0]
}

/** The credit line printed under every image. */
export function creditLine(image: {credit: string; copyrightHolder?: string | null}): string {
  return image.copyrightHolder && image.copyrightHolder !== image.credit
    ? `Credit: ${image.credit} · © ${image.copyrightHolder}`
    : `Credit: ${image.credit}`
}

/** Load, duration, placement and progression of a prescription, as one line. */
function prescriptionNotes(p: PrescriptionResult): string {
  const rule = p.progressionRule
  const progression = rule
    ? rule.whenSets && rule.whenReps
      ? `At ${rule.whenSets} × ${rule.whenReps}: ${rule.then}`
      : rule.then
    : p.progression
  return [p.load, p.duration, p.placementNote ?? (p.placement ? PLACEMENTS[p.placement] : null), progression]
    .filter((t): t is string => !!t)
    .map(sentence)
    .join(' ')
}

/**
 * A prescription's Sets, Reps, Per week and Notes cells: the text each shows and, for click-to-edit,
 * the field it shows (none for Notes, which joins several fields, or for an empty cell).
 */
export function prescriptionCells(p: PrescriptionResult): Array<{text: string; field?: string}> {
  const cell = (text: string | null | undefined, field: string) => (text ? {text, field} : {text: ''})
  const reps = formatRange(p.reps)
  return [
    cell(formatRange(p.sets), 'sets'),
    reps ? {text: reps, field: 'reps'} : cell(p.repsDescription, 'repsDescription'),
    cell(formatRange(p.frequencyPerWeek), 'frequencyPerWeek'),
    {text: prescriptionNotes(p)},
  ]
}

/** The sections of an exercise guide as plain strings, shared by the text and Markdown outputs. */
export function guideSections(exercise: ExerciseGuideResult): Array<{title: string; items: string[]; ordered?: boolean}> {
  return [
    ...aboutSections(exercise),
    {
      title: 'Setups',
      items: (exercise.setups ?? []).map(
        (s) =>
          `${s.name}${s.equipment?.length ? ` (${s.equipment.map((q) => q.name).join(' + ')})` : ''}${s.instructions ? `: ${s.instructions}` : ''}`,
      ),
    },
    {title: 'Steps', ordered: true, items: (exercise.steps ?? []).map((s) => [s.instruction, ...(s.cues ?? [])].join(' '))},
    {title: 'Tempo', items: tempoItems(exercise.tempo)},
    {title: 'Sets and reps', items: (exercise.prescriptions ?? []).map(prescriptionLine)},
    {title: 'Variations', items: (exercise.variations ?? []).map((v) => `${v.name} (${humanize(v.change)}): ${variationText(v)}`)},
    {title: 'Common mistakes', items: (exercise.commonMistakes ?? []).map((m) => mistakeText(m))},
    {title: 'Safety', items: safetyItems(exercise).map((item) => item.text)},
    relatedSection(exercise),
  ].filter((section) => section.items.length > 0)
}

type Muscles = ExerciseGuideResult['primaryMuscles']
const muscleNames = (muscles: NonNullable<Muscles>) => muscles.map((m) => m.commonName ?? m.name).join(', ')

/**
 * The sections before the how-to (muscles worked, benefits, how it works), as plain items: the
 * React and HTML guides print the same items, the text and Markdown outputs get them through
 * guideSections. `paths` holds each item's field in the exercise, for click-to-edit attributes.
 */
export function aboutSections(exercise: ExerciseGuideResult): Array<{title: string; items: string[]; paths: EditPath[]}> {
  const muscleLists = (
    [
      ['Primary', 'primaryMuscles', exercise.primaryMuscles],
      ['Secondary', 'secondaryMuscles', exercise.secondaryMuscles],
      ['Stabilisers', 'stabilizerMuscles', exercise.stabilizerMuscles],
    ] as const
  ).filter(([, , list]) => list?.length)
  const muscles = muscleLists.map(([label, , list]) => `${label}: ${muscleNames(list ?? [])}`)
  const benefits = (exercise.benefits ?? []).map((b) =>
    [
      sentence(b.benefit),
      b.explanation && sentence(b.explanation),
      b.muscles?.length && `Muscles: ${muscleNames(b.muscles)}.`,
      b.relatedExercises?.length && `Carries over to: ${b.relatedExercises.map((x) => x.name).join(', ')}.`,
      b.attributedTo && `According to ${personName(b.attributedTo)}.`,
    ]
      .filter(Boolean)
      .join(' '),
  )
  const biomechanics = (exercise.biomechanics ?? []).map((n) =>
    [
      sentence(n.title),
      sentence(n.explanation),
      n.structures?.length && `Involves: ${n.structures.join(', ')}.`,
      n.muscles?.length && `Muscles: ${muscleNames(n.muscles)}.`,
    ]
      .filter(Boolean)
      .join(' '),
  )
  return [
    {title: 'Muscles worked', items: muscles, paths: muscleLists.map(([, field]) => [field])},
    {title: 'Benefits', items: benefits, paths: (exercise.benefits ?? []).map((b) => ['benefits', {_key: b._key}])},
    {title: 'How it works', items: biomechanics, paths: (exercise.biomechanics ?? []).map((n) => ['biomechanics', {_key: n._key}])},
  ].filter((section) => section.items.length > 0)
}

/** What a variation changes, and the muscles it shifts the emphasis to. */
export function variationText(v: NonNullable<ExerciseGuideResult['variations']>[number]): string {
  return v.emphasis?.length ? `${sentence(v.description)} Shifts the emphasis to: ${muscleNames(v.emphasis)}.` : v.description
}

/** "Progression: Weighted reverse hyper (Additional lower back exercises)". */
export function relatedSection(exercise: ExerciseGuideResult): {title: string; items: string[]} {
  return {
    title: 'Related exercises',
    items: (exercise.relatedExercises ?? []).map((r) => `${humanize(r.relation)}: ${r.exercise.name}${r.note ? ` (${r.note})` : ''}`),
  }
}

/** "Supplementary work: 8–12 reps. Slightly higher than the main lift" */
export function prescriptionLine(p: PrescriptionResult): string {
  const volume = prescriptionVolume(p)
  const notes = prescriptionNotes(p)
  return `${p.goal}${volume ? `: ${volume}` : ''}${notes ? `. ${notes}` : ''}`.replace(/\.\./g, '.')
}

export function citationSource(value: {
  attributedTo: {name: string | null; descriptor?: string | null} | null
  sourceTitle: string | null
  sourceUrl: string | null
}): string {
  return [value.attributedTo ? personName(value.attributedTo) : null, value.sourceTitle ?? value.sourceUrl].filter(Boolean).join(' · ')
}

type Mistake = NonNullable<ExerciseGuideResult['commonMistakes']>[number]

/** A common mistake, and what to do instead as its own sentence ("Instead: ..."). */
export function mistakeParts(m: Pick<Mistake, 'mistake' | 'correction'>): {mistake: string; correction: string | null} {
  return m.correction
    ? {mistake: sentence(m.mistake), correction: `Instead: ${sentence(m.correction)}`}
    : {mistake: m.mistake, correction: null}
}

export function mistakeText(m: Pick<Mistake, 'mistake' | 'correction'>): string {
  const {mistake, correction} = mistakeParts(m)
  return correction ? `${mistake} ${correction}` : mistake
}

/** Safety notes, then contraindications with their action and guidance, one line each. */
export function safetyItems(exercise: Pick<ExerciseGuideResult, 'safetyNotes' | 'contraindications'>): Array<{key: string; text: string}> {
  return [
    ...(exercise.safetyNotes ?? []).map((n) => ({key: n._key, text: n.note})),
    ...(exercise.contraindications ?? []).map((c) => {
      const head = c.action ? `${c.condition}: ${humanize(c.action)}` : c.condition
      return {key: c._key, text: c.guidance ? `${sentence(head)} ${c.guidance}` : head}
    }),
  ]
}

/** Seconds per phase as one line ("Lowering 3 s · pause at top 1 s"), then the cues in words. */
export function tempoItems(tempo: ExerciseGuideResult['tempo']): string[] {
  if (!tempo) return []
  const phases = [
    ['Lowering', tempo.eccentricSeconds],
    ['pause at bottom', tempo.bottomPauseSeconds],
    ['lifting', tempo.concentricSeconds],
    ['pause at top', tempo.topPauseSeconds],
  ].filter((p): p is [string, number] => typeof p[1] === 'number')
  const seconds = phases.map(([name, s], i) => `${i === 0 ? name.charAt(0).toUpperCase() + name.slice(1) : name} ${s} s`).join(' · ')
  return [...(seconds ? [seconds] : []), ...(tempo.cues ?? [])]
}
