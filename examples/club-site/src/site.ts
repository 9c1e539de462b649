// The club site's HTTP server: node's http + react-dom/server, every page rendered per request
// from the lake through the SDK (no page cache, so a publish shows up on the next request).
// Public pages read published content anonymously; preview mode reads drafts with a read token.
import * as fs from 'node:fs'
import * as http from 'node:http'
import type {AddressInfo} from 'node:net'
import {renderToStaticMarkup} from 'react-dom/server'
import {createElement as h, type ReactNode} from 'react'
import {
  createExerciseClient,
  formatProblem,
  ResultMismatchError,
  vocabulary,
  type ExerciseClient,
  type ExerciseCardResult,
} from '@spotter/sdk'
import {
  ArticlePage,
  ArticlesPage,
  EquipmentPage,
  ErrorPage,
  ExercisePage,
  HomePage,
  IncompleteDraftPage,
  Layout,
  LibraryPage,
  NotFoundPage,
  exerciseJsonLd,
  pageJsonLd,
  type Facet,
} from './pages.ts'
import type {JsonLdNode} from '@spotter/sdk/jsonld'
import {isPreview, PREVIEW_COOKIE, previewCookieValue, safeRedirect, sameSecret} from './preview.ts'

export const SEED_CLUB_SLUG = 'new-milford-fitness-aquatics-club'
export const SEED_CLUB_NAME = 'New Milford Fitness & Aquatics Club'

export interface ClubSiteOptions {
  /** The lake's plain HTTP address, e.g. http://127.0.0.1:3030; without it, hosted Sanity's API. */
  lakeUrl?: string
  /** Default `spotter` (the lake's); required for hosted Sanity. */
  projectId?: string
  dataset?: string
  /**
   * A read token for the public pages' published reads. Hosted Sanity shows documents whose id
   * has a `.` (all of Spotter's) only to a token, so a site on hosted Sanity needs one.
   */
  readToken?: string
  clubSlug?: string
  /** Shown in the header and titles. */
  clubName?: string
  /** A lake read token: needed for preview (drafts are private). */
  previewToken?: string
  /** The secret `/api/preview?secret=...` must present. Without it (or a token) preview is off. */
  previewSecret?: string
  port?: number
  host?: string
}

export interface ClubSite {
  url: string
  port: number
  close(): Promise<void>
}

const STYLES = fs.readFileSync(new URL('./styles.css', import.meta.url), 'utf8')
const levelLabel = (level: string) => level.charAt(0).toUpperCase() + level.slice(1)

interface Page {
  status: number
  title: string
  body: ReactNode
  jsonLd?: JsonLdNode
}

