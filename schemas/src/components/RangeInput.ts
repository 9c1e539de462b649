// The range object's input: one text box where editors type a range as they write it ("8-12",
// "8 to 12", "10"). It stores {min, max} as before, says what it read, and explains a mistake
// once (the stored value is left as it was until the text reads as a range).
import {Stack, Text, TextInput} from '@sanity/ui'
import {createElement, useEffect, useId, useState, type ChangeEvent, type ReactElement} from 'react'
import {set, unset, type ObjectInputProps} from 'sanity'
import {formatRange, parseRange, type RangeValue} from '../rules/range.ts'

// Untyped props: @sanity/ui's prop unions defeat createElement's overloads (no JSX in .ts files).
const h = createElement as (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => ReactElement

/** What the editor sees under the box for a stored range. */
export function describeRange(value: {min: number; max: number}): string {
  return value.min === value.max ? `Stored: exactly ${value.min}` : `Stored: from ${value.min} to ${value.max}`
}

export function RangeInput(props: ObjectInputProps<RangeValue>) {
  const {value, onChange, readOnly, id} = props
  const stored = formatRange(value) ?? ''
  const [text, setText] = useState(stored)
  const [left, setLeft] = useState(false)
  const hintId = useId()
  const parsed = parseRange(text)

  // Someone else (or Undo) changed the value: show it, unless the box already says the same.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new stored value resets the box; typing must not
  useEffect(() => {
    const current = parseRange(text)
    const same = current.ok && current.value?.min === value?.min && current.value?.max === value?.max
    if (!same) setText(stored)
  }, [value?.min, value?.max])

  const onText = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.currentTarget.value
    setText(next)
    const result = parseRange(next)
    if (!result.ok) return
    if (result.value === undefined) onChange(unset())
    else if (result.value.min !== value?.min || result.value.max !== value?.max) {
      onChange(set({_type: 'range', ...value, min: result.value.min, max: result.value.max}))
    }
  }

  const hint = !parsed.ok
    ? left
      ? parsed.message
      : 'Write a number or a range ("8-12").'
    : parsed.value
      ? describeRange(parsed.value)
      : 'Empty: write a number ("3") or a range ("8-12").'
  return h(
    Stack,
    {space: 2},
    h(TextInput, {
      id,
      value: text,
      readOnly: Boolean(readOnly),
      placeholder: 'e.g. 8-12',
      inputMode: 'text',
      'aria-describedby': hintId,
      onChange: onText,
      onBlur: () => setLeft(true),
      onFocus: () => setLeft(false),
    }),
    h(
      Text,
      {
        id: hintId,
        size: 1,
        muted: parsed.ok,
        'data-testid': 'range-hint',
        style: parsed.ok ? undefined : {color: 'var(--card-badge-critical-dot-color, #d03f3f)'},
      },
      hint,
    ),
  )
}
