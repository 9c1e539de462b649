// The author, the club's (unnamed) trainer and the two experts the seed articles quote.
import {ref, type Doc} from './helpers.ts'

const slug = (current: string) => ({_type: 'slug', current})

export const people: Doc[] = [
  {
    _id: 'person-mike-samuels',
    _type: 'person',
    name: 'Mike Samuels',
    slug: slug('mike-samuels'),
    roles: ['author'],
    headline: 'Personal trainer, sports massage therapist and corrective exercise specialist',
    bio: 'Mike Samuels started writing for his own fitness website and local publications in 2008. He graduated from Peter Symonds College in the UK with A Levels in law, business and sports science, and is a fully qualified personal trainer, sports massage therapist and corrective exercise specialist with accreditations from Premier Global International.',
    credentials: [
      {
        _type: 'credential',
        kind: 'education',
        title: 'A Levels',
        subjects: ['Law', 'Business', 'Sports science'],
        issuingBody: 'Peter Symonds College, UK',
      },
      {_type: 'credential', kind: 'qualification', title: 'Personal trainer'},
      {_type: 'credential', kind: 'qualification', title: 'Sports massage therapist'},
      {_type: 'credential', kind: 'qualification', title: 'Corrective exercise specialist'},
      {_type: 'credential', kind: 'accreditation', title: 'Accreditations', issuingBody: 'Premier Global International'},
    ],
    milestones: [
      {
        _type: 'milestone',
        kind: 'writing',
        summary: 'Started writing for his own fitness website and local publications',
        year: 2008,
      },
    ],
  },
  {
    _id: 'person-new-milford-personal-trainer',
    _type: 'person',
    unnamed: true,
    descriptor: 'Personal trainer at New Milford Fitness & Aquatics Club',
    slug: slug('new-milford-personal-trainer'),
    roles: ['author', 'trainer'],
    credentials: [{_type: 'credential', kind: 'qualification', title: 'Personal trainer'}],
    affiliations: [{_type: 'affiliation', club: ref('club-new-milford-fitness-aquatics'), role: 'Personal trainer'}],
  },
  {
    _id: 'person-louis-simmons',
    _type: 'person',
    name: 'Louis Simmons',
    slug: slug('louis-simmons'),
    roles: ['expert'],
    headline: 'World class powerlifter and strength and conditioning coach',
    bio: 'Developed and popularized the Reverse Hyperextension machine, out of desperation for a way to rehabilitate a shattered L5/S1 joint. He went on to a 30 year career as a top ten powerlifter.',
    milestones: [
      {
        _type: 'milestone',
        kind: 'invention',
        summary: 'Developed and popularized the Reverse Hyperextension machine, to rehabilitate his shattered L5/S1 joint',
      },
      {_type: 'milestone', kind: 'injury', summary: 'Shattered his L5 vertebra (L5/S1 joint)', occurrences: 2},
      {
        _type: 'milestone',
        kind: 'rehabilitation',
        summary: 'Successfully rehabbed his spine using the reverse hyper, in conjunction with other soft tissue therapies',
      },
      {_type: 'milestone', kind: 'career', summary: 'Top ten powerlifter', durationYears: 30},
      {_type: 'milestone', kind: 'record', summary: 'Deadlift of 730 pounds at 57 years old', value: 730, unit: 'lb', age: 57},
    ],
  },
  {
    _id: 'person-charles-poliquin',
    _type: 'person',
    name: 'Charles Poliquin',
    slug: slug('charles-poliquin'),
    roles: ['expert'],
    headline: 'Owner of the Poliquin Performance Center',
    affiliations: [{_type: 'affiliation', organization: 'Poliquin Performance Center', role: 'Owner', description: 'For elite athletes'}],
  },
]
