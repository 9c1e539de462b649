// Facts about an exercise read from article blocks: steps with cues, prescriptions as ranges,
// common mistakes with corrections, safety notes, contraindications, variations, setups, muscles.
import type {Catalog, CatalogDocument} from './catalog.ts'
import {parseRanges, type Range} from './ranges.ts'
import {capitalize, sentences} from './words.ts'

export type Phase = 'setup' | 'start' | 'concentric' | 'hold' | 'eccentric'
export interface Step {
  instruction: string
  phase?: Phase
  cues: string[]
}
export interface Prescription {
  goal?: string
  trainingPhase?: string
  sets?: Range
  reps?: Range
  repsDescription?: string
  frequencyPerWeek?: Range
  placement?: string
  placementNote?: string
  duration?: string
  load?: string
  progression?: string
  progressionRule?: {whenSets?: number; whenReps?: number; then: string}
}
export interface Mistake {
  mistake: string
  correction?: string
}

const PHASES: [RegExp, Phase][] = [
  [/^(?:lie|lay|stand|sit|kneel|position|set up|grip|grab|hold the|place|adjust|get into|assume|step)\b/i, 'setup'],
  [/^(?:begin|start)\b/i, 'start'],
  [/^(?:pause|hold|squeeze|stay)\b/i, 'hold'],
  [/^(?:lower|return|bring (?:it|them|your \w+) (?:back )?down|descend|release|slowly lower)\b/i, 'eccentric'],
  [/^(?:raise|lift|push|pull|press|drive|extend|curl|row|swing|squat up|stand up|rise)\b/i, 'concentric'],
]
export const phaseOf = (instruction: string) => PHASES.find(([re]) => re.test(instruction))?.[1]

