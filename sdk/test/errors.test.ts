import * as z from 'zod'
import {describe, expect, it} from 'vitest'
import {ResultMismatchError} from '../src/errors.ts'
import {parseResult} from '../src/query-definition.ts'

const schema = z.object({
  name: z.string(),
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  steps: z.array(z.object({text: z.string()})),
  'odd key': z.number().optional(),
})
const definition = {name: 'getExercise', root: 'exercise', schema}

describe('ResultMismatchError', () => {
  it('lists every problem as path: message (value)', () => {
    const raw = {name: 42, level: 'expert', steps: [{text: 'a'}, {text: 'b'}, {text: null}], 'odd key': 'x'}
    let error: unknown
    try {
      parseResult(definition, raw)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ResultMismatchError)
    const mismatch = error as ResultMismatchError
    expect(mismatch.query).toBe('getExercise')
    expect(mismatch.problems.map((p) => p.path)).toEqual([
      'exercise.name',
      'exercise.level',
      'exercise.steps[2].text',
      'exercise["odd key"]',
    ])
    const lines = mismatch.message
      .split('\n')
      .slice(1)
      .map((line) => line.trim())
    expect(lines).toEqual([
      'exercise.name: expected string, received number (42)',
      'exercise.level: expected "beginner" | "intermediate" | "advanced", received string ("expert")',
      'exercise.steps[2].text: expected string, received null',
      'exercise["odd key"]: expected number, received string ("x")',
    ])
    expect(mismatch.message).toMatch(/^getExercise: the result does not match its schema \(4 problems\):/)
    expect(mismatch.message).not.toMatch(/"code"|invalid_type/)
  })

  it('reports a missing result', () => {
    expect(() => parseResult(definition, null)).toThrow('exercise: expected object, received null')
  })

  it('returns the parsed data when it matches', () => {
    const raw = {name: 'Reverse hyper', level: 'beginner', steps: []}
    expect(parseResult(definition, raw)).toEqual(raw)
  })
})
