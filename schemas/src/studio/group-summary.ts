// What each group of a document holds, for the overview at the top of the first group: the
// editor sees "Programming: 1 prescription" without opening the tab.

export interface GroupedField {
  name: string
  type?: string | {name?: string; jsonType?: string}
  group?: string | string[]
}

export interface FieldGroupLike {
  name: string
  title?: string
}

/** How many of a list's items read in a sentence: [singular, plural]. */
const NOUNS: Record<string, readonly [string, string]> = {
  primaryMuscles: ['primary muscle', 'primary muscles'],
  secondaryMuscles: ['secondary muscle', 'secondary muscles'],
  stabilizerMuscles: ['stabiliser', 'stabilisers'],
  biomechanics: ['biomechanics note', 'biomechanics notes'],
  setups: ['setup', 'setups'],
  steps: ['step', 'steps'],
  commonMistakes: ['common mistake', 'common mistakes'],
  safetyNotes: ['safety note', 'safety notes'],
  contraindications: ['contraindication', 'contraindications'],
  disclaimers: ['disclaimer', 'disclaimers'],
  benefits: ['benefit', 'benefits'],
  prescriptions: ['prescription', 'prescriptions'],
  variations: ['variation', 'variations'],
  relatedExercises: ['related exercise', 'related exercises'],
  media: ['photo', 'photos'],
}

const groupsOf = (field: GroupedField): string[] =>
  field.group === undefined ? [] : Array.isArray(field.group) ? field.group : [field.group]

export interface GroupSummary {
  group: string
  title: string
  /** "2 setups", "3 steps"; lists with no items are left out. */
  parts: string[]
}

/** The counted lists of every group but `skip` (the group the summary is shown in). */
export function summarizeGroups(
  fields: readonly GroupedField[],
  groups: readonly FieldGroupLike[],
  value: Record<string, unknown> | undefined,
  skip?: string,
): GroupSummary[] {
  return (
    groups
      // Groups without counted lists say nothing useful here.
      .filter((g) => g.name !== skip && g.name !== 'all-fields' && fields.some((f) => groupsOf(f).includes(g.name) && NOUNS[f.name]))
      .map((g) => ({
        group: g.name,
        title: g.title ?? g.name,
        parts: fields
          .filter((f) => groupsOf(f).includes(g.name) && NOUNS[f.name])
          .flatMap((f) => {
            const items = value?.[f.name]
            const count = Array.isArray(items) ? items.length : 0
            const [one, many] = NOUNS[f.name]!
            return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`]
          }),
      }))
  )
}

/** One line per group: "Technique: 2 setups, 3 steps" or "Programming: nothing yet". */
export function summaryLines(summaries: readonly GroupSummary[]): string[] {
  return summaries.map((s) => `${s.title}: ${s.parts.length > 0 ? s.parts.join(', ') : 'nothing yet'}`)
}
