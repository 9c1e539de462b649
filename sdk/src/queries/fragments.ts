// GROQ projections shared by the queries. Plain string constants so that Sanity TypeGen can
// resolve them inside each query's template literal; each one matches a model in ../models.ts.

export const IMAGE = `{
  alt, caption, credit, licence, copyrightHolder,
  "crop": crop{top, bottom, left, right},
  "hotspot": hotspot{x, y, width, height},
  "asset": asset->{_id, url, "width": metadata.dimensions.width, "height": metadata.dimensions.height, "lqip": metadata.lqip}
}`

export const MUSCLE = `{name, commonName, "slug": slug.current, region, group, function}`

export const EQUIPMENT = `{name, "slug": slug.current, kind}`

/** How a person is named and linked where they are credited (quotes, claims, inventions). */
export const PERSON_LINK = `{name, descriptor, "slug": slug.current, headline}`

/** Another document linked by name (an exercise, an article). */
export const EXERCISE_LINK = `{name, "slug": slug.current}`

export const CREDENTIAL = `{_key, kind, title, subjects, issuingBody, year, verificationUrl}`

export const PERSON_CARD = `{
  _id, name, unnamed, descriptor, "slug": slug.current, headline, roles, website,
  "photo": photo${IMAGE},
  "credentials": credentials[]${CREDENTIAL}
}`

// No `title`: it is the disclaimer's internal name in the Studio; readers see its body.
export const DISCLAIMER = `{_id, kind, body}`

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
  "equipment": equipment[]->${EQUIPMENT},
  "source": source->{title, "slug": slug.current}
}`

/** A piece of equipment in full, as an article featuring it shows it. */
export const EQUIPMENT_DETAIL = `{
  name, "slug": slug.current, kind, aliases, description, features,
  "developedBy": developedBy->${PERSON_LINK},
  "image": image${IMAGE}
}`

export const EXERCISE_GUIDE = `{
  _id, name, "slug": slug.current, aliases, summary, category, secondaryCategories, level, mechanic, force,
  "primaryMuscles": primaryMuscles[]->${MUSCLE},
  "secondaryMuscles": secondaryMuscles[]->${MUSCLE},
  "stabilizerMuscles": stabilizerMuscles[]->${MUSCLE},
  "biomechanics": biomechanics[]{_key, title, aspect, explanation, structures, "muscles": muscles[]->${MUSCLE}},
  "setups": setups[]{_key, name, instructions, "equipment": equipment[]->${EQUIPMENT}, "image": image${IMAGE}},
  "steps": steps[]{_key, instruction, phase, cues, "image": image${IMAGE}},
  "tempo": tempo{eccentricSeconds, bottomPauseSeconds, concentricSeconds, topPauseSeconds, cues},
  "commonMistakes": commonMistakes[]{_key, mistake, correction},
  "safetyNotes": safetyNotes[]{_key, note, "equipment": equipment[]->${EQUIPMENT}},
  "contraindications": contraindications[]{_key, condition, action, guidance},
  "benefits": benefits[]{
    _key, benefit, explanation,
    "muscles": muscles[]->${MUSCLE},
    "attributedTo": attributedTo->${PERSON_LINK},
    "relatedExercises": relatedExercises[]->${EXERCISE_LINK}
  },
  "prescriptions": prescriptions[]${PRESCRIPTION},
  "variations": variations[]{
    _key, name, change, description, cautions,
    "equipment": equipment[]->${EQUIPMENT},
    "emphasis": emphasis[]->${MUSCLE},
    "variantExercise": variantExercise->${EXERCISE_LINK}
  },
  "relatedExercises": relatedExercises[]{_key, relation, note, "exercise": exercise->${EXERCISE_LINK}},
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

/**
 * An article with everything its page shows, in one projection: embeds resolved, people with
 * credentials, disclaimers, image metadata. getArticle applies it to one article; public, so
 * other services (syndication) select articles their own way and get the same shape.
 */
export const ARTICLE = `{
  _id, title, "slug": slug.current, kind, topics, excerpt, givesHealthAdvice,
  "heroImage": heroImage${IMAGE},
  "body": body[]{
    _type, _key,
    _type == "block" => {...},
    _type == "exerciseEmbed" => {display, note, "exercise": exercise->${EXERCISE_GUIDE}},
    _type == "prescriptionTable" => {title, "exercise": exercise->${EXERCISE_LINK}, "prescriptions": prescriptions[]${PRESCRIPTION}},
    _type == "disclaimerCallout" => {tone, "disclaimer": disclaimer->${DISCLAIMER}},
    _type == "creditedImage" => ${IMAGE},
    _type == "citation" => {kind, claim, statisticValue, statisticUnit, sourceTitle, sourceUrl, "attributedTo": attributedTo->${PERSON_CARD}},
    _type == "pullQuote" => {quote, attribution, "speaker": speaker->${PERSON_LINK}}
  },
  "exercises": exercises[]->${EXERCISE_CARD},
  "equipment": equipment[]->${EQUIPMENT_DETAIL},
  "author": author->${PERSON_CARD},
  "reviewer": reviewer->${PERSON_CARD},
  "publisher": publisher->{_type, name, "slug": slug.current, kind, website, "logo": logo${IMAGE}},
  "disclaimers": disclaimers[]->${DISCLAIMER},
  publishedAt, updatedAt, lastReviewedAt, canonicalUrl,
  "seo": seo{title, description, noIndex, "image": image${IMAGE}},
  "syndication": syndication{licence, attributionText, allowedPartners}
}`
