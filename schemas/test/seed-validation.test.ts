// Every seed document, as the lake returns it after importing seed/spotter.ndjson (so images
// carry real asset references), passes its type's rules under Sanity's own document validation,
// custom rules included (they query the lake through the real client). And the facts of the
// three articles are reachable in structured fields with GROQ, not only in body prose.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {describeMarkers, SEED_FILE, seedIds, validate} from './support.ts'

let lake: SpawnedLake
let docs: Record<string, unknown>[]

beforeAll(async () => {
  lake = await spawnLake({seed: SEED_FILE})
  docs = await lake.client().fetch('*[_id in $ids] | order(_id asc)', {ids: seedIds})
})

afterAll(async () => {
  await lake?.stop()
})

describe('seed documents under Sanity document validation', () => {
  it('the lake holds every seed document', () => {
    expect(docs.map((d) => d._id).sort()).toEqual([...seedIds].sort())
  })

  it('images come back with real asset references', () => {
    const article = docs.find((d) => d._id === 'article-back-hyperextensions') as {
      heroImage?: {asset?: {_ref?: string}; _sanityAsset?: string}
    }
    expect(article.heroImage?._sanityAsset).toBeUndefined()
    expect(article.heroImage?.asset?._ref).toMatch(/^image-[0-9a-f]+-2400x1600-jpg$/)
  })

  it('every seed document passes', async () => {
    const failures: string[] = []
    for (const doc of docs) {
      const result = await validate(lake.client(), doc)
      if (result.status !== 'passed') failures.push(`${String(doc._id)} (${result.status}): ${describeMarkers(result.markers).join('; ')}`)
    }
    expect(failures).toEqual([])
  })
})

