// A full article page with the SDK (validate the query result, then render body, byline,
// disclaimers and JSON-LD) against plain renderToStaticMarkup(<PortableText value={body}/>) of
// the same body, in one run, for the three seed articles. Prints the ratio (target <= 1.3x).
// The SDK page renders far more markup than the plain body (exercise guides, tables, citations,
// byline, disclaimers, JSON-LD), so it also prints a like-for-like line: plain <PortableText>
// given the SDK's block renderers, i.e. the same body markup without validation or normalization.
//   node_modules/.bin/node sdk/bench/article-render.ts
// React's production build is what serves pages, so NODE_ENV defaults to production here (set
// before React loads, hence the dynamic imports); NODE_ENV=development measures the dev build.
import * as path from 'node:path'

process.env.NODE_ENV ??= 'production'
const {PortableText} = await import('@portabletext/react')
const {createElement: h, Fragment} = await import('react')
type ReactNode = import('react').ReactNode
const {renderToStaticMarkup} = await import('react-dom/server')
const {parseFragment} = await import('parse5')
const {spawnLake} = await import('@spotter/lake/testing')
const {getArticleQuery, getArticleResult, parseResult} = await import('../src/index.ts')
const {articleJsonLd} = await import('../src/jsonld/index.ts')
const {ArticleBody, Byline, Disclaimer, JsonLd, articleBlockRenderers} = await import('../src/react/index.ts')

const SEED = path.resolve(import.meta.dirname, '../../seed/spotter.ndjson')
const SLUGS = ['leg-training-reverse-hyperextensions', 'back-hyperextensions', 'the-reverse-hyperextension-machine']
const images = {projectId: 'spotter', dataset: 'production'}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200)

function sdkPage(raw: unknown): string {
  const article = parseResult({name: 'getArticle', root: 'article', schema: getArticleResult}, raw)
  if (!article) throw new Error('article missing')
  return renderPage(article)
}

function renderPage(article: NonNullable<ReturnType<typeof getArticleResult.parse>>): string {
  return renderToStaticMarkup(
    h(
      Fragment,
      null,
      h(JsonLd, {data: articleJsonLd(article, {images})}),
      h(Byline, {
        author: article.author,
        reviewer: article.reviewer,
        publishedAt: article.publishedAt,
        lastReviewedAt: article.lastReviewedAt,
      }),
      h(ArticleBody, {value: article.body, images}),
      (article.disclaimers ?? []).map((d) => h(Disclaimer, {key: d._id, disclaimer: d})),
    ),
  )
}

function plainBody(raw: {body: unknown}): string {
  return renderToStaticMarkup(h(PortableText, {value: raw.body as never, onMissingComponent: false}))
}

// The SDK's block renderers as plain <PortableText> type components (PortableText's own styles,
// lists and marks): the body markup of <ArticleBody>, minus the SDK's checks.
const sameTypes = Object.fromEntries(
  Object.entries(articleBlockRenderers).map(([type, render]) => [
    type,
    ({value}: {value: unknown}) => (render as (props: {value: unknown; images: typeof images}) => ReactNode)({value, images}),
  ]),
)
function plainBodySameRenderers(raw: {body: unknown}): string {
  return renderToStaticMarkup(h(PortableText, {value: raw.body as never, components: {types: sameTypes}, onMissingComponent: false}))
}

// React's own floor for a given markup: the same HTML as prebuilt host elements (no components,
// no Portable Text, no SDK code), so renderToStaticMarkup does nothing but write it out.
type HtmlNode = {nodeName: string; tagName?: string; value?: string; attrs?: Array<{name: string; value: string}>; childNodes?: HtmlNode[]}
const REACT_PROPS: Record<string, string> = {class: 'className', srcset: 'srcSet', datetime: 'dateTime'}
function hostElement(node: HtmlNode, key: number): ReactNode {
  if (node.nodeName === '#text') return node.value
  const props: Record<string, unknown> = {key}
  for (const {name, value} of node.attrs ?? []) {
    props[REACT_PROPS[name] ?? name] =
      name === 'style'
        ? Object.fromEntries(
            value
              .split(';')
              .filter(Boolean)
              .map((d) => d.split(':').map((s, i) => (i ? s.trim() : s.trim().replace(/-(\w)/g, (_, c: string) => c.toUpperCase())))),
          )
        : value
  }
  if (node.tagName === 'script') return h('script', {...props, dangerouslySetInnerHTML: {__html: node.childNodes?.[0]?.value ?? ''}})
  return h(node.tagName!, props, ...(node.childNodes ?? []).map(hostElement))
}
function prebuilt(html: string): ReactNode {
  const tree = h(Fragment, null, ...(parseFragment(html).childNodes as HtmlNode[]).map(hostElement))
  if (renderToStaticMarkup(tree) !== html) throw new Error('prebuilt host elements do not reproduce the markup')
  return tree
}

