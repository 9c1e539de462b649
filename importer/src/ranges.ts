// Sets, reps and training frequency stated in prose, as `{min, max}` ranges. Numbers may be digits
// or words ("two", "twelve"), joined by a hyphen, en or em dash, "to", "or" or "and"; "x" joins sets
// and reps ("3x10"); "per side" / "each leg" marks a unilateral count.
export interface Range {
  min: number
  max: number
}

export interface StatedRange extends Range {
  kind: 'sets' | 'reps' | 'frequencyPerWeek'
  perSide: boolean
  /** The words that stated it, as written. */
  text: string
  index: number
}

const WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
}
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety'
const UNITS = 'one|two|three|four|five|six|seven|eight|nine'
const NUMBER_WORD = `(?:(?:${TENS})[- ](?:${UNITS})|${TENS}|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|${UNITS}|zero)`
/** One number: digits or words. */
export const NUM = `(?:\\d+|${NUMBER_WORD})`
const SEP = `\\s*(?:-|–|—|to|or|and)\\s*`
const RANGE = `(${NUM})(?:${SEP}(${NUM}))?`
const SIDE = `(?:\\s*(?:reps?|repetitions?))?\\s+(?:per|each|on each|for each)\\s+(?:side|leg|arm|direction)`

export function parseNumber(word: string): number | undefined {
  const w = word.toLowerCase().trim()
  if (/^\d+$/.test(w)) return Number(w)
  if (w in WORDS) return WORDS[w]
  const [tens, unit] = w.split(/[- ]/)
  if (tens && unit && tens in WORDS && unit in WORDS) return WORDS[tens]! + WORDS[unit]!
  return undefined
}

function range(a: string, b: string | undefined): Range | undefined {
  const min = parseNumber(a)
  const max = b === undefined ? min : parseNumber(b)
  if (min === undefined || max === undefined) return undefined
  return {min: Math.min(min, max), max: Math.max(min, max)}
}

const FREQUENCY_WORDS: Record<string, number> = {once: 1, twice: 2, thrice: 3}

/** Every sets/reps/frequency range stated in `text`, in reading order. */
export function parseRanges(text: string): StatedRange[] {
  const found: StatedRange[] = []
  const taken: [number, number][] = []
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e)
  const add = (r: Omit<StatedRange, 'text' | 'index'> | undefined, m: RegExpExecArray, start = m.index, end = m.index + m[0].length) => {
    if (!r || r.max === 0 || !free(start, end)) return
    taken.push([start, end])
    found.push({...r, text: m[0].trim(), index: start})
  }
  const each = (pattern: string, fn: (m: RegExpExecArray) => void) => {
    const re = new RegExp(pattern, 'gi')
    for (let m = re.exec(text); m; m = re.exec(text)) fn(m)
  }
  const perSideAt = (end: number) => new RegExp(`^${SIDE}`, 'i').test(text.slice(end))
  // "3x10", "3 x 8-12"
  // Not hex ("0x16") nor a size ("1920x1080"): one or two digits, the first not 0.
  each(`(?<![\\w.])([1-9]\\d?)\\s*[x×]\\s*${RANGE}\\b(?![\\w.])`, (m) => {
    const sets = range(m[1]!, undefined)
    const reps = range(m[2]!, m[3])
    if (!sets || !reps || !free(m.index, m.index + m[0].length)) return
    taken.push([m.index, m.index + m[0].length])
    found.push({kind: 'sets', ...sets, perSide: false, text: m[0], index: m.index})
    found.push({kind: 'reps', ...reps, perSide: perSideAt(m.index + m[0].length), text: m[0], index: m.index})
  })
  // "two sets of 10", "four sets of 15", "3 sets of 8 to 10 reps per side"
  each(`\\b${RANGE}\\s+sets?\\s+of\\s+${RANGE}(?:\\s*(?:reps?|repetitions?))?(${SIDE})?`, (m) => {
    const sets = range(m[1]!, m[2])
    const reps = range(m[3]!, m[4])
    if (!sets || !reps || !free(m.index, m.index + m[0].length)) return
    taken.push([m.index, m.index + m[0].length])
    found.push({kind: 'sets', ...sets, perSide: false, text: m[0].trim(), index: m.index})
    found.push({kind: 'reps', ...reps, perSide: Boolean(m[5]), text: m[0].trim(), index: m.index})
  })
  // "8 – 12 reps", "(8-15) repetitions", "(3 or 4) sets", "8 to 10 reps per side", "10 per leg"
  each(`\\(?\\b${RANGE}\\)?\\s*(?:(reps?|repetitions?|sets?|rounds?)\\b(${SIDE})?|(${SIDE}))`, (m) => {
    const r = range(m[1]!, m[2])
    const unit = (m[3] ?? 'reps').toLowerCase()
    add(r && {kind: unit.startsWith('set') || unit.startsWith('round') ? 'sets' : 'reps', ...r, perSide: Boolean(m[4] ?? m[5])}, m)
  })
  // Frequency: "twice a week", "three times per week", "2-3 times a week", "3 days a week", "every day", "daily"
  each(`\\b(once|twice|thrice|${RANGE}\\s+(?:times|days|sessions))\\s+(?:a|per|each|every)\\s+week\\b`, (m) => {
    const word = m[1]!.toLowerCase()
    const r = word in FREQUENCY_WORDS ? {min: FREQUENCY_WORDS[word]!, max: FREQUENCY_WORDS[word]!} : range(m[2]!, m[3])
    add(r && {kind: 'frequencyPerWeek', ...r, perSide: false}, m)
  })
  each(`\\b(?:every\\s+other\\s+day|on\\s+alternate\\s+days)\\b`, (m) => add({kind: 'frequencyPerWeek', min: 3, max: 4, perSide: false}, m))
  each(`\\b(?:every\\s+(?:single\\s+)?day|daily|each\\s+day|(?:once\\s+)?a\\s+day)\\b`, (m) =>
    add({kind: 'frequencyPerWeek', min: 7, max: 7, perSide: false}, m),
  )
  // A bare range right after a stated reps range takes its unit: "8 – 12 reps, or 6 – 8 when ..."
  const reps = found.filter((r) => r.kind === 'reps')
  if (reps.length > 0) {
    each(`(?<![\\d/.])\\b(\\d+)${SEP}(\\d+)\\b(?![\\d/.%])`, (m) => {
      const before = found.filter((r) => r.index < m.index && r.kind === 'reps').at(-1)
      if (!before || m.index - (before.index + before.text.length) > 40) return
      if (!/^\s*,?\s*(?:or|and|then)\b/i.test(text.slice(before.index + before.text.length, m.index))) return
      add({...range(m[1]!, m[2])!, kind: 'reps', perSide: before.perSide}, m)
    })
  }
  return found.sort((a, b) => a.index - b.index)
}
