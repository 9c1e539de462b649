// What editors read in the Studio: ranges typed as text, list previews that show option titles and
// the mistake's correction, and the overview of what each group of an exercise holds.
import {describe, expect, it} from 'vitest'
import {article} from '../src/documents/article.ts'
import {exercise} from '../src/documents/exercise.ts'
import {commonMistake} from '../src/objects/commonMistake.ts'
import {exerciseRelation} from '../src/objects/exerciseRelation.ts'
import {prescription} from '../src/objects/prescription.ts'
import {range} from '../src/objects/range.ts'
import {step} from '../src/objects/step.ts'
import {formatRange, parseRange} from '../src/rules/range.ts'
import {summarizeGroups, summaryLines, type GroupedField} from '../src/studio/group-summary.ts'

type Prepare = (value: Record<string, unknown>) => {title?: string; subtitle?: string}
const prepare = (type: {preview?: unknown}) => (type.preview as {prepare: Prepare}).prepare

describe('range typed as text', () => {
  it.each([
    ['10', {min: 10, max: 10}],
    ['3', {min: 3, max: 3}],
    ['8-12', {min: 8, max: 12}],
    ['8–12', {min: 8, max: 12}],
    ['8—12', {min: 8, max: 12}],
    ['8 to 12', {min: 8, max: 12}],
    [' 10 - 15 ', {min: 10, max: 15}],
    ['0', {min: 0, max: 0}],
  ])('reads %j', (text, value) => {
    expect(parseRange(text)).toEqual({ok: true, value})
  })

  it('reads empty text as no range', () => {
    expect(parseRange('  ')).toEqual({ok: true, value: undefined})
  })

  it('explains a backwards range once, with the fix', () => {
    const result = parseRange('12-8')
    expect(result).toEqual({ok: false, message: 'The first number (12) is higher than the second (8). Write the lower one first ("8-12").'})
  })

  it.each(['ten', '8-', '-3', '8.5', '3 sets', '8-12-15'])('refuses %j and names the expected forms', (text) => {
    const result = parseRange(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/^".+" is not a range\. Write a whole number \("10"\) or two joined/)
  })

  it('writes a stored range back the way editors type it', () => {
    expect(formatRange({min: 3, max: 3})).toBe('3')
    expect(formatRange({min: 10, max: 15})).toBe('10–15')
    expect(parseRange(formatRange({min: 10, max: 15})!)).toEqual({ok: true, value: {min: 10, max: 15}})
  })

  it('the range type uses one text input instead of two number boxes', () => {
    const components = (range as {components?: {input?: {name?: string}}}).components
    expect(components?.input?.name).toBe('RangeInput')
    expect((range as {options?: {columns?: number}}).options?.columns).toBeUndefined()
  })

  it('a prescription previews "3 sets x 10–15 reps"', () => {
    expect(prepare(prescription)({goal: 'Strength', sets: {min: 3, max: 3}, reps: {min: 10, max: 15}}).subtitle).toBe('3 sets x 10–15 reps')
  })
})

describe('list previews', () => {
  it('a common mistake shows its correction', () => {
    const preview = prepare(commonMistake)({title: 'Swinging the feet', correction: 'Keep it slow and controlled.'})
    expect(preview).toEqual({title: 'Swinging the feet', subtitle: 'Instead: Keep it slow and controlled.'})
  })

  it('subtitles show option titles, not stored values', () => {
    expect(prepare(exercise)({title: 'Deadlift', category: 'strength'}).subtitle).toBe('Strength')
    expect(prepare(article)({title: 'How to hinge', kind: 'exercise-guide', author: 'Ana'}).subtitle).toBe('Exercise guide · Ana')
    expect(prepare(article)({title: 'The GHD', kind: 'equipment-spotlight'}).subtitle).toBe('Equipment spotlight')
    expect(prepare(step)({title: 'Lie face down', phase: 'concentric'}).subtitle).toBe('Lifting (concentric)')
    expect(prepare(exerciseRelation)({title: 'Good morning', relation: 'progression'}).subtitle).toBe('Progression (harder)')
  })
})

describe('exercise groups', () => {
  const fields = exercise.fields as unknown as GroupedField[]
  const groups = exercise.groups!

  it('the overview counts what every other group holds', () => {
    const items = (n: number) => Array.from({length: n}, (_, i) => ({_key: String(i)}))
    const value = {setups: items(2), steps: items(3), prescriptions: items(1), commonMistakes: items(1), safetyNotes: items(1)}
    expect(summaryLines(summarizeGroups(fields, groups, value, 'overview'))).toEqual([
      'Muscles: nothing yet',
      'Technique: 2 setups, 3 steps, 1 common mistake',
      'Safety: 1 safety note',
      'Programming: 1 prescription',
      'Media: nothing yet',
    ])
  })
})