/** Median time per call in microseconds over interleaved rounds (so drift hits both sides). */
function measure(cases: Array<[string, () => unknown]>): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(cases.map(([name]) => [name, []]))
  // One untimed round first, so every case runs optimized code when the clock starts.
  for (let round = -1; round < ROUNDS; round++) {
    for (const [name, fn] of cases) {
      if (round < 0) {
        for (let i = 0; i < ITERATIONS; i++) fn()
        continue
      }
      const start = process.hrtime.bigint()
      for (let i = 0; i < ITERATIONS; i++) fn()
      samples[name]!.push(Number(process.hrtime.bigint() - start) / 1000 / ITERATIONS)
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, s.sort((a, b) => a - b)[Math.floor(s.length / 2)]!]))
}

const lake = await spawnLake({seed: SEED})
try {
  const client = lake.client({token: undefined, perspective: 'published'})
  const raws = await Promise.all(SLUGS.map((slug) => client.fetch<{body: unknown}>(getArticleQuery, {slug})))
  for (const raw of raws) {
    sdkPage(raw) // warm up
    plainBody(raw)
    plainBodySameRenderers(raw)
  }
  const def = {name: 'getArticle', root: 'article', schema: getArticleResult}
  const parsed = raws.map((raw) => parseResult(def, raw)!)
  const pageFloor = raws.map((raw) => prebuilt(sdkPage(raw)))
  const plainFloor = raws.map((raw) => prebuilt(plainBody(raw)))
  const result = measure([
    ['sdk page', () => raws.forEach(sdkPage)],
    ['plain <PortableText>', () => raws.forEach(plainBody)],
    ['plain <PortableText> with the SDK block renderers', () => raws.forEach(plainBodySameRenderers)],
    ['  validate (zod)', () => raws.forEach((raw) => parseResult(def, raw))],
    ['  page from already-parsed articles (no validation)', () => parsed.forEach(renderPage)],
    ['  <ArticleBody>', () => parsed.forEach((a) => renderToStaticMarkup(h(ArticleBody, {value: a.body, images})))],
    [
      '  <ArticleBody> without exercise embeds',
      () => parsed.forEach((a) => renderToStaticMarkup(h(ArticleBody, {value: a.body, images, renderers: {exerciseEmbed: () => null}}))),
    ],
    ['  JSON-LD', () => parsed.forEach((a) => renderToStaticMarkup(h(JsonLd, {data: articleJsonLd(a, {images})})))],
    ['  React floor: the SDK page markup as prebuilt host elements', () => pageFloor.forEach((tree) => renderToStaticMarkup(tree))],
    ['  React floor: the plain body markup as prebuilt host elements', () => plainFloor.forEach((tree) => renderToStaticMarkup(tree))],
  ])
  const sdk = result['sdk page']!
  const plain = result['plain <PortableText>']!
  const same = result['plain <PortableText> with the SDK block renderers']!
  const body = result['  <ArticleBody>']!
  const chars = (fn: (raw: {body: unknown}) => string) => raws.map(fn).join('').length
  const [sdkChars, plainChars, sameChars] = [chars(sdkPage), chars(plainBody), chars(plainBodySameRenderers)]
  console.log(
    `three seed articles per op, median of ${ROUNDS} rounds x ${ITERATIONS} after a warm-up round, NODE_ENV=${process.env.NODE_ENV}`,
  )
  console.log(`  SDK page (validate + body + byline + disclaimers + JSON-LD): ${sdk.toFixed(0)} µs, ${sdkChars} chars`)
  console.log(`  plain renderToStaticMarkup(<PortableText>) of the body:      ${plain.toFixed(0)} µs, ${plainChars} chars`)
  console.log(`  ratio: ${(sdk / plain).toFixed(2)}x (target <= 1.3x)`)
  // The page renders everything the plain body leaves out (exercise guides, tables, citations,
  // byline, disclaimers, JSON-LD). With the body on <PortableText>, as the SDK's is, no page can
  // beat: the plain body + React merely writing the extra markup + validation.
  const extra =
    result['  React floor: the SDK page markup as prebuilt host elements']! -
    result['  React floor: the plain body markup as prebuilt host elements']!
  const bound = plain + extra + result['  validate (zod)']!
  console.log(
    `why: React alone writes the page's ${sdkChars - plainChars} extra chars, prebuilt, in ${extra.toFixed(0)} µs; validation takes ${result['  validate (zod)']!.toFixed(0)} µs`,
  )
  console.log(`  lower bound for a page with its body on <PortableText>: ${bound.toFixed(0)} µs = ${(bound / plain).toFixed(2)}x`)
  console.log('like for like (same body markup):')
  console.log(`  plain <PortableText> given the SDK's block renderers:       ${same.toFixed(0)} µs, ${sameChars} chars`)
  console.log(`  <ArticleBody> (normalize, shape checks, SafeLink) vs that:    ${(body / same).toFixed(2)}x`)
  console.log(`  SDK page vs that:                                           ${(sdk / same).toFixed(2)}x`)
  console.log(
    `  render cost per 1000 chars: plain body ${((1000 * plain) / plainChars).toFixed(1)} µs, SDK page ${((1000 * sdk) / sdkChars).toFixed(1)} µs`,
  )
  console.log('breakdown:')
  for (const [name, us] of Object.entries(result).slice(3)) console.log(`  ${name.trim().padEnd(62)} ${us.toFixed(0)} µs`)
} finally {
  await lake.stop()
}