describe("the articles' facts live in structured fields", () => {
  const q = <T>(query: string, params: Record<string, unknown> = {}) => lake.client().fetch<T>(query, params)

  it('reverse hyper: setups with their equipment, steps, rep ranges, variations, related exercises', async () => {
    const rh = await q<Record<string, unknown>>(`*[_id == "exercise-reverse-hyperextension"][0]{
      "setups": setups[]{name, "equipment": equipment[]->slug.current},
      "steps": count(steps), "phases": steps[].phase,
      "reps": prescriptions[defined(reps)]{trainingPhase, "r": [reps.min, reps.max]},
      "variations": variations[]{change, "equipment": equipment[]->slug.current},
      "related": relatedExercises[]{relation, "slug": exercise->slug.current},
      "ballWarning": safetyNotes[references("equipment-exercise-ball")][0].note,
      "biomechanics": biomechanics[].title,
      "disclaimerKinds": disclaimers[]->kind,
      "inventor": setups[0].equipment[0]->developedBy->name
    }`)
    expect(rh.setups).toEqual([
      {name: 'Reverse hyper machine', equipment: ['reverse-hyperextension-machine']},
      {name: 'Bench', equipment: ['flat-bench']},
      {name: 'Exercise ball', equipment: ['exercise-ball']},
      {name: 'Exercise ball and bench', equipment: ['flat-bench', 'exercise-ball']},
    ])
    expect(rh.steps).toBe(5)
    expect(rh.phases).toEqual(['setup', 'start', 'concentric', 'hold', 'eccentric'])
    expect(rh.reps).toEqual([
      {trainingPhase: 'general', r: [8, 12]},
      {trainingPhase: 'strength', r: [6, 8]},
    ])
    expect(rh.variations).toEqual([
      {change: 'load', equipment: ['reverse-hyperextension-machine', 'weight-plates']},
      {change: 'load', equipment: ['dumbbell']},
      {change: 'stability', equipment: ['exercise-ball']},
    ])
    expect(rh.related).toEqual(
      ['rack-pull', 'good-morning', 'squat', 'stiff-leg-deadlift', 'leg-press'].map((slug) => ({relation: 'complements', slug})),
    )
    expect(rh.ballWarning).toMatch(/somewhat unstable/)
    expect(rh.biomechanics).toHaveLength(6)
    expect(rh.disclaimerKinds).toEqual(['medical', 'information-only'])
    expect(rh.inventor).toBe('Louis Simmons')
  })

  it('back hyperextension: "two sets of 10", twice a week at the start, 4 x 15 then a dumbbell, 3-4 x 8-15 on the machine, pad height', async () => {
    const bh = await q<Record<string, unknown>>(`*[_id == "exercise-back-hyperextension"][0]{
      "p": prescriptions[]{"sets": [sets.min, sets.max], "reps": [reps.min, reps.max], "perWeek": [frequencyPerWeek.min, frequencyPerWeek.max], placement, progressionRule{whenSets, whenReps, then}, "equipment": equipment[]->slug.current},
      "pad": variations[change == "emphasis"]{name, "muscles": emphasis[]->slug.current},
      "primary": primaryMuscles[]->name, "stabilizers": stabilizerMuscles[]->name,
      "photoCredit": media[0].credit, "photo": media[0].asset->url
    }`)
    expect(bh.p).toEqual([
      {
        sets: [2, 2],
        reps: [10, 10],
        perWeek: [2, 2],
        placement: 'start',
        progressionRule: {whenSets: 4, whenReps: 15, then: 'Hold a light dumbbell to your chest to make the exercise harder.'},
        equipment: null,
      },
      {
        sets: [3, 4],
        reps: [8, 15],
        perWeek: [null, null],
        placement: null,
        progressionRule: null,
        equipment: ['selectorized-back-extension-machine'],
      },
    ])
    expect(bh.pad).toEqual([
      {name: 'Low pad (selectorized machine)', muscles: ['hamstrings', 'gluteus-maximus']},
      {name: 'High pad (selectorized machine)', muscles: ['mid-back']},
    ])
    expect(bh.primary).toEqual(['Erector spinae'])
    expect(bh.stabilizers).toEqual(['Core and abdominals'])
    expect(bh.photoCredit).toBe('DeanDrobot/iStock/Getty Images')
    expect(bh.photo).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/images\//)
  })

  it("people: Mike Samuels' credentials, the experts' claims and records", async () => {
    const people = await q<Record<string, {credentials?: unknown; milestones?: unknown; affiliations?: unknown}>>(`{
      "mike": *[_id == "person-mike-samuels"][0]{"credentials": credentials[]{kind, title, subjects, issuingBody}, "milestones": milestones[]{year}},
      "simmons": *[_id == "person-louis-simmons"][0]{"milestones": milestones[]{kind, value, unit, age, durationYears, occurrences}},
      "poliquin": *[_id == "person-charles-poliquin"][0]{"affiliations": affiliations[]{organization, role}}
    }`)
    expect(people.mike!.credentials).toEqual([
      {kind: 'education', title: 'A Levels', subjects: ['Law', 'Business', 'Sports science'], issuingBody: 'Peter Symonds College, UK'},
      {kind: 'qualification', title: 'Personal trainer', subjects: null, issuingBody: null},
      {kind: 'qualification', title: 'Sports massage therapist', subjects: null, issuingBody: null},
      {kind: 'qualification', title: 'Corrective exercise specialist', subjects: null, issuingBody: null},
      {kind: 'accreditation', title: 'Accreditations', subjects: null, issuingBody: 'Premier Global International'},
    ])
    expect(people.mike!.milestones).toEqual([{year: 2008}])
    expect(people.simmons!.milestones).toContainEqual({
      kind: 'record',
      value: 730,
      unit: 'lb',
      age: 57,
      durationYears: null,
      occurrences: null,
    })
    expect(people.simmons!.milestones).toContainEqual({
      kind: 'career',
      value: null,
      unit: null,
      age: null,
      durationYears: 30,
      occurrences: null,
    })
    expect(people.simmons!.milestones).toContainEqual({
      kind: 'injury',
      value: null,
      unit: null,
      age: null,
      durationYears: null,
      occurrences: 2,
    })
    expect(people.poliquin!.affiliations).toEqual([{organization: 'Poliquin Performance Center', role: 'Owner'}])
  })

  it("articles: authors, publishers, disclaimers, the 80% statistic, the club's purchase", async () => {
    const a = await q<Record<string, unknown>>(`{
      "authors": *[_type == "article"] | order(_id asc){"id": _id, "author": coalesce(author->name, author->descriptor), "publisher": publisher->name, givesHealthAdvice},
      "stat": *[_id == "article-reverse-hyperextension-machine"][0].body[_type == "citation" && kind == "statistic"][0]{statisticValue, statisticUnit, sourceNote},
      "poliquin": *[_id == "article-back-hyperextensions"][0].body[_type == "citation"][0].attributedTo->name,
      "disclaimers": *[_type == "disclaimer"] | order(_id asc){kind, "text": pt::text(body)},
      "inventory": *[_id == "club-new-milford-fitness-aquatics"][0].equipmentInventory[]{acquisition, "equipment": equipment->slug.current}
    }`)
    expect(a.authors).toEqual([
      {id: 'article-back-hyperextensions', author: 'Mike Samuels', publisher: 'Demand Media', givesHealthAdvice: true},
      {id: 'article-leg-training-reverse-hyperextensions', author: null, publisher: null, givesHealthAdvice: false},
      {
        id: 'article-reverse-hyperextension-machine',
        author: 'Personal trainer at New Milford Fitness & Aquatics Club',
        publisher: 'New Milford Fitness & Aquatics Club',
        givesHealthAdvice: true,
      },
    ])
    expect(a.stat).toMatchObject({statisticValue: 80, statisticUnit: '%'})
    expect(a.poliquin).toBe('Charles Poliquin')
    expect(a.disclaimers).toEqual([
      {kind: 'medical', text: expect.stringMatching(/consult your physician/)},
      {kind: 'information-only', text: expect.stringMatching(/INFORMATION ONLY/)},
    ])
    expect(a.inventory).toEqual([{acquisition: 'purchased', equipment: 'reverse-hyperextension-machine'}])
  })
})
