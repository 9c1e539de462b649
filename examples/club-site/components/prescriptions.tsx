// Sets, reps and frequency per goal: a table with only the columns some row fills in. In draft
// mode every cell that shows a value opens the field it comes from.
import type {PrescriptionResult, StudioEditContext} from '@spotter/sdk'
import {editField} from '../lib/edit.ts'
import {articleHref, label} from '../lib/links.ts'

const range = (r: {min: number; max: number} | null) => (r ? (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`) : null)

/** A column: what a row shows in it, and the field of the prescription that value comes from. */
interface Column {
  title: string
  value: (p: PrescriptionResult) => string | null
  field: (p: PrescriptionResult) => keyof PrescriptionResult
}

const columns: Column[] = [
  {title: 'Sets', value: (p) => range(p.sets), field: () => 'sets'},
  {title: 'Reps', value: (p) => range(p.reps) ?? p.repsDescription, field: (p) => (p.reps ? 'reps' : 'repsDescription')},
  {title: 'Per week', value: (p) => range(p.frequencyPerWeek), field: () => 'frequencyPerWeek'},
  {title: 'Load', value: (p) => p.load, field: () => 'load'},
  {title: 'Duration', value: (p) => p.duration, field: () => 'duration'},
  {
    title: 'Progression',
    value: (p) =>
      p.progressionRule
        ? p.progressionRule.whenSets && p.progressionRule.whenReps
          ? `At ${p.progressionRule.whenSets} × ${p.progressionRule.whenReps}: ${p.progressionRule.then}`
          : p.progressionRule.then
        : p.progression,
    field: (p) => (p.progressionRule ? 'progressionRule' : 'progression'),
  },
  {
    title: 'When',
    value: (p) => p.placementNote ?? (p.placement ? label(p.placement) : null),
    field: (p) => (p.placementNote ? 'placementNote' : 'placement'),
  },
]

export function Prescriptions({
  prescriptions,
  exercise,
  edit,
}: {
  prescriptions: readonly PrescriptionResult[]
  /** The document the prescriptions sit in (its `prescriptions` field), for click-to-edit. */
  exercise: {_id: string}
  edit?: StudioEditContext | undefined
}) {
  const shown = columns.filter((c) => prescriptions.some((p) => c.value(p)))
  const sources = [...new Map(prescriptions.flatMap((p) => (p.source?.slug ? [[p.source.slug, p.source.title] as const] : []))).entries()]
  return (
    <>
      {/* On a phone each row stacks, a cell's data-label naming its column (styles.css). */}
      <div className="table-scroll">
        <table className="prescriptions">
          <thead>
            <tr>
              <th scope="col">Goal</th>
              {shown.map((c) => (
                <th key={c.title} scope="col">
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {prescriptions.map((p) => {
              const item = ['prescriptions', {_key: p._key}] as const
              const field = (name: string) => editField(edit, exercise, 'exercise', ...item, name)
              return (
                <tr key={p._key} {...editField(edit, exercise, 'exercise', ...item)}>
                  <th scope="row">
                    <span {...field('goal')}>{p.goal}</span>
                    {p.trainingPhase ? <small {...field('trainingPhase')}> ({label(p.trainingPhase)})</small> : null}
                    {p.audience ? (
                      <small>
                        {' · '}
                        <span {...field('audience')}>{p.audience}</span>
                      </small>
                    ) : null}
                  </th>
                  {shown.map((c) => {
                    const value = c.value(p)
                    // An empty cell shows a dash and opens nothing: there is no field value behind it.
                    return (
                      <td key={c.title} data-label={c.title} {...(value ? field(c.field(p)) : {})}>
                        {value ?? '—'}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {sources.length ? (
        <p className="meta">
          From{' '}
          {sources.map(([slug, title], i) => (
            <span key={slug}>
              {i ? ', ' : ''}
              <a href={articleHref(slug)}>{title}</a>
            </span>
          ))}
        </p>
      ) : null}
    </>
  )
}
