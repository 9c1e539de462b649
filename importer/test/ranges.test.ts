import {describe, expect, it} from 'vitest'
import {parseNumber, parseRanges} from '../src/ranges.ts'

const facts = (text: string) => parseRanges(text).map(({kind, min, max, perSide}) => ({kind, min, max, ...(perSide ? {perSide} : {})}))

describe('parseRanges', () => {
  it.each([
    ['8 – 12 reps', [{kind: 'reps', min: 8, max: 12}]],
    ['8 — 12 repetitions', [{kind: 'reps', min: 8, max: 12}]],
    ['8-12 reps', [{kind: 'reps', min: 8, max: 12}]],
    [
      '8 – 12 reps, or 6 – 8 when in my strength training cycle',
      [
        {kind: 'reps', min: 8, max: 12},
        {kind: 'reps', min: 6, max: 8},
      ],
    ],
    [
      'two sets of 10',
      [
        {kind: 'sets', min: 2, max: 2},
        {kind: 'reps', min: 10, max: 10},
      ],
    ],
    [
      'four sets of 15',
      [
        {kind: 'sets', min: 4, max: 4},
        {kind: 'reps', min: 15, max: 15},
      ],
    ],
    ['Perform multiple (3 or 4) sets.', [{kind: 'sets', min: 3, max: 4}]],
    ['3 or 4 sets', [{kind: 'sets', min: 3, max: 4}]],
    ['moderate (8-15) repetitions', [{kind: 'reps', min: 8, max: 15}]],
    ['8 to 10 reps per side', [{kind: 'reps', min: 8, max: 10, perSide: true}]],
    ['10 reps on each leg', [{kind: 'reps', min: 10, max: 10, perSide: true}]],
    [
      'three sets of 8 to 10 reps per side',
      [
        {kind: 'sets', min: 3, max: 3},
        {kind: 'reps', min: 8, max: 10, perSide: true},
      ],
    ],
    ['twice a week', [{kind: 'frequencyPerWeek', min: 2, max: 2}]],
    ['once per week', [{kind: 'frequencyPerWeek', min: 1, max: 1}]],
    ['three times per week', [{kind: 'frequencyPerWeek', min: 3, max: 3}]],
    ['2-3 times a week', [{kind: 'frequencyPerWeek', min: 2, max: 3}]],
    ['4 days a week', [{kind: 'frequencyPerWeek', min: 4, max: 4}]],
    ['every day', [{kind: 'frequencyPerWeek', min: 7, max: 7}]],
    ['do them daily', [{kind: 'frequencyPerWeek', min: 7, max: 7}]],
    ['every other day', [{kind: 'frequencyPerWeek', min: 3, max: 4}]],
    [
      '3x10',
      [
        {kind: 'sets', min: 3, max: 3},
        {kind: 'reps', min: 10, max: 10},
      ],
    ],
    [
      '4 x 8-12',
      [
        {kind: 'sets', min: 4, max: 4},
        {kind: 'reps', min: 8, max: 12},
      ],
    ],
    ['twenty-five reps', [{kind: 'reps', min: 25, max: 25}]],
    ['12 to 8 reps', [{kind: 'reps', min: 8, max: 12}]],
    [
      'one set of twelve',
      [
        {kind: 'sets', min: 1, max: 1},
        {kind: 'reps', min: 12, max: 12},
      ],
    ],
  ])('%s', (text, expected) => {
    expect(facts(text)).toEqual(expected)
  })

  it.each([
    'Typically 1-4 will lock up, and L5-S1 will be the only mobile joint.',
    'A recent statistic says that 80% of people will deal with lower back pain.',
    'He went on to have a 30 year career, reaching a 730 pound deadlift at 57 years old.',
    'Gain 1.5 pounds per week',
    'The TLS record starts with 0x16; screens of 1920x1080.',
    'zero reps',
  ])('states no range: %s', (text) => {
    expect(facts(text)).toEqual([])
  })

  it('reads number words', () => {
    expect([parseNumber('two'), parseNumber('Twelve'), parseNumber('forty-two'), parseNumber('17'), parseNumber('many')]).toEqual([
      2,
      12,
      42,
      17,
      undefined,
    ])
  })
})
