// Sets, reps and frequency per goal: a table with only the columns some row fills in.
import type {PrescriptionResult} from '@spotter/sdk'
import {articleHref, label} from '../lib/links.ts'

const range = (r: {min: number; max: number} | null) => (r ? (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`) : null)

const columns: Array<{title: string; value: (p: PrescriptionResult) => string | null}> = [
  {title: 'Sets', value: (p) => range(p.sets)},
  {title: 'Reps', value: (p) => range(p.reps) ?? p.repsDescription},
  {title: 'Per week', value: (p) => range(p.frequencyPerWeek)},
  {title: 'Load', value: (p) => p.load},
  {title: 'Duration', value: (p) => p.duration},
  {
    title: 'Progression',
    value: (p) =>
      p.progressionRule
        ? p.progressionRule.whenSets && p.progressionRule.whenReps
          ? `At ${p.progressionRule.whenSets} × ${p.progressionRule.whenReps}: ${p.progressionRule.then}`
          : p.progressionRule.then
        : p.progression,
  },
  {title: 'When', value: (p) => p.placementNote ?? (p.placement ? label(p.placement) : null)},
]

export function Prescriptions({prescriptions}: {prescriptions: readonly PrescriptionResult[]}) {
  const shown = columns.filter((c) => prescriptions.some((p) => c.value(p)))
  const sources = [...new Map(prescriptions.flatMap((p) => (p.source?.slug ? [[p.source.slug, p.source.title] as const] : []))).entries()]
  return (
    <>
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
            {prescriptions.map((p) => (
              <tr key={p._key}>
                <th scope="row">
                  {p.goal}
                  {p.trainingPhase ? <small> ({label(p.trainingPhase)})</small> : null}
                  {p.audience ? <small> · {p.audience}</small> : null}
                </th>
                {shown.map((c) => (
                  <td key={c.title}>{c.value(p) ?? '—'}</td>
                ))}
              </tr>
            ))}
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
