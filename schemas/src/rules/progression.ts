import type {CustomValidator} from 'sanity'
import {publishedId, VALIDATION_API_VERSION} from './ids.ts'

interface Edge {
  relation?: string
  exercise?: {_ref?: string}
}

interface ExerciseEdges {
  _id: string
  name?: string
  relatedExercises?: Edge[] | null
}

/** Stop following a chain after this many exercises: a safety net, not a design limit. */
const MAX_VISITED = 500

/**
 * Exercises strictly harder than each of `ids`, in the published dataset: the targets of their
 * own `progression` edges, plus every exercise that lists one of them as a `regression`.
 */
const HARDER_QUERY = `{
  "forward": *[_type == "exercise" && _id in $ids]{_id, "to": relatedExercises[relation == "progression"].exercise._ref},
  "backward": *[_type == "exercise" && count(relatedExercises[relation == "regression" && exercise._ref in $ids]) > 0]{
    _id, "from": relatedExercises[relation == "regression" && exercise._ref in $ids].exercise._ref
  }
}`

interface HarderResult {
  forward: {_id: string; to: string[] | null}[]
  backward: {_id: string; from: string[] | null}[]
}

function edgesOf(doc: ExerciseEdges, relation: string): string[] {
  return (doc.relatedExercises ?? []).flatMap((edge) =>
    edge?.relation === relation && typeof edge.exercise?._ref === 'string' ? [edge.exercise._ref] : [],
  )
}

/**
 * Runs on `exercise.relatedExercises`. "A progression B" means B is harder than A; "A regression C"
 * means C is easier. Walking "harder than" from this exercise (its edges as edited, the rest as
 * published) must never arrive back at it, nor at an exercise it calls a regression.
 */
export const noProgressionCycle: CustomValidator<unknown> = async (_value, context) => {
  const doc = context.document as ExerciseEdges | undefined
  if (!doc?._id) return true
  const self = publishedId(doc._id)
  const start = edgesOf(doc, 'progression').filter((id) => id !== self)
  const easier = new Set(edgesOf(doc, 'regression'))
  if (edgesOf(doc, 'progression').includes(self) || easier.has(self)) return cycle(doc, [self, self])
  // No early return for an exercise without edges of its own: other exercises' edges alone
  // (X progression -> this, this regression-of Y) can still put it on a loop.

  const client = context.getClient({apiVersion: VALIDATION_API_VERSION}).withConfig({perspective: 'published'})
  // Breadth-first over "harder than", remembering how each exercise was reached for the message.
  const cameFrom = new Map<string, string>(start.map((id) => [id, self]))
  let frontier = start
  // Exercises that list this one as a regression are harder than it, too.
  const firstHop = await client.fetch<HarderResult>(HARDER_QUERY, {ids: [self]}, {signal: context.signal})
  for (const row of firstHop.backward) {
    if (row._id !== self && !cameFrom.has(row._id)) {
      cameFrom.set(row._id, self)
      frontier = [...frontier, row._id]
    }
  }
  while (frontier.length > 0 && cameFrom.size < MAX_VISITED) {
    const back = frontier.find((id) => easier.has(id))
    if (back) return cycle(doc, [...pathTo(back, cameFrom, self), self])
    const result = await client.fetch<HarderResult>(
      HARDER_QUERY,
      {ids: frontier},
      {signal: context.signal, tag: 'validation.progression-cycle'},
    )
    const next: string[] = []
    const visit = (from: string, to: string) => {
      if (to === self) return true
      if (!cameFrom.has(to)) {
        cameFrom.set(to, from)
        next.push(to)
      }
      return false
    }
    for (const row of result.forward) {
      // The edited document's own edges come from the form, not from the lake.
      if (row._id === self) continue
      for (const to of row.to ?? []) if (visit(row._id, to)) return cycle(doc, [...pathTo(row._id, cameFrom, self), self])
    }
    for (const row of result.backward) {
      // Its regressions come from the form too (checked against `easier` above).
      if (row._id === self) continue
      for (const from of row.from ?? []) {
        if (!frontier.includes(from)) continue
        visit(from, row._id)
      }
    }
    frontier = next
  }
  return true
}

function pathTo(id: string, cameFrom: Map<string, string>, self: string): string[] {
  const path = [id]
  let current = id
  while (current !== self && path.length <= MAX_VISITED) {
    const previous = cameFrom.get(current)
    if (!previous) break
    path.unshift(previous)
    current = previous
  }
  return path
}

function cycle(doc: ExerciseEdges, chain: string[]) {
  return {
    code: 'spotter.progression-cycle',
    message: `Progression chain loops back to this exercise (${chain.join(' → ')}). An exercise cannot be harder than itself: remove or change one of the progression/regression links.`,
    details: {chain},
  }
}
