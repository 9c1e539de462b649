// The exercise library: text search and filters (muscle, equipment, level, category) that offer
// only values some exercise has, so every choice finds something.
import type {Metadata} from 'next'
import {pageMetadata} from '../../lib/meta.ts'
import {listExercises, vocabulary, type ExerciseCardResult, type ListExercisesInput} from '@spotter/sdk'
import {ExerciseList} from '../../components/exercise-list.tsx'
import {count, label} from '../../lib/links.ts'
import {load} from '../../lib/load.ts'

export const generateMetadata = (): Promise<Metadata> =>
  pageMetadata({
    title: 'Exercise library',
    description: 'Every exercise in our library, by muscle, equipment, level and category, with how-to guides.',
    path: '/exercises',
  })

interface Facet {
  value: string
  label: string
}

type Search = Record<string, string | string[] | undefined>
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined

export default async function Library({searchParams}: {searchParams: Promise<Search>}) {
  const query = await searchParams
  const all = (await load(listExercises, {pageSize: 100})).items
  const facets = facetsOf(all)
  // Only values on offer are applied: a stale or typed-in value is ignored, not a page of nothing.
  const pick = (facet: Facet[], value: string | undefined) => facet.find((f) => f.value === value)?.value
  const filters: ListExercisesInput = {
    muscle: pick(facets.muscle, one(query.muscle)),
    equipment: pick(facets.equipment, one(query.equipment)),
    level: vocabulary.exerciseLevels.find((l) => l === pick(facets.level, one(query.level))),
    category: vocabulary.exerciseCategories.find((c) => c === pick(facets.category, one(query.category))),
    search: one(query.q)?.slice(0, 100),
  }
  const filtered = Object.values(filters).some(Boolean)
  const result = filtered ? await load(listExercises, {...filters, pageSize: 100}) : {items: all, total: all.length}
  return (
    <>
      <h1>Exercise library</h1>
      <search aria-label="Find exercises">
        <form className="filters" method="get" action="/exercises">
          <p>
            <label htmlFor="filter-q">Search</label>
            <input id="filter-q" type="search" name="q" defaultValue={filters.search ?? ''} />
          </p>
          <Select name="muscle" title="Muscle" options={facets.muscle} value={filters.muscle} />
          <Select name="equipment" title="Equipment" options={facets.equipment} value={filters.equipment} />
          <Select name="level" title="Level" options={facets.level} value={filters.level} />
          <Select name="category" title="Category" options={facets.category} value={filters.category} />
          <p>
            <button type="submit">Show exercises</button>
            {filtered ? <a href="/exercises">Clear filters</a> : null}
          </p>
        </form>
      </search>
      <p role="status" className="result-count">
        {filtered ? `${count(result.total, 'exercise')} found` : `${count(result.total, 'exercise')} in the library`}
      </p>
      {result.items.length ? (
        <ExerciseList exercises={result.items} heading="h2" />
      ) : (
        <p>No exercise matches. Try fewer words or another filter.</p>
      )}
    </>
  )
}

function Select({name, title, options, value}: {name: string; title: string; options: Facet[]; value: string | undefined}) {
  if (options.length === 0) return null
  return (
    <p>
      <label htmlFor={`filter-${name}`}>{title}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </p>
  )
}

/** The values the exercises have, each once, sorted by label. */
export function facetsOf(exercises: readonly ExerciseCardResult[]): Record<'muscle' | 'equipment' | 'level' | 'category', Facet[]> {
  const maps = {
    muscle: new Map<string, string>(),
    equipment: new Map<string, string>(),
    level: new Map<string, string>(),
    category: new Map<string, string>(),
  }
  for (const e of exercises) {
    for (const m of e.primaryMuscles ?? []) if (m.slug) maps.muscle.set(m.slug, m.commonName ?? m.name)
    for (const s of e.setups ?? []) for (const q of s.equipment ?? []) if (q.slug) maps.equipment.set(q.slug, q.name)
    if (e.level) maps.level.set(e.level, label(e.level))
    maps.category.set(e.category, label(e.category))
  }
  const sorted = (map: Map<string, string>) =>
    [...map].map(([value, text]) => ({value, label: text})).sort((a, b) => a.label.localeCompare(b.label))
  return {muscle: sorted(maps.muscle), equipment: sorted(maps.equipment), level: sorted(maps.level), category: sorted(maps.category)}
}
