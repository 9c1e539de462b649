// What needs an editor's attention, as GROQ filters the desk lists and their counts share.
// A stub is an exercise with nothing to teach yet: no summary, no steps and no setups (the
// seed's name-and-category exercises). Articles are due for review a year after their last review.

export const REVIEW_INTERVAL_MONTHS = 12

export interface AttentionList {
  id: string
  title: string
  schemaType: 'exercise' | 'article'
  filter: string
}

export const attentionLists: readonly AttentionList[] = [
  {
    id: 'attention-stubs',
    title: 'Stub exercises',
    schemaType: 'exercise',
    filter: '_type == "exercise" && !defined(summary) && count(coalesce(steps, [])) == 0 && count(coalesce(setups, [])) == 0',
  },
  {id: 'attention-no-level', title: 'Exercises without a level', schemaType: 'exercise', filter: '_type == "exercise" && !defined(level)'},
  {
    id: 'attention-no-image',
    title: 'Exercises missing an image or credit',
    schemaType: 'exercise',
    filter: '_type == "exercise" && (count(coalesce(media, [])) == 0 || count(media[!defined(asset) || !defined(credit)]) > 0)',
  },
  {
    id: 'attention-review-due',
    title: 'Articles due for review',
    schemaType: 'article',
    filter: '_type == "article" && (!defined(lastReviewedAt) || lastReviewedAt <= $reviewDue)',
  },
]

/** The params the filters take: `reviewDue` is the date a year before `today` (YYYY-MM-DD). */
export function attentionParams(today: Date = new Date()): {reviewDue: string} {
  const due = new Date(today)
  due.setUTCMonth(due.getUTCMonth() - REVIEW_INTERVAL_MONTHS)
  return {reviewDue: due.toISOString().slice(0, 10)}
}

/** One query for every list's count: {"attention-stubs": 6, ...}. */
export function attentionCountsQuery(): string {
  return `{${attentionLists.map((list) => `"${list.id}": count(*[${list.filter}])`).join(', ')}}`
}

export const titleWithCount = (title: string, count: number | undefined) => (count === undefined ? title : `${title} (${count})`)
