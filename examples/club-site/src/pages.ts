// The site's pages as React elements (server-rendered; no client JavaScript). Everything shown
// comes from the SDK's queries and components.
import {createElement as h, Fragment, type ReactNode} from 'react'
import type {ArticleCardResult, GetArticleResult, GetClubResult, GetExerciseResult, ImageConfig, ExerciseCardResult} from '@spotter/sdk'
import {ArticleView, CreditedImage, ExerciseCard, ExerciseGuide, JsonLd} from '@spotter/sdk/react'
import {articleJsonLd, howTo, type JsonLdNode} from '@spotter/sdk/jsonld'

export const exerciseHref = (slug: string) => `/exercises/${encodeURIComponent(slug)}`
export const articleHref = (slug: string) => `/articles/${encodeURIComponent(slug)}`

export interface LayoutProps {
  title: string
  clubName: string
  preview: boolean
  /** The page's path, so "exit preview" can come back to it. */
  path: string
  jsonLd?: JsonLdNode
  children?: ReactNode
}

export function Layout({title, clubName, preview, path, jsonLd, children}: LayoutProps): ReactNode {
  return h(
    'html',
    {lang: 'en'},
    h(
      'head',
      null,
      h('meta', {charSet: 'utf-8'}),
      h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
      h('title', null, `${title} · ${clubName}`),
      h('link', {rel: 'stylesheet', href: '/styles.css'}),
      preview ? h('meta', {name: 'robots', content: 'noindex'}) : null,
      jsonLd ? h(JsonLd, {data: jsonLd}) : null,
    ),
    h(
      'body',
      null,
      h('a', {className: 'skip', href: '#main'}, 'Skip to content'),
      preview
        ? h(
            'p',
            {className: 'preview-banner', role: 'status'},
            'Preview: you are seeing unpublished drafts. ',
            h('a', {href: `/api/preview/exit?redirect=${encodeURIComponent(path)}`}, 'Leave preview'),
          )
        : null,
      h(
        'header',
        {className: 'site-header'},
        h('a', {className: 'brand', href: '/'}, clubName),
        h(
          'nav',
          {'aria-label': 'Main'},
          h('a', {href: '/exercises'}, 'Exercise library'),
          h('a', {href: '/equipment'}, 'Our equipment'),
          h('a', {href: '/articles'}, 'Articles'),
        ),
      ),
      h('main', {id: 'main'}, children),
      h(
        'footer',
        {className: 'site-footer'},
        h('p', null, `${clubName}. Exercise content is for information; check with a professional before starting a new programme.`),
      ),
    ),
  )
}

function Cards({exercises, images}: {exercises: ExerciseCardResult[]; images: ImageConfig}): ReactNode {
  if (!exercises.length) return h('p', null, 'No exercises found.')
  return h(
    'ul',
    {className: 'cards'},
    exercises.map((e) => h('li', {key: e._id}, h(ExerciseCard, {exercise: e, images, exerciseHref, className: 'card'}))),
  )
}

function ArticleList({articles}: {articles: ArticleCardResult[]}): ReactNode {
  if (!articles.length) return h('p', null, 'No articles yet.')
  return h(
    'ul',
    {className: 'articles'},
    articles.map((a) =>
      h('li', {key: a._id}, a.slug ? h('a', {href: articleHref(a.slug)}, a.title) : a.title, a.excerpt ? h('p', null, a.excerpt) : null),
    ),
  )
}

export function HomePage({
  club,
  articles,
  images,
}: {
  club: NonNullable<GetClubResult>
  articles: ArticleCardResult[]
  images: ImageConfig
}): ReactNode {
  const place = club.location ? [club.location.locality, club.location.region].filter(Boolean).join(', ') : ''
  return h(
    Fragment,
    null,
    h('h1', null, club.name),
    place ? h('p', {className: 'meta'}, place) : null,
    club.description ? h('p', {className: 'lead'}, club.description) : null,
    h('h2', null, 'What you can do with our equipment'),
    h(
      'p',
      null,
      `${club.exercises.length} exercises need nothing but what our club has. `,
      h('a', {href: '/equipment'}, 'By piece of equipment'),
    ),
    h(Cards, {exercises: club.exercises, images}),
    h('h2', null, 'Latest articles'),
    h(ArticleList, {articles}),
  )
}

export interface Facet {
  value: string
  label: string
}

export interface LibraryProps {
  exercises: ExerciseCardResult[]
  total: number
  filters: {muscle?: string; equipment?: string; level?: string}
  muscles: Facet[]
  equipment: Facet[]
  levels: Facet[]
  images: ImageConfig
}