const NEGATIVE = /\b(?:don['’]t|do not|never|avoid)\s+/i
/** "lowering your feet" -> "lower your feet": a gerund clause as an instruction. */
function imperative(clause: string): string {
  return capitalize(
    clause.replace(/^(\w+?)(?:ing)\b/, (_, stem: string) =>
      /(.)\1$/.test(stem) && !/ll$|ss$/.test(stem)
        ? stem.slice(0, -1)
        : /[^aeiou][aeiou][sz]$|at$|iv$|ak$|rac$/.test(stem)
          ? `${stem}e`
          : stem,
    ),
  )
}
const sentence = (s: string) => {
  const t = s.trim().replace(/\s+/g, ' ')
  return /[.!?]$/.test(t) ? capitalize(t) : `${capitalize(t)}.`
}

/** Steps from one list item of a "how to" section; a negative cue also yields a mistake. */
export function readStepItem(text: string): {steps: Step[]; mistakes: Mistake[]} {
  const steps: Step[] = []
  const mistakes: Mistake[] = []
  for (const s of sentences(text)) {
    // "Pause briefly in this position before lowering your feet ..." is two steps.
    const before = /^(.+?)\s+before\s+(\w+ing\b.+)$/i.exec(s)
    const parts = before ? [sentence(before[1]!), sentence(imperative(before[2]!))] : [s]
    for (const part of parts) {
      const negative = /^(.*?),?\s*but\s+((?:don['’]t|do not|never)\s+.+)$/i.exec(part)
      if (negative) {
        mistakes.push({mistake: sentence(negative[2]!.replace(NEGATIVE, '')), correction: sentence(negative[1]!)})
      }
      const last = steps.at(-1)
      const isCue = last && (/^(?:keep|make sure|try|remember|focus|don['’]t|do not|never|avoid|your|if)\b/i.test(part) || !phaseOf(part))
      if (last && /^(?:continue|then|repeat|until)\b/i.test(part)) last.instruction = `${last.instruction} ${part}`
      else if (isCue) last.cues.push(part)
      else if (/^if\b/i.test(part) && last) last.cues.push(part)
      else steps.push({instruction: part, phase: phaseOf(part), cues: []})
    }
  }
  return {steps, mistakes}
}

/** A list item of a "mistakes" section: the first sentence is the mistake, the rest corrects it. */
export function readMistakeItem(text: string): Mistake {
  const [first, ...rest] = sentences(text)
  return {mistake: sentence(first!.replace(NEGATIVE, '')), correction: rest.length > 0 ? rest.join(' ') : undefined}
}

export const SAFETY = /\b(?:adequate health|be aware|unstable|injur(?:y|ies|ed)|consult|physician|doctor|caution|careful|risk|pain)\b/i
export const MEDICAL =
  /\b(?:consult(?:ed)?\s+(?:with\s+)?(?:your|a)\s+(?:physician|doctor|physiotherapist)|doctor should\b|physician\b.*\bbefore\b)/i

const PHASE_WORDS: [RegExp, string][] = [
  [/\brehab/i, 'rehabilitation'],
  [/\bstrength (?:training )?(?:cycle|phase|block)\b/i, 'strength'],
  [/\bhypertrophy|muscle mass|size\b/i, 'hypertrophy'],
  [/\bfirst few sessions|beginner|new to\b/i, 'introductory'],
]
const PLACEMENT: [RegExp, string][] = [
  [/\b(?:at the (?:start|beginning) of (?:your |the )?(?:workout|session)|first in your workout)\b/i, 'start'],
  [/\b(?:at the end of (?:your |the )?(?:workout|session)|to finish)\b/i, 'end'],
  [/\bsupplement(?:ary|al)\b/i, 'supplementary'],
  [/\b(?:main|primary) (?:lift|exercise)\b/i, 'main'],
]
const WHEN_YOU_CAN = /^(?:when|once)\s+you\s+can\s+(?:do|perform|complete|manage)\s+(.+?),\s*(.+)$/i

/** The prescriptions one paragraph states; "or 6 – 8 when ..." is an alternative prescription. */
export function readPrescriptions(text: string, section: string | undefined): {prescriptions: Prescription[]; guessed: string[]} {
  const out: Prescription[] = []
  const guessed = new Set<string>()
  let current: Prescription | undefined
  const all = sentences(text)
  for (const s of all) {
    const rule = WHEN_YOU_CAN.exec(s)
    if (rule && current) {
      const r = parseRanges(rule[1]!)
      current.progressionRule = {
        whenSets: r.find((x) => x.kind === 'sets')?.min,
        whenReps: r.find((x) => x.kind === 'reps')?.min,
        then: sentence(rule[2]!),
      }
      continue
    }
    const ranges = parseRanges(s)
    const progression = /\b((?:gradually |slowly )?(?:increase|add)\b[^.;]*?\b(?:weight|load|sets|reps|repetitions)\b[^.;]*)/i.exec(s)
    if (progression && current) current.progression = sentence(progression[1]!)
    if (progression && ranges.length === 0) continue
    const contexts: [Prescription, number][] = []
    for (const [i, r] of ranges.entries()) {
      const isAlternative =
        current !== undefined &&
        r.kind === 'reps' &&
        current.reps !== undefined &&
        /\bor\b/.test(s.slice(ranges[i - 1]?.index ?? 0, r.index))
      if (!current || isAlternative || (current[r.kind] !== undefined && !isAlternative)) {
        current = {}
        out.push(current)
        contexts.push([current, r.index])
        if (isAlternative) {
          const tail = /^\s*(?:reps?|repetitions?)?\s*(?:when|during|for|in)\s+(?:in\s+)?(?:my|your|a|the)?\s*([^,.;]+)/i.exec(
            s.slice(r.index + r.text.length),
          )
          if (tail) current.goal = capitalize(tail[1]!.trim())
        }
      }
      current[r.kind] = {min: r.min, max: r.max}
      if (r.perSide && r.kind === 'reps') current.repsDescription = /\b(?:per|each)\b/i.test(r.text) ? r.text : `${r.text} per side`
    }
    // A prescription's own words: its sentence, cut where an alternative starts.
    if (current && contexts.length === 0) contexts.push([current, 0])
    for (const [j, [p, start]] of contexts.entries()) {
      const own = s.slice(j === 0 ? 0 : start, contexts[j + 1]?.[1] ?? s.length)
      for (const [re, phase] of PHASE_WORDS) if (!p.trainingPhase && re.test(`${p.goal ?? ''} ${own}`)) p.trainingPhase = phase
    }
    for (const p of out) {
      for (const [re, placement] of PLACEMENT) if (!p.placement && re.test(text)) p.placement = placement
      const load = /\b(?:start with|use)\s+((?:a\s+)?(?:light|moderate|heavy)\s+(?:weight|load)s?)\b/i.exec(s)
      if (load && p === current) p.load = capitalize(load[0]!)
      const duration = /\bfor the first (?:few|\w+) (?:sessions|weeks|workouts)\b/i.exec(s)
      if (duration && p === current) p.duration = capitalize(duration[0]!)
    }
  }
  for (const p of out) {
    if (!p.goal && section) p.goal = section
    if (p.trainingPhase) guessed.add('trainingPhase')
    if (p.goal) guessed.add('goal')
  }
  // Alternatives after the first share its placement ("slightly higher than ... supplementary").
  for (const p of out.slice(1)) p.placement ??= out[0]!.placement
  return {prescriptions: out, guessed: [...guessed]}
}

export interface MuscleLinks {
  primary: CatalogDocument[]
  secondary: CatalogDocument[]
  stabilizer: CatalogDocument[]
}
const WORKS =
  /\b(?:target|targets|work|works|worked|train|trains|strengthen|strengthens|hit|hits|engage|engages|involve|involves|work on)\b/i

/** Muscles a sentence says the exercise works: "primarily target X; they also work Y and Z". */
export function readMuscles(text: string, catalog: Catalog, links: MuscleLinks, aboutExercise: (sentence: string) => boolean): void {
  const seen = () => new Set([...links.primary, ...links.secondary, ...links.stabilizer].map((d) => d._id))
  for (const s of sentences(text)) {
    if (!aboutExercise(s)) continue
    const minor = /\b(?:small amount|slightly|a little|to a lesser (?:degree|extent))\b/i.test(s)
    for (const clause of s.split(/;|,\s*(?:which|and they|while)\b|\.\s/)) {
      const muscles = catalog.mentioned(clause, ['muscle'])
      if (muscles.length === 0) continue
      const stabilizing = /\b(?:throughout|stabili[sz]e|keep (?:your|the) (?:torso|body|spine))\b/i.test(clause)
      const secondary = minor || /\balso\s+(?:work|target|train|hit|engage|involve|strengthen)|\bsecondar/i.test(clause)
      const primary = /\bprimar|\bmain(?:ly)?\b|\bparticularly\b|\bmostly\b/i.test(clause)
      if (!WORKS.test(clause) && !stabilizing && !primary) continue
      const bucket = stabilizing
        ? links.stabilizer
        : secondary
          ? links.secondary
          : primary || links.primary.length === 0
            ? links.primary
            : links.secondary
      for (const m of muscles) if (!seen().has(m._id)) bucket.push(m)
    }
  }
}
