// The wording every output shares.
import {describe, expect, it} from 'vitest'
import {credentialLabel, formatRange, isoDate, personName, prescriptionLine, tempoItems} from '../src/format.ts'
import type {PrescriptionResult} from '../src/index.ts'

const prescription = (overrides: Partial<PrescriptionResult>): PrescriptionResult => ({
  _key: 'p',
  goal: 'Strength',
  trainingPhase: null,
  audience: null,
  sets: null,
  reps: null,
  repsDescription: null,
  load: null,
  frequencyPerWeek: null,
  placement: null,
  placementNote: null,
  duration: null,
  progression: null,
  progressionRule: null,
  equipment: null,
  source: null,
  ...overrides,
})

describe('format', () => {
  it('ranges', () => {
    expect(formatRange({min: 8, max: 12})).toBe('8–12')
    expect(formatRange({min: 10, max: 10})).toBe('10')
    expect(formatRange(null)).toBeUndefined()
  })

  it('prescriptions', () => {
    expect(
      prescriptionLine(
        prescription({
          sets: {min: 4, max: 4},
          reps: {min: 15, max: 15},
          frequencyPerWeek: {min: 2, max: 2},
          placement: 'start',
          progressionRule: {whenSets: 4, whenReps: 15, then: 'Hold a light dumbbell.'},
        }),
      ),
    ).toBe('Strength: 4 sets × 15 reps, 2× per week. At the start of the workout. At 4 × 15: Hold a light dumbbell.')
    expect(prescriptionLine(prescription({repsDescription: 'High repetitions', load: 'Light weight'}))).toBe(
      'Strength: High repetitions. Light weight.',
    )
  })

  it('people and credentials', () => {
    expect(personName({name: null, descriptor: 'Personal trainer at the club'})).toBe('Personal trainer at the club')
    expect(personName({name: '  ', descriptor: null})).toBe('Unknown author')
    expect(
      credentialLabel({
        _key: 'c',
        kind: 'certification',
        title: 'CSCS',
        subjects: null,
        issuingBody: 'NSCA',
        year: 2012,
        verificationUrl: null,
      }),
    ).toBe('CSCS (Certification, NSCA, 2012)')
  })

  it('tempo and dates', () => {
    expect(
      tempoItems({
        eccentricSeconds: 3,
        bottomPauseSeconds: null,
        concentricSeconds: 1,
        topPauseSeconds: 1,
        cues: ['Pause briefly at the top.'],
      }),
    ).toEqual(['Lowering 3 s · lifting 1 s · pause at top 1 s', 'Pause briefly at the top.'])
    expect(tempoItems(null)).toEqual([])
    expect(isoDate('2024-05-01T10:00:00Z')).toBe('2024-05-01')
    expect(isoDate('yesterday')).toBeUndefined()
  })
})
