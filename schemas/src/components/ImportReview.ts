// An imported draft opens with what to review: the fields the importer guessed, by their titles,
// each a button that opens the field, above the form (every group), and a marker on each guessed
// field itself (in array items' dialogs too). Read from the draft's import record, until a version
// published after the import says it was reviewed.
import {Badge, Button, Card, Flex, Stack, Text} from '@sanity/ui'
import {createContext, createElement, useContext, useMemo, type ReactElement} from 'react'
import {useEditState, type FieldProps, type InputProps} from 'sanity'
import {awaitingReview, guessedFieldTitle, importRecordOf, type ImportRecord} from '../studio/guessed-fields.ts'

// Untyped props: @sanity/ui's prop unions defeat createElement's overloads (no JSX in .ts files).
const h = createElement as (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => ReactElement

interface RootInput {
  schemaType: {fields?: {name: string; group?: string | string[]}[]}
  groups?: {name: string; selected?: boolean}[]
  onFieldGroupSelect?: (group: string) => void
  onPathFocus?: (path: string[]) => void
}

/** Shows a top-level field: its group first when the selected group does not hold it, then the field. */
function openField(root: RootInput, name: string): void {
  const field = root.schemaType.fields?.find((f) => f.name === name)
  const groups = field?.group === undefined ? [] : ([] as string[]).concat(field.group)
  const selected = root.groups?.find((g) => g.selected)?.name
  if (groups.length > 0 && selected !== 'all-fields' && !groups.includes(selected ?? '')) root.onFieldGroupSelect?.(groups[0]!)
  root.onPathFocus?.([name])
}

/** The guessed field paths of the document in the form ("steps.phase"), while it awaits review. */
const Guessed = createContext<ReadonlySet<string>>(new Set())

/** The form's root input: the review list first when the document carries an import record. */
export function ImportReviewInput(props: InputProps) {
  const value = props.path.length === 0 ? (props.value as {_id?: string} | undefined) : undefined
  if (!value?._id || !importRecordOf(value)) return props.renderDefault(props)
  return h(ImportReview, {input: props, id: value._id.replace(/^drafts\./, '')})
}

function ImportReview({input, id}: {input: InputProps; id: string}) {
  const {published} = useEditState(id, input.schemaType.name)
  const record: ImportRecord | undefined = awaitingReview(input.value, published)
  const guessed = useMemo(() => [...new Set(record?.guessedFields ?? [])], [record?.guessedFields])
  const guessedSet = useMemo(() => new Set(guessed), [guessed])
  const focus = (path: string) => openField(input as unknown as RootInput, path.split('.')[0]!)
  // One element tree with or without the list, so publishing does not mount the form again.
  const review =
    record &&
    h(
      Card,
      {padding: 3, radius: 2, tone: 'caution', border: true, 'data-testid': 'import-review'},
      h(
        Stack,
        {gap: 3},
        h(Text, {size: 1, weight: 'medium'}, guessed.length > 0 ? 'Imported: review the guessed fields before publishing' : 'Imported'),
        h(Text, {size: 1, muted: true}, `From ${record.source ?? 'an unknown source'}${record.format ? ` (${record.format})` : ''}`),
        guessed.length > 0 &&
          h(
            Flex,
            {gap: 2, wrap: 'wrap', 'data-testid': 'import-review-fields'},
            ...guessed.map((path) =>
              h(Button, {
                key: path,
                mode: 'ghost',
                tone: 'caution',
                fontSize: 1,
                padding: 2,
                text: guessedFieldTitle(input.schemaType as never, path),
                title: path,
                onClick: () => focus(path),
              }),
            ),
          ),
      ),
    )
  return h(Guessed.Provider, {value: guessedSet}, h(Stack, {gap: 5}, review, input.renderDefault(input)))
}

/** Every field: marked when the importer guessed it (its path without array keys, as recorded). */
export function GuessedFieldMarker(props: FieldProps) {
  const guessed = useContext(Guessed)
  const path = props.path.filter((segment) => typeof segment === 'string').join('.')
  if (!guessed.has(path)) return props.renderDefault(props)
  return h(
    Stack,
    {gap: 2, 'data-testid': 'guessed-field', 'data-path': path},
    h(
      Flex,
      null,
      h(
        Badge,
        {tone: 'caution', fontSize: 0, title: 'The importer inferred this value: check it before publishing.'},
        'Guessed by the importer',
      ),
    ),
    props.renderDefault(props),
  )
}
