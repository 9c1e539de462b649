// Which Content Lake the Studio works on, and the settings that follow from it.
//
// - Lake mode: a lake URL is given, by studio/serve.ts at run time (`window.__SPOTTER_LAKE__`,
//   written into index.html, so one build serves a lake on any port; `npm start` and the browser
//   tests) or by SANITY_STUDIO_LAKE_URL at build time. The Studio talks to that lake, signs in
//   with a lake token on the lake's page, and leaves off what only the hosted service has.
// - Hosted mode: no lake URL. Sanity's hosted API (its default API host), its normal sign-in and
//   every hosted feature; SANITY_STUDIO_PROJECT_ID is required.
//
// SANITY_STUDIO_PROJECT_ID and SANITY_STUDIO_DATASET name the project and dataset in both modes
// (in lake mode the values serve.ts passes win: they are the lake's own). `sanity build` and
// `sanity deploy` inline SANITY_STUDIO_* variables (from the environment or a .env file).
import type {WorkspaceOptions} from 'sanity'

/** What serve.ts writes into index.html when it serves the Studio for a lake. */
export interface RuntimeLake {
  url: string
  projectId?: string
  dataset?: string
  /** The club site's origin, shown in the Presentation tool. */
  previewUrl?: string
}

export interface StudioEnvironmentSource {
  runtimeLake?: RuntimeLake | undefined
  SANITY_STUDIO_LAKE_URL?: string | undefined
  SANITY_STUDIO_PROJECT_ID?: string | undefined
  SANITY_STUDIO_DATASET?: string | undefined
  SANITY_STUDIO_PREVIEW_URL?: string | undefined
}

/** `previewUrl`: the club site the Presentation tool shows; without it the Studio has no Presentation tool. */
export type StudioEnvironment =
  | {mode: 'lake'; lakeUrl: string; projectId: string; dataset: string; previewUrl?: string}
  | {mode: 'hosted'; projectId: string; dataset: string; previewUrl?: string}

/** The lake's defaults (lake/src/config.ts), used in lake mode when nothing names them. */
const LAKE_PROJECT_ID = 'spotter'
const DEFAULT_DATASET = 'production'
const PROJECT_ID = /^[a-z0-9-]+$/
const DATASET = /^[a-z0-9][a-z0-9_-]{0,63}$/

export function resolveStudioEnvironment(source: StudioEnvironmentSource): StudioEnvironment {
  const set = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim())
  const rawLakeUrl = set(source.runtimeLake?.url) ?? set(source.SANITY_STUDIO_LAKE_URL)
  const dataset = check(
    set(source.runtimeLake?.dataset) ?? set(source.SANITY_STUDIO_DATASET) ?? DEFAULT_DATASET,
    DATASET,
    'SANITY_STUDIO_DATASET',
    'use 1-64 of a-z, 0-9, "_" and "-", starting with a letter or digit',
  )
  const projectId = set(source.runtimeLake?.projectId) ?? set(source.SANITY_STUDIO_PROJECT_ID)
  const rawPreviewUrl = set(source.runtimeLake?.previewUrl) ?? set(source.SANITY_STUDIO_PREVIEW_URL)
  const preview = rawPreviewUrl === undefined ? {} : {previewUrl: checkPreviewUrl(rawPreviewUrl)}
  if (rawLakeUrl === undefined) {
    if (projectId === undefined) {
      throw new Error(
        'SANITY_STUDIO_PROJECT_ID is not set: without SANITY_STUDIO_LAKE_URL the Studio works on hosted Sanity and needs the project id (sanity.io/manage)',
      )
    }
    return {
      mode: 'hosted',
      projectId: check(projectId, PROJECT_ID, 'SANITY_STUDIO_PROJECT_ID', 'use a-z, 0-9 and "-"'),
      dataset,
      ...preview,
    }
  }
  let url: URL
  try {
    url = new URL(rawLakeUrl)
  } catch {
    throw new Error(`SANITY_STUDIO_LAKE_URL "${rawLakeUrl}" is not a URL: give the lake's HTTPS address, e.g. https://localhost:3030`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SANITY_STUDIO_LAKE_URL "${rawLakeUrl}" must be an http(s) URL, e.g. https://localhost:3030`)
  }
  return {
    mode: 'lake',
    lakeUrl: rawLakeUrl.replace(/\/+$/, ''),
    projectId: check(projectId ?? LAKE_PROJECT_ID, PROJECT_ID, 'SANITY_STUDIO_PROJECT_ID', 'use a-z, 0-9 and "-"'),
    dataset,
    ...preview,
  }
}

/** The club site's origin: an http(s) URL, kept without a trailing slash. */
function checkPreviewUrl(raw: string): string {
  let url: URL | undefined
  try {
    url = new URL(raw)
  } catch {}
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`SANITY_STUDIO_PREVIEW_URL "${raw}" is not an http(s) URL: give the club site's address, e.g. http://localhost:3100`)
  }
  return raw.replace(/\/+$/, '')
}

function check(value: string, pattern: RegExp, name: string, rule: string): string {
  if (!pattern.test(value)) throw new Error(`${name} "${value}" is not valid: ${rule}`)
  return value
}

type EnvironmentSettings = Pick<
  WorkspaceOptions,
  | 'projectId'
  | 'dataset'
  | 'apiHost'
  | 'auth'
  | 'search'
  | 'releases'
  | 'tasks'
  | 'scheduledPublishing'
  | 'scheduledDrafts'
  | 'announcements'
  | 'mediaLibrary'
  | 'document'
>

/** The workspace settings for an environment: hosted mode keeps Sanity's defaults. */
export function environmentSettings(environment: StudioEnvironment): EnvironmentSettings {
  const {projectId, dataset} = environment
  if (environment.mode === 'hosted') return {projectId, dataset}
  const {lakeUrl} = environment
  return {
    projectId,
    dataset,
    apiHost: lakeUrl,
    auth: {
      // Tokens, not cookies: the lake issues no sessions. The lake's login page asks for a lake
      // token and hands it back as `#token=...`, which the Studio keeps in localStorage.
      loginMethod: 'token',
      redirectOnSingle: true,
      providers: [{name: 'spotter-lake', title: 'Sign in with a lake token', url: `${lakeUrl}/auth/login`}],
    },
    // GROQ `match` search: the default strategy's text::query() is hosted-only (groq-js lacks it).
    search: {strategy: 'groqLegacy'},
    // Hosted-only features: each would open another listener or call a hosted service.
    releases: {enabled: false},
    tasks: {enabled: false},
    scheduledPublishing: {enabled: false},
    scheduledDrafts: {enabled: false},
    announcements: {enabled: false},
    mediaLibrary: {enabled: false},
    document: {comments: {enabled: false}},
  }
}
