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
  images: {unoptimized: true},
  // Cached pages and results live in the server's memory, not in the shared build folder: a build
  // serves many lakes (npm start, each test), and one's content must never show on another's site.
  experimental: {isrFlushToDisk: false},
  // Metadata in <head> for every reader, not streamed after the body: link previews and crawlers read it there.
  htmlLimitedBots: /./,
}

export default nextConfig
