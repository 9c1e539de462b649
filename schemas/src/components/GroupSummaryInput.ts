// The exercise form's first group starts with what every other group holds ("Programming: 1
// prescription"), so a document opened on its first group hides nothing. (A link with a path,
// `;path=prescriptions`, already opens the group that holds it: the Studio does that itself.)
import {Card, Stack, Text} from '@sanity/ui'
import {createElement, type ReactElement} from 'react'
import type {ObjectInputProps} from 'sanity'
import {summarizeGroups, summaryLines, type GroupedField} from '../studio/group-summary.ts'

// Untyped props: @sanity/ui's prop unions defeat createElement's overloads (no JSX in .ts files).
const h = createElement as (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => ReactElement

export function GroupSummaryInput(props: ObjectInputProps) {
  const {groups, schemaType, value} = props
  const selected = groups.find((g) => g.selected)?.name
  const first = groups.find((g) => g.name !== 'all-fields')?.name
  if (!first || selected !== first) return props.renderDefault(props)
  const fields = schemaType.fields as unknown as GroupedField[]
  const lines = summaryLines(summarizeGroups(fields, groups, value as Record<string, unknown> | undefined, first))
  if (lines.length === 0) return props.renderDefault(props)
  return h(
    Stack,
    {space: 5},
    h(
      Card,
      {padding: 3, radius: 2, tone: 'transparent', border: true, 'data-testid': 'group-summary'},
      h(
        Stack,
        {space: 3},
        h(Text, {size: 1, weight: 'medium'}, 'In the other tabs'),
        ...lines.map((line) => h(Text, {key: line, size: 1, muted: true}, line)),
      ),
    ),
    props.renderDefault(props),
  )
}
