// One article in, its drafts out: the article with its Portable Text body, the exercise it
// teaches, the people it names, new disclaimers, equipment and related exercises, each matched to
// what the dataset holds first. Ids are derived from source, type and name, so a second run
// produces the same documents.
import {htmlToBody, isHeading, textOf, type HtmlParser, type TextBlock} from './body.ts'
import {Catalog, publishedId, type CatalogDocument} from './catalog.ts'
import {isStandIn, knownNames, newFields} from './known-names.ts'
import {detectFormat, ImportError, type Format} from './detect.ts'
import {
  MEDICAL,
  readMistakeItem,
  readMuscles,
  readPrescriptions,
  readStepItem,
  SAFETY,
  type Mistake,
  type MuscleLinks,
  type Prescription,
  type Step,
} from './exercise-facts.ts'
import {BYLINE, experts, firstPersonRole, readBio, REVIEWER_LINE} from './people.ts'
import {parseRanges} from './ranges.ts'
import {markdownToHtml, textToHtml} from './to-html.ts'
import {capitalize, hash, matchTokens, sentences, similarity, singular, slugify} from './words.ts'

export interface ImportInfo {
  _type: 'importInfo'
  source: string
  importedAt: string
  format: Format
  guessedFields: string[]
}
export interface Draft {
  _id: string
  _type: string
  importInfo: ImportInfo
  [field: string]: unknown
}
export interface ImportOptions {
  /** What the article is called in `importInfo.source` and in ids: its path or URL. */
  source: string
  text: string
  catalog: Catalog
  importedAt: string
  /** The DOM the HTML is read with (the browser's DOMParser, or linkedom in Node). */
  parseHtml: HtmlParser
}

type Ref = {_type: 'reference'; _ref: string; _key?: string; _weak?: boolean; _strengthenOnPublish?: {type: string}}

