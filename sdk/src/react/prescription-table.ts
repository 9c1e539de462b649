// Sets, reps, frequency and progression per goal, as a table.
import {createElement as h, type ReactNode} from 'react'
import {formatRange, humanize, prescriptionNotes} from '../format.ts'
import type {PrescriptionResult} from '../models.ts'

export interface PrescriptionTableProps {
  prescriptions: readonly PrescriptionResult[]
  title?: string | null
  className?: string
}

// The same header for every table: one element tree, built once.
const HEAD = h(
  'thead',
  null,
  h('tr', null, ...['Goal', 'Sets', 'Reps', 'Per week', 'Notes'].map((c) => h('th', {key: c, scope: 'col'}, c))),
)

export function PrescriptionTable({prescriptions, title, className}: PrescriptionTableProps): ReactNode {
  return h(
    'table',
    {className},
    title ? h('caption', null, title) : null,
    HEAD,
    h(
      'tbody',
      null,
      prescriptions.map((p) =>
        h(
          'tr',
          {key: p._key},
          h('th', {scope: 'row'}, p.goal, p.trainingPhase ? h('small', null, ` (${humanize(p.trainingPhase)})`) : null),
          h('td', null, formatRange(p.sets) ?? ''),
          h('td', null, formatRange(p.reps) ?? p.repsDescription ?? ''),
          h('td', null, formatRange(p.frequencyPerWeek) ?? ''),
          h('td', null, prescriptionNotes(p)),
        ),
      ),
    ),
  )
}
