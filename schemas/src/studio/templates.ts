// Initial values: a new exercise starts with one setup, one step and one prescription, so the
// editor sees the shape of a complete exercise; category and kind lists pre-fill their value.
import type {Template, TemplateResolver} from 'sanity'
import {typeNames} from '../schema-types.ts'

/** Array items need a `_key`; the Studio makes its own the same way (random, 12 characters). */
export function newKey(): string {
  const bytes = new Uint8Array(6)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function newExerciseValue(): Record<string, unknown> {
  return {
    setups: [{_type: 'exerciseSetup', _key: newKey()}],
    steps: [{_type: 'step', _key: newKey()}],
    prescriptions: [{_type: 'prescription', _key: newKey()}],
  }
}

const exerciseInCategory: Template = {
  id: 'exercise-in-category',
  title: 'Exercise in category',
  schemaType: typeNames.exercise,
  parameters: [{name: 'category', type: 'string'}],
  value: (params: {category?: string} = {}) => ({...newExerciseValue(), ...(params.category ? {category: params.category} : {})}),
}

const articleOfKind: Template = {
  id: 'article-of-kind',
  title: 'Article of kind',
  schemaType: typeNames.article,
  parameters: [{name: 'kind', type: 'string'}],
  value: (params: {kind?: string} = {}) => (params.kind ? {kind: params.kind} : {}),
}

export const templates: TemplateResolver = (previous) => [
  ...previous.map((template) => (template.id === typeNames.exercise ? {...template, value: () => newExerciseValue()} : template)),
  exerciseInCategory,
  articleOfKind,
]