const STEPS_SECTION = /\b(?:perform|performance|technique|how to|instructions?|steps?|execution|directions|method)\b/i
const MISTAKES_SECTION = /\b(?:mistakes?|errors?|avoid|don['’]ts)\b/i
const RELATED_SECTION = /\b(?:exercises|alternatives|related|similar|also try)\b/i
const VARIATION_ITEM = /^([^:.]{3,50}):\s+(.+)$/
const DISCLAIMER_BLOCK = /^(?:disclosure|disclaimer|medical disclaimer|note)\s*:\s*/i
const MUSCLES_SECTION = /\b(?:muscles?|purpose|targets?|worked|benefits?)\b/i
const STATISTIC = /(\d+(?:\.\d+)?)\s*(%|percent\b)/i

export function importArticle({source, text, catalog: dataset, importedAt, parseHtml}: ImportOptions): Draft[] {
  const catalog = new Catalog([...dataset.documents, ...knownNames(dataset.documents)])
  const format = detectFormat(text)
  const html = format === 'html' ? text : format === 'markdown' ? markdownToHtml(text) : textToHtml(text)
  const parsed = htmlToBody(html, hash(source, 'body'), parseHtml)
  let blocks = parsed.blocks
  const words = blocks
    .filter((b) => b._type === 'block' && !isHeading(b))
    .map(textOf)
    .join(' ')
    .split(/\s+/)
    .filter(Boolean).length
  if (words < 40)
    throw new ImportError(
      `${source}: no article found (${words} words of body text after removing page chrome; an article needs paragraphs of prose)`,
    )
  const title = parsed.title ?? (blocks.find(isHeading) ? textOf(blocks.find(isHeading)!) : undefined)
  if (!title) throw new ImportError(`${source}: no article title found (no <h1>, <title> or first heading)`)
  blocks = blocks.filter((b) => !(isHeading(b) && similarity(textOf(b), title) === 1))

  const drafts = new Map<string, Draft>()
  const info = (guessed: string[] = []): ImportInfo => ({
    _type: 'importInfo',
    source,
    importedAt,
    format,
    guessedFields: [...new Set(guessed)].sort(),
  })
  const keyOf = (...parts: string[]) => hash(source, ...parts).slice(0, 12)
  /** A reference to what the catalog holds, or to a new draft made for it. */
  const refTo = (type: string, doc: CatalogDocument | undefined, make: (() => Draft) | undefined, key?: string): Ref => {
    // A draft this source made before is written again (a second run updates it); anything else is referenced.
    if (doc?._id.startsWith('drafts.') && (doc.importInfo as ImportInfo | undefined)?.source === source) {
      const draft = make?.()
      if (draft?._id === doc._id) doc = undefined
      else {
        if (draft) drafts.delete(draft._id)
        const {_rev, _createdAt, _updatedAt, ...again} = doc
        drafts.set(doc._id, {...again, importInfo: info((doc.importInfo as ImportInfo).guessedFields)} as Draft)
      }
    }
    if (!doc && !make) throw new Error(`no ${type} to reference`)
    const id = doc ? publishedId(doc._id) : publishedId(make!()._id)
    const publishedExists = doc && !doc._id.startsWith('drafts.')
    const ref: Ref = {_type: 'reference', _ref: id, ...(key ? {_key: key} : {})}
    return publishedExists ? ref : {...ref, _weak: true, _strengthenOnPublish: {type}}
  }
  const newDraft = (type: string, name: string, fields: Record<string, unknown>, guessed: string[] = []): Draft => {
    const id = `drafts.${type}-${slugify(name)}-${hash(source, type, name.toLowerCase()).slice(0, 6)}`
    const existing = drafts.get(id)
    if (existing) return existing
    const draft: Draft = {_id: id, _type: type, ...fields, importInfo: info(guessed)}
    drafts.set(id, draft)
    return draft
  }
  const refsTo = (type: string, docs: CatalogDocument[], tag: string) =>
    docs.map((d) => {
      const ref = isStandIn(d)
        ? refTo(type, undefined, () =>
            newDraft(
              type,
              String(d.name),
              {name: d.name, slug: {_type: 'slug', current: slugify(String(d.name))}, ...newFields(d)},
              Object.keys(newFields(d)).filter((k) => k !== 'name'),
            ),
          )
        : refTo(type, d, undefined)
      // Keyed by what it points at, so a second run (when the new draft exists) gives the same key.
      return {...ref, _key: keyOf(tag, ref._ref)}
    })

  // Bylines (author, reviewer), their bio paragraphs, and the publisher line
  let authorName: string | undefined
  let reviewerName: string | undefined
  const bios = new Map<string, string>()
  let publisher: CatalogDocument | undefined
  blocks = blocks.filter((b) => {
    const t = textOf(b).trim()
    const byline = BYLINE.exec(t)
    const reviewer = REVIEWER_LINE.exec(t)
    if (byline && !authorName) authorName = byline[1]
    if (reviewer && !reviewerName) reviewerName = reviewer[1]
    return !byline && !reviewer
  })
  for (const name of [authorName, reviewerName]) {
    if (!name) continue
    blocks = blocks.filter((b) => {
      const t = textOf(b)
      if (
        !bios.has(name) &&
        t.startsWith(name) &&
        t.split(/\s+/).length > 12 &&
        /\b(?:graduated|qualified|certified|degree|writing|trainer|coach|specialist|years|physician|physiotherapist|licensed)\b/i.test(t)
      ) {
        bios.set(name, t)
        return false
      }
      return true
    })
  }
  const last = blocks.at(-1)
  if (last && textOf(last).split(/\s+/).length <= 6) {
    publisher = catalog.find('organization', textOf(last)) ?? catalog.find('club', textOf(last))
    if (publisher) blocks = blocks.slice(0, -1)
  }

  // The exercise the article teaches: named by its title, matched to the catalog by name or alias
  const exerciseName = taughtExercise(title, catalog)
  const firstProse = blocks
    .filter((b) => b._type === 'block' && !isHeading(b))
    .slice(0, 3)
    .map(textOf)
    .join(' ')
  const aliases = aliasesOf(exerciseName, firstProse)
  const existingExercise = [exerciseName, ...aliases].map((n) => catalog.find('exercise', n)).find(Boolean)
  const exerciseNames = [
    exerciseName,
    ...aliases,
    ...(existingExercise ? [existingExercise.name ?? '', ...(existingExercise.aliases ?? [])] : []),
  ].filter(Boolean)

  const steps: Step[] = []
  const mistakes: Mistake[] = []
  const safety: {note: string; equipment: CatalogDocument[]}[] = []
  const contraindications: {condition: string; guidance: string}[] = []
  const variations: {name: string; description: string; change: string; equipment: CatalogDocument[]; cautions: string[]}[] = []
  const setups: {name: string; equipment: CatalogDocument[]; instructions?: string}[] = []
  const prescriptions: Prescription[] = []
  const related: {name: string; doc?: CatalogDocument; note?: string}[] = []
  const muscles: MuscleLinks = {primary: [], secondary: [], stabilizer: []}
  const disclaimers: Ref[] = []
  const people: Ref[] = []
  const guessed = new Set<string>(['category'])
  const body: Record<string, unknown>[] = []
  let section: string | undefined
  let lastStepAt: number | undefined
  const exerciseId = existingExercise
    ? publishedId(existingExercise._id)
    : publishedId(`exercise-${slugify(exerciseName)}-${hash(source, 'exercise', exerciseName.toLowerCase()).slice(0, 6)}`)
  const exerciseRef = (key?: string): Ref => ({
    _type: 'reference',
    _ref: exerciseId,
    ...(key ? {_key: key} : {}),
    ...(existingExercise && !existingExercise._id.startsWith('drafts.') ? {} : {_weak: true, _strengthenOnPublish: {type: 'exercise'}}),
  })
  const articleId = `drafts.article-${slugify(title)}-${hash(source, 'article', title.toLowerCase()).slice(0, 6)}`
  const articleRef = (key: string): Ref => ({
    _type: 'reference',
    _ref: publishedId(articleId),
    _key: key,
    _weak: true,
    _strengthenOnPublish: {type: 'article'},
  })
  const equipmentIn = (t: string) => catalog.mentioned(t, ['equipment'])
  const namesExercise = (t: string) =>
    exerciseNames.some((n) => {
      const a = matchTokens(n).join(' ')
      return ` ${matchTokens(t).join(' ')} `.startsWith(` ${a} `)
    })

  const mentionsExercise = (t: string) => {
    const words = ` ${matchTokens(t).join(' ')} `
    return exerciseNames.some((n) => words.includes(` ${matchTokens(n).join(' ')} `))
  }

  const disclaimerFor = (t: string): Ref => {
    const statement = t.replace(DISCLAIMER_BLOCK, '')
    const best = catalog
      .ofType('disclaimer')
      .map((d) => ({d, score: similarity(statement, richText(d.body))}))
      .sort((a, b) => b.score - a.score)[0]
    const medical = MEDICAL.test(statement)
    const ref =
      best && best.score >= 0.6
        ? refTo('disclaimer', best.d, undefined, keyOf('disclaimer', best.d._id))
        : refTo(
            'disclaimer',
            undefined,
            () =>
              newDraft(
                'disclaimer',
                `${title} ${medical ? 'medical' : 'information-only'}`,
                {
                  title: `${medical ? 'Consult a doctor' : 'Information only'}: ${title}`,
                  kind: medical ? 'medical' : 'information-only',
                  body: [plainBlock(statement, keyOf('disclaimer-body', statement))],
                },
                ['title', 'kind'],
              ),
            keyOf('disclaimer', statement),
          )
    if (!disclaimers.some((d) => d._ref === ref._ref)) disclaimers.push(ref)
    return ref
  }

  for (const b of blocks) {
    const t = textOf(b).replace(/\s+/g, ' ').trim()
    if (b._type === 'creditedImage') {
      const {src: _src, ...image} = b
      body.push(image)
      if (image.alt === image.caption) guessed.add('body.alt')
      continue
    }
    if (isHeading(b)) {
      // "Reverse hyper using a bench": a picture's caption naming a setup.
      const caption = /^(.+?)\s+(?:using|on|with)\s+(.+)$/i.exec(t)
      const equipment = caption ? equipmentIn(caption[2]!) : []
      if (caption && namesExercise(caption[1]!) && equipment.length > 0) {
        addSetup(equipment)
        continue
      }
      section = t
      body.push(b as unknown as Record<string, unknown>)
      continue
    }
    const item = (b as TextBlock).listItem !== undefined
    if (DISCLAIMER_BLOCK.test(t) || (MEDICAL.test(t) && !item) || (item && MEDICAL.test(t) && section && MISTAKES_SECTION.test(section))) {
      const ref = disclaimerFor(t)
      body.push({
        _type: 'disclaimerCallout',
        _key: keyOf('callout', t),
        disclaimer: {
          _type: 'reference',
          _ref: ref._ref,
          ...(ref._weak ? {_weak: true, _strengthenOnPublish: ref._strengthenOnPublish} : {}),
        },
        tone: MEDICAL.test(t) ? 'caution' : 'info',
      })
      if (item) readSafety(t)
      continue
    }
    body.push(b)
    const ranges = parseRanges(t)
    if (item && section && STEPS_SECTION.test(section) && ranges.length === 0) {
      const read = readStepItem(t)
      steps.push(...read.steps)
      mistakes.push(...read.mistakes)
      guessed.add('steps.phase')
      lastStepAt = body.length
    } else if (item && section && MISTAKES_SECTION.test(section)) {
      const variation = VARIATION_ITEM.exec(t)
      if (variation) readVariation(variation[1]!, variation[2]!)
      else if (SAFETY.test(t)) readSafety(t)
      else {
        mistakes.push(readMistakeItem(t))
      }
    } else if (item && section && RELATED_SECTION.test(section) && t.split(/\s+/).length <= 6) {
      const doc = catalog.find('exercise', t) ?? catalog.mentioned(t, ['exercise'])[0]
      related.push({name: t, doc, note: section})
    }
    if (ranges.length > 0) {
      const read = readPrescriptions(t, section)
      for (const p of read.prescriptions) prescriptions.push(p)
      for (const g of read.guessed) guessed.add(`prescriptions.${g}`)
      if (read.prescriptions.length > 0) {
        body.push({
          _type: 'prescriptionTable',
          _key: keyOf('table', t),
          title: section ?? 'Sets and reps',
          exercise: exerciseRef(),
          prescriptions: read.prescriptions.map((p, i) => ({_type: 'prescription', _key: keyOf('table-p', t, String(i)), ...rangesOf(p)})),
        })
      }
    }
    readMuscles(
      t,
      catalog,
      muscles,
      (s) =>
        MUSCLES_SECTION.test(section ?? '') ||
        /^(?:they|it|this (?:exercise|movement)|the (?:exercise|movement))\b/i.test(s) ||
        mentionsExercise(s),
    )
    for (const s of sentences(t)) {
      // "performed either using a hyperextension bench or on a mat on the floor": setups
      if (/\b(?:performed|done|preformed|perform(?:ed)? them)\b.*\b(?:on|using|with)\b/i.test(s)) {
        for (const part of s.split(/\bor\b|,/)) {
          addSetup(equipmentIn(part))
        }
      }
      const stat = STATISTIC.exec(s)
      if (stat) {
        const named =
          /\b(?:according to|reports? (?:by|from)|published (?:by|in)|study (?:by|from)|data from)\s+(?:the\s+)?([A-Z][\w&'’.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&'’.-]*)*)/.exec(
            s,
          )
        const claim = s
          .replace(
            /^(?:a |the )?(?:recent )?(?:statistic|study|survey|report|research)\s+(?:says|shows|found|suggests)\s+(?:that\s+)?/i,
            '',
          )
          .replace(/^.*?\b(?:says|shows|found|suggests) that\s+/i, '')
        body.push({
          _type: 'citation',
          _key: keyOf('citation', s),
          kind: 'statistic',
          claim: capitalize(claim),
          statisticValue: Number(stat[1]),
          statisticUnit: '%',
          ...(named ? {sourceTitle: named[1]} : {sourceNote: 'The article does not name the source.'}),
        })
      }
    }
    const role = firstPersonRole(t)
    if (role && !authorName) {
      const club = catalog.mentioned(blocks.map(textOf).join(' '), ['club'])[0]
      const descriptor = club ? `${role} at ${club.name}` : role
      const existing = catalog.find('person', descriptor)
      people.push(
        refTo(
          'person',
          existing,
          () =>
            newDraft(
              'person',
              descriptor,
              {
                unnamed: true,
                descriptor,
                slug: {_type: 'slug', current: slugify(descriptor)},
                roles: ['author'],
                credentials: [{_type: 'credential', _key: keyOf('credential', role), kind: 'qualification', title: role}],
                ...(club
                  ? {affiliations: [{_type: 'affiliation', _key: keyOf('affiliation'), club: refTo('club', club, undefined), role}]}
                  : {}),
              },
              ['descriptor', 'roles'],
            ),
          keyOf('person', descriptor),
        ),
      )
    }
    for (const expert of experts(t)) {
      const existing = catalog.find('person', expert.name)
      const ref = refTo('person', existing, () =>
        newDraft(
          'person',
          expert.name,
          {
            name: expert.name,
            slug: {_type: 'slug', current: slugify(expert.name)},
            roles: ['expert'],
            ...(expert.headline ? {headline: expert.headline} : {}),
            ...(expert.affiliation
              ? {affiliations: [{_type: 'affiliation', _key: keyOf('affiliation', expert.name), ...expert.affiliation}]}
              : {}),
          },
          ['roles', 'headline'],
        ),
      )
      const said = new RegExp(`${expert.name.split(' ')[0]}[^.]*?\\b(?:says|said|recommends|believes|explains) that\\s+([^.]+\\.)`).exec(t)
      if (said)
        body.push({
          _type: 'citation',
          _key: keyOf('quote', expert.name),
          kind: 'expert-opinion',
          claim: capitalize(said[1]!),
          attributedTo: {...ref, _key: undefined},
        })
    }
  }

  // The steps as the exercise shows them, after the list that states them.
  if (lastStepAt !== undefined) {
    while ((body[lastStepAt] as {listItem?: string} | undefined)?.listItem) lastStepAt++
    body.splice(lastStepAt, 0, {_type: 'exerciseEmbed', _key: keyOf('embed', 'steps'), exercise: exerciseRef(), display: 'steps'})
  }

  function addSetup(equipment: CatalogDocument[]) {
    const ids = equipment
      .map((e) => e._id)
      .sort()
      .join(' ')
    if (
      equipment.length === 0 ||
      setups.some(
        (x) =>
          x.equipment
            .map((e) => e._id)
            .sort()
            .join(' ') === ids,
      )
    )
      return
    setups.push({name: capitalize(equipment.map((e) => (e.name as string).toLowerCase()).join(' and ')), equipment})
  }
  function readSafety(t: string) {
    for (const s of sentences(t)) {
      const consult = /^(?:particularly\s+)?if you (?:currently )?have\s+(.+?)(?:,)?\s+you should\s+(consult .+)$/i.exec(s)
      if (consult) contraindications.push({condition: capitalize(consult[1]!), guidance: capitalize(consult[2]!)})
      else if (SAFETY.test(s) || /^(?:make sure|you must|be sure)\b/i.test(s)) safety.push({note: s, equipment: equipmentIn(s)})
      else if (safety.length > 0) safety.at(-1)!.note += ` ${s}`
    }
  }
  function readVariation(label: string, text: string) {
    const cautions = sentences(text).filter((s) => /^(?:make sure|be careful|be sure|don['’]t|never)\b/i.test(s))
    const parts = sentences(text).filter((s) => !cautions.includes(s))
    const change = /weight|load|dumbbell|plate|heav/i.test(label + text)
      ? 'load'
      : /unstable|ball|balance/i.test(text)
        ? 'stability'
        : 'equipment'
    for (const s of parts) {
      const equipment = equipmentIn(s.replace(/^if you don['’]t have (?:an?\s+)?[^,]+,/i, '').replace(/^.*?\bif your gym has\b/i, ''))
      const doing = /\b(?:simply\s+)?((?:add|place|hold|use|put|attach|wear)\b.+)$/i.exec(s)
      if (!doing) continue
      const name = `${capitalize(singular(label.toLowerCase()))}${equipment[0] ? ` (${(equipment[0].name as string).toLowerCase()})` : ''}`
      variations.push({name, change, description: sentence(s), equipment, cautions})
    }
    guessed.add('variations.change')
  }

  const exerciseFacts =
    steps.length +
    prescriptions.length +
    setups.length +
    muscles.primary.length +
    muscles.secondary.length +
    muscles.stabilizer.length +
    mistakes.length +
    variations.length
  if (exerciseFacts === 0 && !existingExercise) {
    throw new ImportError(
      `${source}: no exercise article found in "${title}": the text states no steps, sets or reps, muscles worked, setups or mistakes`,
    )
  }

  const relatedRefs = related.map((r) =>
    refTo('exercise', r.doc, () =>
      newDraft(
        'exercise',
        singularName(r.name),
        {name: singularName(r.name), slug: {_type: 'slug', current: slugify(singularName(r.name))}, category: 'strength'},
        ['category'],
      ),
    ),
  )

  // The exercise draft (a new one, or the existing one with what this article adds)
  const exerciseFields: Record<string, unknown> = {
    name: capitalize(exerciseName),
    slug: {_type: 'slug', current: slugify(exerciseName)},
    ...(aliases.length ? {aliases} : {}),
    category: 'strength',
    primaryMuscles: refsTo('muscle', muscles.primary, 'primary'),
    secondaryMuscles: refsTo('muscle', muscles.secondary, 'secondary'),
    stabilizerMuscles: refsTo('muscle', muscles.stabilizer, 'stabilizer'),
    setups: setups.map((s) => ({
      _type: 'exerciseSetup',
      _key: keyOf('setup', s.name),
      name: s.name,
      equipment: refsTo('equipment', s.equipment, `setup-${s.name}`),
    })),
    steps: steps.map((s) => ({
      _type: 'step',
      _key: keyOf('step', s.instruction),
      instruction: s.instruction,
      ...(s.phase ? {phase: s.phase} : {}),
      ...(s.cues.length ? {cues: s.cues} : {}),
    })),
    commonMistakes: mistakes.map((m) => ({
      _type: 'commonMistake',
      _key: keyOf('mistake', m.mistake),
      mistake: m.mistake,
      ...(m.correction ? {correction: m.correction} : {}),
    })),
    safetyNotes: safety.map((s) => ({
      _type: 'safetyNote',
      _key: keyOf('safety', s.note),
      note: s.note,
      ...(s.equipment.length ? {equipment: refsTo('equipment', s.equipment, `safety-${s.note}`)} : {}),
    })),
    contraindications: contraindications.map((c) => ({
      _type: 'contraindication',
      _key: keyOf('contra', c.condition),
      condition: c.condition,
      action: 'consult-physician',
      guidance: c.guidance,
    })),
    disclaimers: disclaimers.map((d) => ({...d, _key: keyOf('exercise-disclaimer', d._ref)})),
    prescriptions: prescriptions.map((p, i) => ({
      _type: 'prescription',
      _key: keyOf('prescription', String(i), JSON.stringify(p)),
      ...rangesOf(p),
      source: articleRef(keyOf('source', String(i))),
    })),
    variations: variations.map((v) => ({
      _type: 'exerciseVariation',
      _key: keyOf('variation', v.name, v.description),
      name: v.name,
      change: v.change,
      description: v.description,
      equipment: refsTo('equipment', v.equipment, `variation-${v.name}`),
      ...(v.cautions.length ? {cautions: v.cautions} : {}),
    })),
    relatedExercises: related.map((r, i) => ({
      _type: 'exerciseRelation',
      _key: keyOf('related', r.name),
      relation: 'complements',
      exercise: relatedRefs[i],
      ...(r.note ? {note: r.note} : {}),
    })),
  }
  if (related.length) guessed.add('relatedExercises.relation')
  if (muscles.primary.length + muscles.secondary.length) guessed.add('primaryMuscles').add('secondaryMuscles')
  for (const [k, v] of Object.entries(exerciseFields)) if (Array.isArray(v) && v.length === 0) delete exerciseFields[k]
  const exercise: Draft = existingExercise
    ? mergeInto(existingExercise, exerciseFields, info([...guessed]))
    : {_id: `drafts.${exerciseId}`, _type: 'exercise', ...exerciseFields, importInfo: info([...guessed])}
  drafts.set(exercise._id, exercise)

  // The author and the reviewer, from bylines and bios
  const personFromBio = (name: string, role: 'author' | 'reviewer'): Ref => {
    const bio = bios.get(name)
    const read = bio ? readBio(bio) : {credentials: [], milestones: []}
    return refTo('person', catalog.find('person', name), () =>
      newDraft(
        'person',
        name,
        {
          name,
          slug: {_type: 'slug', current: slugify(name)},
          roles: [role],
          ...(bio ? {bio} : {}),
          ...(read.credentials.length
            ? {credentials: read.credentials.map((c) => ({...c, _key: keyOf('credential', JSON.stringify(c))}))}
            : {}),
          ...(read.milestones.length ? {milestones: read.milestones.map((m) => ({...m, _key: keyOf('milestone', m.summary)}))} : {}),
        },
        ['roles', 'credentials.kind'],
      ),
    )
  }
  let author = authorName ? personFromBio(authorName, 'author') : undefined
  const reviewer = reviewerName ? personFromBio(reviewerName, 'reviewer') : undefined
  author ??= people[0]

  const equipment = catalog.mentioned(
    blocks
      .filter((b) => b._type === 'block')
      .map(textOf)
      .join('\n'),
    ['equipment'],
  )
  const excerpt = sentences(firstProse.replace(/^[^:]{3,40}:\s+(?=[A-Z])/, ''))
    .slice(0, 1)
    .join(' ')
  const medicalAdvice = disclaimers.length > 0 || contraindications.length > 0
  const article: Draft = {
    _id: articleId,
    _type: 'article',
    title,
    slug: {_type: 'slug', current: slugify(title)},
    kind: 'exercise-guide',
    ...(excerpt ? {excerpt} : {}),
    body: body.map((b) => (b._type === 'block' ? normalizeBlock(b as unknown as TextBlock) : b)),
    givesHealthAdvice: medicalAdvice,
    exercises: [
      exerciseRef(keyOf('article-exercise')),
      ...related.map((r, i) => ({...relatedRefs[i]!, _key: keyOf('article-related', r.name)})),
    ],
    ...(equipment.length ? {equipment: refsTo('equipment', equipment, 'article-equipment')} : {}),
    ...(author ? {author: {...author, _key: undefined}} : {}),
    ...(reviewer ? {reviewer: {...reviewer, _key: undefined}} : {}),
    ...(publisher ? {publisher: refTo(publisher._type, publisher, undefined)} : {}),
    ...(disclaimers.length ? {disclaimers} : {}),
    importInfo: info(['kind', 'excerpt', 'givesHealthAdvice', 'slug']),
  }
  drafts.set(article._id, article)
  return [...drafts.values()].map(dropUndefined)
}

/** "Leg Training – Reverse Hyperextensions" -> "Reverse hyperextension"; "The X Machine" -> "X". */
function taughtExercise(title: string, catalog: Catalog): string {
  const segment = title
    .split(/\s+[–—|:-]\s+|:\s+/)
    .at(-1)!
    .replace(/^(?:the|how to (?:do|perform)(?: an?| the)?)\s+/i, '')
    .trim()
  const exercise = catalog.find('exercise', segment)
  if (exercise?.name) return exercise.name
  const equipment = catalog.find('equipment', segment)
  const name = equipment ? String(equipment.name).replace(/\s+(?:machine|bench|apparatus|station|rack)$/i, '') : segment
  const words = name.split(/\s+/)
  return capitalize([...words.slice(0, -1), singular(words.at(-1)!.toLowerCase())].join(' ').toLowerCase())
}

/** "Reverse hyperextensions (reverse hypers)", "Hyperextensions, or back extensions as they are also called", "also known as X". */
function aliasesOf(name: string, prose: string): string[] {
  const head = matchTokens(name).slice(-1)[0]!
  const found: string[] = []
  for (const m of prose.matchAll(/([A-Za-z-]+(?:\s+[A-Za-z-]+){0,3})\s+\(([^)]{3,40})\)/g)) {
    if (matchTokens(m[1]!).includes(head)) found.push(m[2]!)
  }
  for (const m of prose.matchAll(
    /\b(?:or|also (?:known|called) as|aka)\s+([a-z][a-z -]{3,40}?)(?:\s+as they are (?:also )?called|,|\.)/gi,
  )) {
    if (matchTokens(m[0]!).length > 1 && /as they are|known|called|aka/i.test(m[0]!)) found.push(m[1]!)
  }
  return [...new Set(found.map((a) => capitalize(a.trim().toLowerCase())))].filter(
    (a) => matchTokens(a).join(' ') !== matchTokens(name).join(' '),
  )
}

const singularName = (name: string) => {
  const words = name.trim().split(/\s+/)
  return capitalize([...words.slice(0, -1), singular(words.at(-1)!.toLowerCase())].join(' ').toLowerCase())
}
const sentence = (s: string) => capitalize(/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`)

function rangesOf(p: Prescription) {
  const range = (r: {min: number; max: number} | undefined) => (r ? {_type: 'range', ...r} : undefined)
  return dropUndefined({
    ...p,
    sets: range(p.sets),
    reps: range(p.reps),
    frequencyPerWeek: range(p.frequencyPerWeek),
    progressionRule: p.progressionRule ? {_type: 'progressionRule', ...p.progressionRule} : undefined,
  })
}

function richText(body: unknown): string {
  return Array.isArray(body) ? body.map((b) => (b?.children ?? []).map((c: {text?: string}) => c.text ?? '').join('')).join(' ') : ''
}
const plainBlock = (text: string, key: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: `${key}s`, text, marks: []}],
})

function normalizeBlock(b: TextBlock) {
  return {...b, children: b.children.map((c) => ({...c, text: c.text.replace(/\s+/g, ' ')}))}
}

/** The existing exercise with this import's facts: scalars filled where empty, array items added
 * (an item already there, by key or by what it says, is replaced, not repeated). */
function mergeInto(existing: CatalogDocument, fields: Record<string, unknown>, importInfo: ImportInfo): Draft {
  const {_rev, _createdAt, _updatedAt, ...base} = existing as Record<string, unknown>
  const merged: Record<string, unknown> = {...base, _id: `drafts.${publishedId(existing._id)}`}
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'name' || k === 'slug') continue
    const current = merged[k]
    if (Array.isArray(v) && Array.isArray(current)) {
      const kept = current.filter((c: {_key?: string}) => !v.some((n: {_key?: string}) => n._key === c._key))
      const same = (c: unknown, n: unknown) => {
        const ref = (x: unknown) => (x as {_ref?: string})._ref
        return ref(c) !== undefined ? ref(c) === ref(n) : similarity(textsOf(c), textsOf(n)) >= 0.75
      }
      const added = v.filter((n) => !kept.some((c) => same(c, n)))
      merged[k] = [...kept, ...added]
    } else if (current === undefined || current === '' || (Array.isArray(current) && current.length === 0)) {
      merged[k] = v
    }
  }
  return {...merged, _type: 'exercise', importInfo} as Draft
}

/** The words of an array item (its strings, nested), for telling whether two items say the same. */
function textsOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map(textsOf).join(' ')
  if (value && typeof value === 'object')
    return Object.entries(value)
      .filter(([k]) => !k.startsWith('_'))
      .map(([, v]) => textsOf(v))
      .join(' ')
  return ''
}

function dropUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
