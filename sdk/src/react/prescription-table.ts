// Sets, reps, frequency and progression per goal, as a table.
import {createElement as h, type ReactNode} from 'react'
import {humanize, prescriptionCells} from '../format.ts'
import type {PrescriptionResult} from '../models.ts'
import {partEditProps, type StudioEditContext} from '../studio-edit.ts'

export interface PrescriptionTableProps {
  prescriptions: readonly PrescriptionResult[]
  title?: string | null
  className?: string
  /** Click-to-edit attributes (draft mode only), with the prescriptions' document and array field path. */
  edit?: StudioEditContext
}

// The same header for every table: one element tree, built once.
const HEAD = h(
  'thead',
  null,
  h('tr', null, ...['Goal', 'Sets', 'Reps', 'Per week', 'Notes'].map((c) => h('th', {key: c, scope: 'col'}, c))),
)

export function PrescriptionTable({prescriptions, title, className, edit}: PrescriptionTableProps): ReactNode {
  const at = partEditProps(edit)
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
          {key: p._key, ...at({_key: p._key})},
          h(
            'th',
            {scope: 'row', ...at({_key: p._key}, 'goal')},
            p.goal,
            p.trainingPhase ? h('small', null, ` (${humanize(p.trainingPhase)})`) : null,
          ),
          ...prescriptionCells(p).map((c, i) => h('td', {key: i, ...(c.field ? at({_key: p._key}, c.field) : {})}, c.text)),
        ),
      ),
    ),
  )
}