function Select({name, label, options, value}: {name: string; label: string; options: Facet[]; value: string | undefined}): ReactNode {
  return h(
    'p',
    null,
    h('label', {htmlFor: `filter-${name}`}, label),
    h(
      'select',
      {id: `filter-${name}`, name, defaultValue: value ?? ''},
      h('option', {value: ''}, 'Any'),
      options.map((o) => h('option', {key: o.value, value: o.value}, o.label)),
    ),
  )
}

export function LibraryPage({exercises, total, filters, muscles, equipment, levels, images}: LibraryProps): ReactNode {
  return h(
    Fragment,
    null,
    h('h1', null, 'Exercise library'),
    h(
      'form',
      {className: 'filters', method: 'get', action: '/exercises', 'aria-label': 'Filter exercises'},
      h(Select, {name: 'muscle', label: 'Muscle', options: muscles, value: filters.muscle}),
      h(Select, {name: 'equipment', label: 'Equipment', options: equipment, value: filters.equipment}),
      h(Select, {name: 'level', label: 'Level', options: levels, value: filters.level}),
      h('p', null, h('button', {type: 'submit'}, 'Show exercises'), ' ', h('a', {href: '/exercises'}, 'Clear')),
    ),
    h('p', {role: 'status', className: 'count'}, `${total} ${total === 1 ? 'exercise' : 'exercises'}`),
    h(Cards, {exercises, images}),
  )
}

export function EquipmentPage({
  club,
  perPiece,
  images,
}: {
  club: NonNullable<GetClubResult>
  perPiece: {name: string; slug: string; exercises: ExerciseCardResult[]}[]
  images: ImageConfig
}): ReactNode {
  return h(
    Fragment,
    null,
    h('h1', null, 'What you can do with our equipment'),
    h('p', {className: 'lead'}, `With everything ${club.name} has, you can do ${club.exercises.length} exercises from our library.`),
    perPiece.map((piece) =>
      h(
        'section',
        {key: piece.slug, 'aria-labelledby': `eq-${piece.slug}`},
        h('h2', {id: `eq-${piece.slug}`}, piece.name),
        h('p', null, `With this alone: ${piece.exercises.length} ${piece.exercises.length === 1 ? 'exercise' : 'exercises'}.`),
        h(Cards, {exercises: piece.exercises, images}),
      ),
    ),
  )
}

export function ExercisePage({exercise, images}: {exercise: NonNullable<GetExerciseResult>; images: ImageConfig}): ReactNode {
  return h(
    Fragment,
    null,
    h('h1', null, exercise.name),
    exercise.media?.[0] ? h(CreditedImage, {image: exercise.media[0], images, loading: 'eager', className: 'hero'}) : null,
    h(ExerciseGuide, {exercise, images, className: 'guide'}),
  )
}

export function exerciseJsonLd(exercise: NonNullable<GetExerciseResult>, images: ImageConfig): JsonLdNode {
  return {'@context': 'https://schema.org', ...howTo(exercise, images)}
}

export function ArticlePage({article, images}: {article: NonNullable<GetArticleResult>; images: ImageConfig}): ReactNode {
  return h(ArticleView, {article, images, exerciseHref, className: 'article'})
}

export function pageJsonLd(article: NonNullable<GetArticleResult>, images: ImageConfig, url: string): JsonLdNode {
  return articleJsonLd(article, {images, url})
}

export function ArticlesPage({articles}: {articles: ArticleCardResult[]}): ReactNode {
  return h(Fragment, null, h('h1', null, 'Articles'), h(ArticleList, {articles}))
}

export function NotFoundPage({what}: {what: string}): ReactNode {
  return h(
    Fragment,
    null,
    h('h1', null, 'Page not found'),
    h('p', null, `We could not find ${what}.`),
    h('p', null, h('a', {href: '/exercises'}, 'Browse the exercise library')),
  )
}

export function ErrorPage({message}: {message: string}): ReactNode {
  return h(Fragment, null, h('h1', null, 'Something went wrong'), h('p', null, message))
}

/** Preview only: the draft behind this page is missing something its model requires. */
export function IncompleteDraftPage({problems}: {problems: readonly string[]}): ReactNode {
  return h(
    Fragment,
    null,
    h('h1', null, 'This draft is incomplete'),
    h('p', null, 'The page cannot be shown until these fields are filled in:'),
    h('ul', {className: 'problems'}, ...problems.map((line) => h('li', {key: line}, line))),
  )
}
