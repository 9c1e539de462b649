// Content for the syndication tests, and what a partner should hold: computed independently of
// the service, straight from the lake with the SDK (getArticle, HTML renderer).
import type {SanityClient} from '@sanity/client'
import {createExerciseClient, type models} from '@spotter/sdk'
import {articleToHtml} from '@spotter/sdk/html'

const block = (key: string, text: string, style = 'normal') => ({
  _type: 'block',
  _key: key,
  style,
  markDefs: [],
  children: [{_type: 'span', _key: `${key}s`, text, marks: []}],
})

export function article(id: string, title: string, syndication: Record<string, unknown> | null, extra: Record<string, unknown> = {}) {
  return {
    _id: id,
    _type: 'article',
    title,
    slug: {_type: 'slug', current: id.replace(/^article-/, '')},
    kind: 'explainer',
    excerpt: `${title}: the short version.`,
    topics: ['Strength'],
    body: [block('b1', `${title} starts here.`), block('b2', 'Technique', 'h2'), block('b3', 'Keep your back neutral.')],
    author: {_type: 'reference', _ref: 'person-coach'},
    disclaimers: [{_type: 'reference', _ref: 'disclaimer-medical', _key: 'd1'}],
    publishedAt: '2026-01-10T08:00:00.000Z',
    ...(syndication ? {syndication: {_type: 'syndicationRights', ...syndication}} : {}),
    ...extra,
  }
}

/** The open (CC BY) article: a disclaimer of its own, one in a callout, and one through its exercise. */
export function openArticle(title: string) {
  return article(
    'article-open',
    title,
    {licence: 'cc-by-4.0', attributionText: 'Dana Coach for Spotter Club, CC BY 4.0'},
    {
      exercises: [{_type: 'reference', _ref: 'exercise-squat', _key: 'e1'}],
      body: [
        block('b1', 'Squats build legs.'),
        {_type: 'disclaimerCallout', _key: 'call', tone: 'caution', disclaimer: {_type: 'reference', _ref: 'disclaimer-injury'}},
        block('b3', 'Keep your back neutral.'),
      ],
    },
  )
}

export async function seedContent(client: SanityClient): Promise<void> {
  const tx = client.transaction()
  tx.createOrReplace({
    _id: 'person-coach',
    _type: 'person',
    name: 'Dana Coach',
    slug: {_type: 'slug', current: 'dana-coach'},
    roles: ['author'],
    headline: 'Strength coach',
    credentials: [
      {
        _key: 'c1',
        _type: 'credential',
        kind: 'certification',
        title: 'Certified Strength and Conditioning Specialist',
        issuingBody: 'NSCA',
        year: 2015,
      },
    ],
  })
  tx.createOrReplace({
    _id: 'disclaimer-medical',
    _type: 'disclaimer',
    title: 'Not medical advice',
    kind: 'medical',
    body: [block('m1', 'Consult a physician before starting a new exercise programme.')],
  })
  tx.createOrReplace({
    _id: 'disclaimer-injury',
    _type: 'disclaimer',
    title: 'Injury risk',
    kind: 'injury',
    body: [block('i1', 'Stop if you feel sharp pain.')],
  })
  tx.createOrReplace({
    _id: 'disclaimer-knee',
    _type: 'disclaimer',
    title: 'Knee problems',
    kind: 'medical',
    body: [block('k1', 'Ask a physiotherapist if your knees hurt.')],
  })
  tx.createOrReplace({
    _id: 'exercise-squat',
    _type: 'exercise',
    name: 'Back squat',
    slug: {_type: 'slug', current: 'back-squat'},
    category: 'strength',
    summary: 'A barbell squat.',
    disclaimers: [{_type: 'reference', _ref: 'disclaimer-knee', _key: 'k'}],
  })
  tx.createOrReplace(openArticle('Open squat guide'))
  tx.createOrReplace(
    article('article-partners', 'Partners-only deadlift notes', {licence: 'partners-only', allowedPartners: ['club-north']}),
  )
  tx.createOrReplace(article('article-reserved', 'Reserved bench press study', {licence: 'all-rights-reserved'}))
  tx.createOrReplace(article('article-unlicensed', 'Article without rights', null))
  tx.createOrReplace(
    article(
      'article-broken',
      'Broken disclaimer article',
      {licence: 'cc-by-4.0'},
      {
        disclaimers: [{_type: 'reference', _ref: 'disclaimer-pending', _key: 'd1', _weak: true}],
      },
    ),
  )
  await tx.commit()
}

/** The articles `partnerId` may have, as the SDK reads them from the published perspective. */
export async function expectedFor(lake: {url: string; projectId: string; dataset: string; readToken: string}, partnerId: string) {
  const sdk = createExerciseClient({
    projectId: lake.projectId,
    dataset: lake.dataset,
    apiHost: lake.url,
    token: lake.readToken,
    useCdn: false,
  })
  const slugs = await sdk.sanity.fetch<string[]>(`*[_type == "article"].slug.current`, {}, {perspective: 'published'})
  const result = new Map<string, {article: models.ArticleResult; html: string}>()
  for (const slug of slugs) {
    // Disclaimer references first: an article with an unresolvable one is not syndicated (and
    // getArticle would rightly refuse it).
    const refs = await sdk.sanity.fetch<string[]>(
      `*[_type == "article" && slug.current == $slug][0]{"refs": coalesce(disclaimers[]._ref, []) + coalesce(body[_type == "disclaimerCallout"].disclaimer._ref, []) + coalesce(exercises[]->disclaimers[]._ref, [])}.refs`,
      {slug},
      {perspective: 'published'},
    )
    const found = await sdk.sanity.fetch<string[]>(`*[_id in $refs]._id`, {refs}, {perspective: 'published'})
    if (refs.some((ref) => !found.includes(ref))) continue
    const a = await sdk.getArticle(slug)
    if (!a?.syndication) continue
    const allowed =
      a.syndication.licence === 'cc-by-4.0' ||
      (a.syndication.licence === 'partners-only' && (a.syndication.allowedPartners ?? []).includes(partnerId))
    if (!allowed) continue
    result.set(a._id, {article: a, html: articleToHtml(a, {images: sdk.images})})
  }
  return result
}
