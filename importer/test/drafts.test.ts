// Articles the rules were not written for (an HTML page and a Markdown file), and the shape of
// every draft against the compiled Spotter schema.
import {describe, expect, it} from 'vitest'
import {schema} from '../../schemas/test/support.ts'
import type {Draft} from '../src/article.ts'
import {join} from 'node:path'
import {ROOT, seedArticleFiles} from '../bench/facts.ts'
import {fixture, importOnSeed} from './support.ts'

type Doc = Draft & Record<string, any>
const byType = (drafts: Draft[], type: string) => drafts.filter((d) => d._type === type) as Doc[]

describe('an HTML page', () => {
  const drafts = importOnSeed(fixture('goblet-squat.html'))
  const [exercise] = byType(drafts, 'exercise')
  const [article] = byType(drafts, 'article')
  const person = byType(drafts, 'person').find((p) => p.name === 'Jane Doe')

  it('gives the exercise its ordered steps with cues, ranges and mistakes with corrections', () => {
    expect(exercise!.name).toBe('Goblet squat')
    expect(exercise!.steps.map((s: {phase: string}) => s.phase)).toEqual(['setup', 'eccentric', 'hold', 'concentric'])
    expect(exercise!.steps[1].cues).toEqual(['Keep your chest up.'])
    expect(exercise!.prescriptions).toHaveLength(1)
    const [p] = exercise!.prescriptions
    expect([p.sets, p.reps, p.frequencyPerWeek].map((r: {min: number; max: number}) => [r.min, r.max])).toEqual([
      [3, 3],
      [8, 10],
      [2, 3],
    ])
    expect(exercise!.commonMistakes.map((m: {mistake: string; correction: string}) => [m.mistake, m.correction])).toEqual([
      ['Let your knees cave in.', 'Push them out over your toes.'],
      ['Round your lower back.', 'Brace your core before each rep.'],
    ])
  })

  it('links what the dataset has and drafts only what it lacks', () => {
    const refs = (field: string) => (exercise![field] ?? []).map((r: {_ref: string}) => r._ref)
    expect(refs('primaryMuscles')).toContain('muscle-gluteus-maximus')
    expect(refs('secondaryMuscles')).toEqual(['muscle-core'])
    const quads = byType(drafts, 'muscle')
    expect(quads.map((m) => [m.name, m.group])).toEqual([['Quadriceps', 'quadriceps']])
    expect(refs('primaryMuscles')).toContain(quads[0]!._id.replace('drafts.', ''))
    const equipment = article!.equipment.map((r: {_ref: string}) => r._ref)
    expect(equipment).toContain('equipment-dumbbell')
    expect(byType(drafts, 'equipment').map((e) => e.name)).toEqual(['Kettlebell'])
    expect(byType(drafts, 'exercise')).toHaveLength(1)
  })

  it('keeps the picture with alt, caption, credit and licence, and the author with structured credentials', () => {
    const image = article!.body.find((b: {_type: string}) => b._type === 'creditedImage')
    expect(image).toMatchObject({
      alt: 'A man holding a dumbbell at his chest in a deep squat',
      caption: 'The bottom of a goblet squat.',
      credit: 'John Smith',
      licence: 'CC BY 4.0',
    })
    expect(article!.author._ref).toBe(person!._id.replace('drafts.', ''))
    expect(person!.credentials.map(({_key, _type, ...c}: Record<string, unknown>) => c)).toEqual([
      {kind: 'degree', title: "bachelor's degree", subjects: ['Kinesiology'], issuingBody: 'University of Bath', year: 2011},
      {kind: 'certification', title: 'Strength and conditioning specialist'},
      {kind: 'certification', title: 'Certifications', issuingBody: 'NSCA', year: 2014},
    ])
  })

  it('drafts the reviewer from the "reviewed by" line and their bio', () => {
    const reviewer = byType(drafts, 'person').find((p) => p.name === 'Sam Patel')
    expect(article!.reviewer._ref).toBe(reviewer!._id.replace('drafts.', ''))
    expect(reviewer!.roles).toEqual(['reviewer'])
    expect(reviewer!.credentials.map(({_key, _type, ...c}: Record<string, unknown>) => c)).toEqual([
      {kind: 'degree', title: "master's degree", subjects: ['Physiotherapy'], issuingBody: "King's College London", year: 2015},
      {kind: 'licence', title: 'Physiotherapist'},
    ])
    expect(JSON.stringify(article!.body)).not.toContain('reviewed by')
  })

  it('records where every draft came from and what was guessed', () => {
    for (const d of drafts) {
      expect(d._id.startsWith('drafts.')).toBe(true)
      expect(d.importInfo).toMatchObject({
        _type: 'importInfo',
        source: fixture('goblet-squat.html'),
        importedAt: '2026-01-01T00:00:00.000Z',
        format: 'html',
      })
    }
    expect(exercise!.importInfo.guessedFields).toEqual(expect.arrayContaining(['steps.phase', 'prescriptions.trainingPhase']))
  })
})

