// Every field an editor can fill in the types the SDK renders reaches the SDK: each is returned
// by some SDK query, or listed as editorial-only with its reason (support/editorial-only.ts).
// Fields come from the compiled schema (Sanity's createSchema over the schema types); what the
// queries return is read from their GROQ, parsed with groq-js (support/projected-fields.ts).
import {describe, expect, it} from 'vitest'
import {schemaTypes} from '../../schemas/src/index.ts'
import {schema} from '../../schemas/test/support.ts'
import * as sdk from '../src/index.ts'
import {EDITORIAL_ONLY} from './support/editorial-only.ts'
import {projectedFields, reachableTypes, type CompiledSchema} from './support/projected-fields.ts'

const compiled = schema as unknown as CompiledSchema
const ownTypes = new Set(schemaTypes.map((t) => t.name))

/** The query of every query definition the SDK's public entry exports. */
const queries = Object.entries(sdk)
  .filter(([, value]) => typeof value === 'object' && value !== null && 'query' in value && 'schema' in value && 'params' in value)
  .map(([name, value]) => ({name, query: (value as {query: string}).query}))

const {fields: projected, types: projectedTypes} = projectedFields(
  queries.map((q) => q.query),
  compiled,
  ownTypes,
)
const renderedTypes = reachableTypes(projectedTypes, compiled, ownTypes)
const schemaFields = [...renderedTypes].flatMap((type) => (compiled.get(type)?.fields ?? []).map((f) => `${type}.${f.name}`))

describe('fields the SDK returns', () => {
  it('reads every query definition and reaches every document type', () => {
    expect(queries.map((q) => q.name).sort()).toEqual(
      [
        'exercisesForEquipment',
        'getArticle',
        'getClub',
        'getExercise',
        'getPerson',
        'listArticles',
        'listExercises',
        'relatedExercises',
      ].sort(),
    )
    for (const type of ['article', 'exercise', 'person', 'club', 'equipment', 'muscle', 'disclaimer', 'organization'])
      expect(renderedTypes).toContain(type)
  })

  it('queries every field of the rendered types, or lists it as editorial-only', () => {
    expect(schemaFields.length).toBeGreaterThan(150)
    expect(schemaFields.filter((field) => !projected.has(field) && !(field in EDITORIAL_ONLY))).toEqual([])
  })

  it('never queries an editorial-only field', () => {
    expect(Object.keys(EDITORIAL_ONLY).filter((field) => projected.has(field))).toEqual([])
  })

  it('lists only fields the compiled schema has, each with a reason', () => {
    expect(Object.keys(EDITORIAL_ONLY).filter((field) => !schemaFields.includes(field))).toEqual([])
    for (const reason of Object.values(EDITORIAL_ONLY)) expect(reason.length).toBeGreaterThan(20)
  })
})

describe('the projection walk', () => {
  const walk = (query: string) => projectedFields([query], compiled, ownTypes).fields

  it('notices a field dropped from a query', () => {
    expect(walk(sdk.getExerciseQuery)).toContain('commonMistake.correction')
    expect(walk(sdk.getExerciseQuery.replace('mistake, correction', 'mistake'))).not.toContain('commonMistake.correction')
  })

  it('counts fields returned through references, array members, conditional splats and `...`', () => {
    const fields = walk(`*[_type == "article"][0]{
      "who": author->{headline},
      "body": body[]{_type == "pullQuote" => {quote}, _type == "citation" => {...}},
      "exercise": exercises[0]->{"steps": steps[]{cues}}
    }`)
    expect([...fields].sort()).toEqual(
      [
        'article.author',
        'article.body',
        'article.exercises',
        'person.headline',
        'pullQuote.quote',
        'exercise.steps',
        'step.cues',
        ...(compiled.get('citation')!.fields ?? []).map((f) => `citation.${f.name}`),
      ].sort(),
    )
  })

  it('does not count fields read only to filter, order or count', () => {
    expect([...walk(`*[_type == "exercise" && defined(summary) && "x" in aliases] | order(level asc){name, "n": count(steps)}`)]).toEqual([
      'exercise.name',
    ])
  })
})
