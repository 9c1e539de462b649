// People an article names: its author (byline and bio paragraph, with credentials read from the
// bio), a first-person writer who gives only a job title, and experts introduced by a role.
import {capitalize, sentences} from './words.ts'

export interface Credential {
  _type: 'credential'
  kind: 'education' | 'qualification' | 'certification' | 'accreditation' | 'licence' | 'degree'
  title: string
  subjects?: string[]
  issuingBody?: string
  year?: number
}
export interface Milestone {
  _type: 'milestone'
  kind: string
  summary: string
  year?: number
}

const NAME = "[A-Z][a-z'’.-]+(?:\\s+[A-Z][a-z'’.-]+){1,2}"
/** "author image Mike Samuels", "By Jane Doe", "Written by ...", "Author: ..." */
export const BYLINE = new RegExp(`^(?:author image|by|written by|author:?|words by)\\s+(${NAME})(?:[,|].*)?$`, 'i')
/** "Reviewed by Dr. Ann Lee", "Medically reviewed by ...", "Fact-checked by ..." */
export const REVIEWER_LINE = new RegExp(
  `^(?:medically\\s+|expert\\s+)?(?:reviewed|fact[- ]checked)\\s+by:?\\s+(?:dr\\.?\\s+)?(${NAME})(?:[,|].*)?$`,
  'i',
)

/** "law, business and sports science"; "strength and conditioning specialist" alone stays one item. */
const list = (text: string) => {
  const parts = text.split(/\s*,\s*(?:and\s+)?/)
  const last = parts.pop()!
  const [a, b] = last.split(/\s+and\s+(.*)/s)
  const splitLast = b !== undefined && (parts.length > 0 || (a!.split(' ').length > 1 && b.split(' ').length > 1))
  return [...parts, ...(splitLast ? [a!, b!] : [last])].map((s) => s.trim().replace(/^(?:a|an|the)\s+/i, '')).filter(Boolean)
}
const YEAR = /\b(?:in|since)\s+((?:19|20)\d{2})\b/

