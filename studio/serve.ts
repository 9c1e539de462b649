// Serves the built Studio (studio/dist) as a single-page app: files as they are, every other path
// gets index.html so deep links into the desk work. Used by `npm start` and the browser tests.
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as path from 'node:path'
import type {AddressInfo} from 'node:net'
import type {RuntimeLake} from './src/environment.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

function indexHtml(file: string, lake: RuntimeLake | undefined): string {
  const html = fs.readFileSync(file, 'utf8')
  if (!lake) return html
  const script = `<script>window.__SPOTTER_LAKE__=${JSON.stringify(lake).replace(/</g, '\\u003c')}</script>`
  return html.replace(/<head>/i, `<head>${script}`)
}

/**
 * The only places the Studio may reach: this server and the lake. Studio 6.16 also calls hosted
 * services that no option turns off (the Inter web font, a "latest version" check on the module
 * CDN, the feedback/error intake, the dashboard bridge script); the browser blocks those at
 * once instead of sending them, and the Studio carries on without them (system font, no update
 * notice).
 */
export function contentSecurityPolicy(lakeUrl: string, previewUrl?: string): string {
  const lake = new URL(lakeUrl)
  const port = lake.port ? `:${lake.port}` : ''
  const apiOrigins = [`https://${lake.hostname}${port}`, `https://*.${lake.hostname}${port}`]
  const socketOrigins = [`wss://${lake.hostname}${port}`, `wss://*.${lake.hostname}${port}`]
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${apiOrigins.join(' ')}`,
    `media-src 'self' data: blob: ${apiOrigins.join(' ')}`,
    "font-src 'self' data:",
    `connect-src 'self' ${[...apiOrigins, ...socketOrigins].join(' ')}`,
    "worker-src 'self' blob:",
    // The club site, shown by the Presentation tool in a frame.
    `frame-src 'self'${previewUrl ? ` ${new URL(previewUrl).origin}` : ''}`,
  ].join('; ')
}

export interface StudioServer {
  url: string
  port: number
  /** Serve another build from now on (after a rebuild). */
  setDir(dir: string): void
  close(): Promise<void>
}

/**
 * Serves a Studio build. For a lake: `lakeUrl` (and the lake's `projectId` and `dataset`) point
 * it at that lake at run time (a script in index.html sets `window.__SPOTTER_LAKE__`, read by
 * src/environment.ts), so one build serves a lake on any port, and the CSP keeps it on the
 * machine. Without `lakeUrl` the build is served as it is: a hosted-mode Studio, which must reach
 * Sanity's hosted services, so no CSP either.
 */
export async function serveStudio(options: {
  dir: string
  lakeUrl?: string
  projectId?: string
  dataset?: string
  /** The club site's origin, for the Presentation tool (lake mode). */
  previewUrl?: string
  port?: number
  host?: string
}): Promise<StudioServer> {
  let root = ''
  let index = ''
  const setDir = (dir: string) => {
    const next = path.resolve(dir)
    if (!fs.existsSync(path.join(next, 'index.html'))) throw new Error(`No built Studio in ${next}: run the Studio build first`)
    root = next
    index = path.join(next, 'index.html')
  }
  setDir(options.dir)
  const csp = options.lakeUrl === undefined ? undefined : contentSecurityPolicy(options.lakeUrl, options.previewUrl)
  const lake: RuntimeLake | undefined =
    options.lakeUrl === undefined
      ? undefined
      : {url: options.lakeUrl, projectId: options.projectId, dataset: options.dataset, previewUrl: options.previewUrl}
  const server = http.createServer((req, res) => {
    if (csp) res.setHeader('content-security-policy', csp)
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://studio').pathname)
    const file = path.join(root, path.normalize(pathname))
    const inside = file.startsWith(root + path.sep)
    const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : index
    const hashed = target !== index && pathname.startsWith('/static/')
    if (target === index) {
      res.setHeader('content-type', TYPES['.html']!)
      res.setHeader('cache-control', 'no-cache')
      res.end(indexHtml(index, lake))
      return
    }
    res.setHeader('content-type', TYPES[path.extname(target)] ?? 'application/octet-stream')
    // index.html changes with every build; hashed bundles never do.
    res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    fs.createReadStream(target)
      .on('error', () => {
        res.statusCode = 500
        res.end()
      })
      .pipe(res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://localhost:${port}`,
    port,
    setDir,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