export function createClubSiteHandler(options: ClubSiteOptions): http.RequestListener {
  if (!options.lakeUrl && !options.projectId) throw new Error('A club site needs a lakeUrl, or the projectId of a hosted Sanity project')
  const host = options.lakeUrl ? {apiHost: options.lakeUrl, useProjectHostname: false} : {}
  const base = {projectId: options.projectId ?? 'spotter', dataset: options.dataset ?? 'production', ...host}
  const published = createExerciseClient({...base, useCdn: false, ...(options.readToken ? {token: options.readToken} : {})})
  const drafts = options.previewToken
    ? createExerciseClient({...base, token: options.previewToken, perspective: 'drafts', useCdn: false})
    : undefined
  const clubSlug = options.clubSlug ?? SEED_CLUB_SLUG
  const clubName = options.clubName ?? SEED_CLUB_NAME
  const secret = options.previewToken ? options.previewSecret : undefined

  async function page(client: ExerciseClient, path: string, query: URLSearchParams, origin: string): Promise<Page> {
    const images = client.images
    const notFound = (what: string): Page => ({status: 404, title: 'Page not found', body: h(NotFoundPage, {what})})
    if (path === '/') {
      const [club, articles] = await Promise.all([client.getClub(clubSlug), client.listArticles({pageSize: 5})])
      if (!club) return notFound(`the club "${clubSlug}"`)
      return {status: 200, title: 'Home', body: h(HomePage, {club, articles: articles.items, images})}
    }
    if (path === '/exercises') {
      const level = vocabulary.exerciseLevels.find((l) => l === query.get('level'))
      const filters = {muscle: query.get('muscle') || undefined, equipment: query.get('equipment') || undefined, level}
      const [result, all] = await Promise.all([client.listExercises({...filters, pageSize: 100}), client.listExercises({pageSize: 100})])
      const {muscles, equipment} = facets(all.items)
      const levels = vocabulary.exerciseLevels.map((l) => ({value: l, label: levelLabel(l)}))
      return {
        status: 200,
        title: 'Exercise library',
        body: h(LibraryPage, {exercises: result.items, total: result.total, filters, muscles, equipment, levels, images}),
      }
    }
    if (path === '/equipment') {
      const club = await client.getClub(clubSlug)
      if (!club) return notFound(`the club "${clubSlug}"`)
      const pieces = (club.equipment ?? []).map((item) => item.equipment).filter((e): e is typeof e & {slug: string} => !!e.slug)
      const perPiece = await Promise.all(
        pieces.map(async (e) => ({name: e.name, slug: e.slug, exercises: await client.exercisesForEquipment([e.slug])})),
      )
      return {status: 200, title: 'Our equipment', body: h(EquipmentPage, {club, perPiece, images})}
    }
    if (path === '/articles') {
      const articles = await client.listArticles({pageSize: 100})
      return {status: 200, title: 'Articles', body: h(ArticlesPage, {articles: articles.items})}
    }
    const detail = /^\/(exercises|articles)\/([^/]+)$/.exec(path)
    if (detail) {
      const slug = decodeURIComponent(detail[2]!)
      if (detail[1] === 'exercises') {
        const exercise = await client.getExercise(slug)
        if (!exercise) return notFound(`an exercise called "${slug}"`)
        return {status: 200, title: exercise.name, body: h(ExercisePage, {exercise, images}), jsonLd: exerciseJsonLd(exercise, images)}
      }
      const article = await client.getArticle(slug)
      if (!article) return notFound(`an article called "${slug}"`)
      return {
        status: 200,
        title: article.title,
        body: h(ArticlePage, {article, images}),
        jsonLd: pageJsonLd(article, images, origin + path),
      }
    }
    return notFound(`the page ${path}`)
  }

  // In preview a single page whose draft is half-finished explains what is missing (lists already
  // leave such drafts out); public pages never get here, published content has passed validation.
  async function previewPage(path: string, query: URLSearchParams, origin: string): Promise<Page> {
    try {
      return await page(drafts!, path, query, origin)
    } catch (error) {
      if (!(error instanceof ResultMismatchError)) throw error
      return {status: 200, title: 'Incomplete draft', body: h(IncompleteDraftPage, {problems: error.problems.map(formatProblem)})}
    }
  }

  return (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('[club-site]', error)
      if (!res.headersSent)
        sendHtml(
          res,
          500,
          renderDocument(clubName, 'Error', false, '/', h(ErrorPage, {message: 'The content could not be loaded. Try again in a moment.'})),
        )
      else res.end()
    })
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://site')
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, {allow: 'GET, HEAD', 'content-type': 'text/plain'}).end('Method not allowed')
      return
    }
    if (path === '/styles.css') {
      res.writeHead(200, {'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache'}).end(STYLES)
      return
    }
    if (path === '/api/preview') {
      if (!secret) return plain(res, 404, 'Preview is not set up on this site (it needs a read token and a preview secret).')
      if (!sameSecret(url.searchParams.get('secret'), secret)) return plain(res, 401, 'Wrong preview secret.')
      res.writeHead(307, {
        location: safeRedirect(url.searchParams.get('redirect')),
        'set-cookie': `${PREVIEW_COOKIE}=${previewCookieValue(secret)}; Path=/; HttpOnly; SameSite=Lax`,
        'cache-control': 'no-store',
      })
      res.end()
      return
    }
    if (path === '/api/preview/exit') {
      res.writeHead(307, {
        location: safeRedirect(url.searchParams.get('redirect')),
        'set-cookie': `${PREVIEW_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
        'cache-control': 'no-store',
      })
      res.end()
      return
    }
    const preview = !!drafts && isPreview(req.headers.cookie, secret)
    const origin = `http://${req.headers.host ?? 'localhost'}`
    const result = preview ? await previewPage(path, url.searchParams, origin) : await page(published, path, url.searchParams, origin)
    sendHtml(res, result.status, renderDocument(clubName, result.title, preview, path, result.body, result.jsonLd), preview)
  }
}

function facets(exercises: ExerciseCardResult[]): {muscles: Facet[]; equipment: Facet[]} {
  const muscles = new Map<string, string>()
  const equipment = new Map<string, string>()
  for (const e of exercises) {
    for (const m of e.primaryMuscles ?? []) if (m.slug) muscles.set(m.slug, m.commonName ?? m.name)
    for (const s of e.setups ?? []) for (const q of s.equipment ?? []) if (q.slug) equipment.set(q.slug, q.name)
  }
  const sorted = (map: Map<string, string>) =>
    [...map].map(([value, label]) => ({value, label})).sort((a, b) => a.label.localeCompare(b.label))
  return {muscles: sorted(muscles), equipment: sorted(equipment)}
}

function renderDocument(clubName: string, title: string, preview: boolean, path: string, body: ReactNode, jsonLd?: JsonLdNode): string {
  return `<!doctype html>${renderToStaticMarkup(h(Layout, {title, clubName, preview, path, ...(jsonLd ? {jsonLd} : {})}, body))}`
}

function sendHtml(res: http.ServerResponse, status: number, html: string, preview = false): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    // Rendered fresh from the lake on every request; drafts must never be cached anywhere.
    'cache-control': preview ? 'private, no-store' : 'no-cache',
  })
  res.end(html)
}

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store'}).end(text)
}

export async function startClubSite(options: ClubSiteOptions): Promise<ClubSite> {
  const server = http.createServer(createClubSiteHandler(options))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
