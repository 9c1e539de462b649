// The club site's Next.js configuration. Everything site-specific comes from the environment when
// the server starts (lib/config.ts); only the build folder is chosen here (build.ts names it after
// a hash of the sources).
import * as path from 'node:path'
import type {NextConfig} from 'next'

const root = path.join(import.meta.dirname, '..', '..')

const nextConfig: NextConfig = {
  distDir: process.env.SPOTTER_SITE_DIST_DIR ?? '.next',
  // The repository's own `npm run typecheck` and `npm run lint` check the sources.
  typescript: {ignoreBuildErrors: true},
  turbopack: {root},
  outputFileTracingRoot: root,
  poweredByHeader: false,
  // No ETag: Next.js hashes the whole page in JavaScript on every request to make one, which a CPU
  // profile of cached pages showed as the largest single cost of serving them (bench/README.md).
  generateEtags: false,
  images: {unoptimized: true},
  // Cached pages and results live in the server's memory, not in the shared build folder: a build
  // serves many lakes (npm start, each test), and one's content must never show on another's site.
  experimental: {isrFlushToDisk: false},
  // Metadata in <head> for every reader, not streamed after the body: link previews and crawlers read it there.
  htmlLimitedBots: /./,
  // The home page is one of the pages app/[page] renders and caches (see there); `/home` is not an
  // address of its own.
  rewrites: async () => ({beforeFiles: [{source: '/', destination: '/home'}], afterFiles: [], fallback: []}),
  redirects: async () => [{source: '/home', destination: '/', permanent: true}],
}

export default nextConfig