/** Credentials and milestones stated in a bio paragraph. */
export function readBio(bio: string): {credentials: Credential[]; milestones: Milestone[]} {
  const credentials: Credential[] = []
  const milestones: Milestone[] = []
  for (const sentence of sentences(bio)) {
    const year = Number(YEAR.exec(sentence)?.[1]) || undefined
    // "graduated from Peter Symonds College in the UK with A Levels in law, business and sports science"
    const graduated =
      /graduated (?:from\s+(.+?))?(?:\s+in\s+(?:the\s+)?([A-Z][A-Za-z]+))?\s+with\s+(.+?)\s+in\s+(.+?)(?:,\s+and\s+|\s+and\s+is\b|\s+and\s+has\b|\.|$)/i.exec(
        sentence,
      )
    if (graduated) {
      const [, school, country, title, subjects] = graduated
      const degree = /degree|bachelor|master|b\.?sc|m\.?sc|ph\.?d|\bba\b|\bma\b/i.test(title!)
      credentials.push(
        clean({
          _type: 'credential',
          kind: degree ? 'degree' : 'education',
          title: title!.replace(/^(?:a|an|the)\s+(?=[a-z])/, ''),
          subjects: list(subjects!).map(capitalize),
          issuingBody: school ? (country ? `${school}, ${country}` : school) : undefined,
          year,
        }),
      )
    }
    // "a bachelor's degree in kinesiology from the University of X (2010)"
    for (const m of sentence.matchAll(
      /\b((?:bachelor|master)['’]?s degree|B\.?Sc\.?|M\.?Sc\.?|Ph\.?D\.?|doctorate)\s+in\s+([^,.;]+?)\s+from\s+(?:the\s+)?([A-Z][^,.;]+?)(?:\s+in\s+((?:19|20)\d{2}))?(?=[,.;]|\s+and\b|$)/g,
    )) {
      if (graduated) break
      credentials.push(
        clean({
          _type: 'credential',
          kind: 'degree',
          title: m[1]!,
          subjects: list(m[2]!).map(capitalize),
          issuingBody: m[3]!.trim(),
          year: Number(m[4]) || year,
        }),
      )
    }
    // "is a fully qualified personal trainer, sports massage therapist and corrective exercise specialist"
    const qualified =
      /\bis\s+(?:a|an)\s+(?:fully\s+|nationally\s+)?(qualified|certified|licensed|registered|accredited)\s+(.+?)(?:\s+with\s+|\s+(?:from|through|by)\s+|[.;]|$)/i.exec(
        sentence,
      )
    if (qualified) {
      const kind = /certified/i.test(qualified[1]!) ? 'certification' : /licensed/i.test(qualified[1]!) ? 'licence' : 'qualification'
      for (const title of list(qualified[2]!)) credentials.push({_type: 'credential', kind, title: capitalize(title)})
    }
    // "with accreditations from Premier Global International", "certified by the NSCA in 2012"
    for (const m of sentence.matchAll(
      /\b(accreditations?|certifications?|certificates?|qualifications?|licen[cs]es?)\s+(?:from|by|through|with)\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w&'’-]*)*)/g,
    )) {
      const word = m[1]!.toLowerCase()
      const kind = word.startsWith('accredit')
        ? 'accreditation'
        : word.startsWith('certif')
          ? 'certification'
          : word.startsWith('licen')
            ? 'licence'
            : 'qualification'
      credentials.push(
        clean({
          _type: 'credential',
          kind,
          title: capitalize(m[1]!),
          issuingBody: m[2]!,
          year: Number(YEAR.exec(sentence.slice(m.index))?.[1]) || undefined,
        }),
      )
    }
    const started = /\bstarted\s+(writing|coaching|training|teaching|competing)\s+(.+?)(?:\s+in\s+((?:19|20)\d{2}))?(?:[.;]|$)/i.exec(
      sentence,
    )
    if (started) {
      milestones.push(
        clean({
          _type: 'milestone',
          kind: started[1]!.toLowerCase() === 'writing' ? 'writing' : 'career',
          summary: capitalize(`started ${started[1]} ${started[2]}`).trim(),
          year: Number(started[3]) || undefined,
        }),
      )
    }
  }
  return {credentials, milestones}
}

/** "As a Personal Trainer, ..." : a writer who names only a job. */
export function firstPersonRole(text: string): string | undefined {
  const m =
    /^As an?\s+((?:[A-Z][a-z]+\s?){1,4}),\s+(?:the\s+\w+\s+\w+\s+)?(?:my|I|we)\b/.exec(text) ??
    /^As an?\s+((?:[A-Z][a-z]+\s?){1,4}),\s+.*\bmy\b/.exec(text)
  return m ? capitalize(m[1]!.trim().toLowerCase()) : undefined
}

export interface Expert {
  name: string
  headline?: string
  affiliation?: {organization: string; role: string; description?: string}
}

/** "Charles Poliquin, owner of the Poliquin Performance Center for elite athletes, says ..."; "... coach, Louis Simmons." */
export function experts(text: string): Expert[] {
  const found: Expert[] = []
  for (const m of text.matchAll(
    new RegExp(
      `(${NAME}),\\s+(owner|founder|director|head coach|coach|president|professor|author)\\s+(?:of|at)\\s+(?:the\\s+)?([A-Z][\\w&'’-]*(?:\\s+[A-Z][\\w&'’-]*)*)(?:\\s+(for\\s+[^,.]+?))?(?=\\s+(?:says|said|recommends|explains|notes|believes)\\b|[,.])`,
      'g',
    ),
  )) {
    found.push({
      name: m[1]!,
      headline: `${capitalize(m[2]!)} of the ${m[3]}`,
      affiliation: clean({organization: m[3]!, role: capitalize(m[2]!), description: m[4] ? capitalize(m[4]) : undefined}),
    })
  }
  for (const m of text.matchAll(
    new RegExp(
      `\\bby\\s+((?:world class\\s+)?[A-Za-z ]*?(?:[Pp]owerlifter|[Cc]oach|[Tt]rainer|[Pp]hysiotherapist|[Dd]octor|[Ss]cientist)[A-Za-z ]*?),\\s+(${NAME})[.,]`,
      'g',
    ),
  )) {
    found.push({name: m[2]!, headline: capitalize(m[1]!.toLowerCase())})
  }
  return found
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as T
}
