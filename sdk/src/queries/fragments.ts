// GROQ projections shared by the queries. Plain string constants so that Sanity TypeGen can
// resolve them inside each query's template literal; each one matches a model in ../models.ts.

export const IMAGE = `{
  alt, caption, credit, licence, copyrightHolder,
  "crop": crop{top, bottom, left, right},
  "hotspot": hotspot{x, y, width, height},
  "asset": asset->{_id, url, "width": metadata.dimensions.width, "height": metadata.dimensions.height, "lqip": metadata.lqip}
}`

export const MUSCLE = `{name, commonName, "slug": slug.current, region, group}`

export const EQUIPMENT = `{name, "slug": slug.current, kind}`

export const CREDENTIAL = `{_key, kind, title, subjects, issuingBody, year, verificationUrl}`

export const PERSON_CARD = `{
  _id, name, unnamed, descriptor, "slug": slug.current, headline, roles, website,
  "photo": photo${IMAGE},
  "credentials": credentials[]${CREDENTIAL}
}`

export const DISCLAIMER = `{_id, title, kind, body}`

export const EXERCISE_CARD = `{
  _id, name, "slug": slug.current, aliases, summary, category, level, mechanic, force,
  "primaryMuscles": primaryMuscles[]->${MUSCLE},
  "setups": setups[]{_key, name, "equipment": equipment[]->${EQUIPMENT}},
  "image": media[0]${IMAGE}
}`

export const PRESCRIPTION = `{
  _key, goal, trainingPhase, audience,
  "sets": sets{min, max}, "reps": reps{min, max}, repsDescription, load,
  "frequencyPerWeek": frequencyPerWeek{min, max}, placement, placementNote, duration, progression,
  "progressionRule": progressionRule{whenSets, whenReps, then},
  "equipment": equipment[]->${EQUIPMENT}
}`

export const EXERCISE_GUIDE = `{
  _id, name, "slug": slug.current, aliases, summary, category, secondaryCategories, level, mechanic, force,
  "primaryMuscles": primaryMuscles[]->${MUSCLE},
  "secondaryMuscles": secondaryMuscles[]->${MUSCLE},
  "stabilizerMuscles": stabilizerMuscles[]->${MUSCLE},
  "biomechanics": biomechanics[]{_key, title, aspect, explanation, structures},
  "setups": setups[]{_key, name, instructions, "equipment": equipment[]->${EQUIPMENT}, "image": image${IMAGE}},
  "steps": steps[]{_key, instruction, phase, cues, "image": image${IMAGE}},
  "tempo": tempo{eccentricSeconds, bottomPauseSeconds, concentricSeconds, topPauseSeconds, cues},
  "commonMistakes": commonMistakes[]{_key, mistake},
  "safetyNotes": safetyNotes[]{_key, note, "equipment": equipment[]->${EQUIPMENT}},
  "contraindications": contraindications[]{_key, condition, action},
  "benefits": benefits[]{_key, benefit, explanation},
  "prescriptions": prescriptions[]${PRESCRIPTION},
  "variations": variations[]{
    _key, name, change, description, cautions,
    "equipment": equipment[]->${EQUIPMENT},
    "variantExercise": variantExercise->{name, "slug": slug.current}
  },
  "relatedExercises": relatedExercises[]{_key, relation, note, "exercise": exercise->{name, "slug": slug.current}},
  "media": media[]${IMAGE},
  "disclaimers": disclaimers[]->${DISCLAIMER},
  "author": author->${PERSON_CARD},
  "reviewer": reviewer->${PERSON_CARD},
  reviewedAt
}`

export const ARTICLE_CARD = `{
  _id, title, "slug": slug.current, kind, excerpt, topics, publishedAt,
  "heroImage": heroImage${IMAGE},
  "author": author->{name, unnamed, descriptor, "slug": slug.current}
}`