describe('a Markdown file', () => {
  const drafts = importOnSeed(fixture('glute-bridge.md'))
  const [exercise] = byType(drafts, 'exercise')
  it('reads ranges per side and every day, and the image from Markdown', () => {
    const ranges = exercise!.prescriptions.map((p: Record<string, {min: number; max: number} | string>) =>
      Object.fromEntries(
        Object.entries(p)
          .filter(([k]) => ['sets', 'reps', 'frequencyPerWeek', 'repsDescription'].includes(k))
          .map(([k, v]) => [k, typeof v === 'string' ? v : [v.min, v.max]]),
      ),
    )
    expect(ranges).toEqual([
      {sets: [2, 3], reps: [12, 15], frequencyPerWeek: [7, 7]},
      {reps: [8, 10], repsDescription: '8 to 10 reps per side'},
    ])
    expect(exercise!.importInfo.format).toBe('markdown')
    const [article] = byType(drafts, 'article')
    expect(article!.body.find((b: {_type: string}) => b._type === 'creditedImage')).toMatchObject({
      credit: 'Ana Lee',
      alt: 'A woman doing a glute bridge on a mat',
    })
    expect(article!.equipment.map((r: {_ref: string}) => r._ref)).toEqual(['equipment-floor-mat'])
  })
})

/** Every field a draft holds is a field of its schema type (nothing the Studio would call unknown). */
function unknownFields(value: unknown, typeName: string, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries())
      if (item && typeof item === 'object' && '_type' in item) unknownFields(item, (item as {_type: string})._type, `${path}[${i}]`, out)
    return
  }
  if (!value || typeof value !== 'object' || typeName === 'block' || typeName === 'reference' || typeName === 'slug') return
  const type = schema.get(typeName) as {fields?: {name: string; type: {name: string; jsonType: string; to?: unknown}}[]} | undefined
  if (!type?.fields) return out.push(`${path}: unknown type ${typeName}`) as unknown as void
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith('_')) continue
    const field = type.fields.find((f) => f.name === key)
    if (!field) out.push(`${path}.${key} (${typeName})`)
    else if (field.type.jsonType === 'object') unknownFields(v, (v as {_type?: string})?._type ?? field.type.name, `${path}.${key}`, out)
    else if (field.type.jsonType === 'array') unknownFields(v, field.type.name, `${path}.${key}`, out)
    else if (field.type.jsonType !== typeof v && !(field.type.jsonType === 'string' && typeof v === 'string'))
      out.push(`${path}.${key}: ${typeof v}, the schema says ${field.type.jsonType}`)
  }
}

describe('draft shape', () => {
  it('every field of every draft is in the Spotter schema, with the right JSON type', () => {
    const drafts = importOnSeed(...seedArticleFiles(), fixture('goblet-squat.html'), fixture('glute-bridge.md'))
    const problems: string[] = []
    for (const d of drafts) unknownFields(d, d._type, d._id, problems)
    expect(problems).toEqual([])
  })
})

describe('disclaimers', () => {
  it('a disclaimer saying what an existing one says is referenced; a new one becomes a draft', async () => {
    const fs = await import('node:fs')
    const os = await import('node:os')
    const file = join(fs.mkdtempSync(join(os.tmpdir(), 'importer-')), 'plank.md')
    fs.writeFileSync(
      file,
      [
        '# The Plank',
        '',
        'The plank is a core exercise that primarily targets your core and abdominals. Hold it for time, and build up slowly over a few weeks of practice.',
        '',
        'Disclaimer: The content of this page is for general education and is no substitute for advice from a qualified coach who has seen you move.',
        '',
        'Make sure you are in adequate health to perform this exercise properly. Particularly if you currently have lower back injuries you should consult your physician before beginning any new fitness program or adding this exercise to your current training program.',
        '',
        '## How to Do It',
        '',
        '1. Lie face down on a mat with your forearms on the floor.',
        '2. Raise your hips until your body forms a straight line.',
      ].join('\n'),
    )
    const drafts = importOnSeed(file)
    fs.rmSync(join(file, '..'), {recursive: true, force: true})
    const [article] = byType(drafts, 'article')
    const created = byType(drafts, 'disclaimer')
    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({kind: 'information-only'})
    expect(JSON.stringify(created[0]!.body)).toContain('no substitute for advice from a qualified coach')
    expect(article!.disclaimers.map((r: {_ref: string}) => r._ref).sort()).toEqual(
      [created[0]!._id.replace('drafts.', ''), 'disclaimer-consult-physician'].sort(),
    )
    expect(article!.body.filter((b: {_type: string}) => b._type === 'disclaimerCallout')).toHaveLength(2)
  })
})

describe('what is not an exercise article', () => {
  it('is refused with the reason: the repository README has a title and prose but no exercise', () => {
    expect(() => importOnSeed(join(ROOT, 'README.md'))).toThrow(/README\.md: no exercise article found in "Spotter"/)
  })
})
