// The lake the Studio talks to, in this order: `window.__SPOTTER_LAKE_URL__` (set by studio/serve.ts
// when it serves the build, so one build serves a lake on any port), SANITY_STUDIO_LAKE_URL at build
// time (`sanity build` inlines SANITY_STUDIO_* variables), else the lake `npm start` runs. HTTPS:
// the lake speaks HTTP/2 only over TLS, and the Studio's listeners need HTTP/2 (more than six
// streams on one origin).
export const DEFAULT_LAKE_URL = 'https://localhost:3030'

declare global {
  interface Window {
    __SPOTTER_LAKE_URL__?: string
  }
}

const runtime = typeof window === 'undefined' ? undefined : window.__SPOTTER_LAKE_URL__

export const lakeUrl: string = (runtime || process.env.SANITY_STUDIO_LAKE_URL || DEFAULT_LAKE_URL).replace(/\/+$/, '')
