// The exercise form: a link with a path (`;path=prescriptions`) opens the group that holds it
// (Sanity opens the default group, where the field is hidden), and the first group starts with
// what every other group holds, so nothing looks absent.
import {Card, Stack, Text} from '@sanity/ui'
import {createElement, useEffect, type ReactElement} from 'react'
import type {ObjectInputProps} from 'sanity'
import {groupForPath, summarizeGroups, summaryLines, type GroupedField} from '../studio/group-summary.ts'

// Untyped props: @sanity/ui's prop unions defeat createElement's overloads (no JSX in .ts files).
const h = createElement as (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => ReactElement

export function GroupedDocumentInput(props: ObjectInputProps) {
  const {focusPath, groups, onFieldGroupSelect, schemaType, value} = props
  const fields = schemaType.fields as unknown as GroupedField[]
  const target = groupForPath(fields, groups, focusPath)
  const selected = groups.find((g) => g.selected)?.name

  // Only when the link's target changes: an editor may then pick another group freely.
  useEffect(() => {
    if (target && selected !== target && selected !== 'all-fields') onFieldGroupSelect(target)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target])

  const first = groups.find((g) => g.name !== 'all-fields')?.name
  if (!first || selected !== first) return props.renderDefault(props)
  const lines = summaryLines(summarizeGroups(fields, groups, value as Record<string, unknown> | undefined, first))
  if (lines.length === 0) return props.renderDefault(props)
  return h(
    Stack,
    {space: 5},
    h(
      Card,
      {padding: 3, radius: 2, tone: 'transparent', border: true, 'data-testid': 'group-summary'},
      h(Stack, {space: 3}, h(Text, {size: 1, weight: 'medium'}, 'In the other tabs'), ...lines.map((line) => h(Text, {key: line, size: 1, muted: true}, line))),
    ),
    props.renderDefault(props),
  )
}
