// The HTTP server: version prefix, project resolution, auth, CORS, routing and error answers.
import type {IncomingMessage} from 'node:http'
import type {Http2ServerRequest} from 'node:http2'
import type {AddressInfo, Socket} from 'node:net'
import type {Duplex} from 'node:stream'
import {TLSSocket} from 'node:tls'
import {authenticate} from './auth.ts'
import {DEFAULT_ANONYMOUS_BODY_LIMIT, DEFAULT_BODY_LIMIT} from './http/body.ts'
import {sendJson, type Request, type RequestContext, type Response} from './http/context.ts'
import {applyCors, corsCheck} from './http/cors.ts'
import {badRequest, forbidden, HttpError, notFound, toHttpError} from './errors.ts'
import {RateLimiter} from './http/rate-limit.ts'
import {HOSTED_RATE_LIMITS, type RateLimits} from './rate-limits.ts'
import {decodePathSegment, Router} from './http/router.ts'
import {createTransport} from './http/transport.ts'
import type {Lake} from './lake.ts'
import {handleActions} from './routes/actions.ts'
import {handleListen} from './routes/listen.ts'
import {handleLiveEvents} from './routes/live-events.ts'
import {createListenFilters, DEFAULT_LISTEN_FILTER_TIMEOUT_MS, type ListenFilters} from './listen-filters.ts'
import {handleHistoryDocument, handleHistoryEvents, handleHistoryTransactions} from './routes/history.ts'
import {assetDownload, assetUpload} from './routes/assets.ts'
import {handleDoc} from './routes/doc.ts'
import {handleExport, handleImport} from './routes/import-export.ts'
import {handleMutate} from './routes/mutate.ts'
import {createDataset, deleteDataset, editDataset, getDataset, getProject, listDatasets} from './routes/projects.ts'
import {handleQuery} from './routes/query.ts'
import {handleReset, handleSnapshot} from './routes/reset.ts'
import {addStudioRoutes} from './routes/studio.ts'
import {addLoginRoutes} from './routes/login.ts'
import {createPresence, rejectUpgrade, SOCKET_PATH, type Presence} from './presence/index.ts'

export interface ServerOptions {
  lake: Lake
  port: number
  host: string
  tls: {cert: string; key: string}
  bodyLimit?: number
  /** Body limit for requests without a token (default 300 KB, hosted's query limit). */
  anonymousBodyLimit?: number
  keepaliveMs?: number
  /** Time a listen filter may take per transaction before its listener is closed (default 1000). */
  listenFilterTimeoutMs?: number
  /** Open listeners without a token at most (default 1000). */
  anonymousListeners?: number
  /** Hosted's rate limits by default; null turns them off (local bulk work). */
  rateLimits?: RateLimits | null
}

export interface RunningServer {
  port: number
  /** Plain HTTP/1.1 base URL; the same port also speaks HTTPS (HTTP/2). */
  url: string
  httpsUrl: string
  close(): Promise<void>
}

const VERSION_PREFIX = /^\/v(\d{4}-\d{2}-\d{2}|\d+|X)(\/.*)$/

function buildRouter(): Router {
  return addLoginRoutes(addStudioRoutes(new Router()))
    .add('GET', '/data/query/:dataset', handleQuery)
    .add('POST', '/data/query/:dataset', handleQuery)
    .add('GET', '/data/doc/:dataset/:ids', handleDoc)
    .add('POST', '/data/mutate/:dataset', handleMutate)
    .add('POST', '/data/actions/:dataset', handleActions)
    .add('GET', '/data/listen/:dataset', handleListen)
    .add('GET', '/data/live/events/:dataset', handleLiveEvents)
    .add('POST', '/data/import/:dataset', handleImport)
    .add('GET', '/data/export/:dataset', handleExport)
    .add('POST', '/lake/snapshot/:dataset', handleSnapshot)
    .add('POST', '/lake/reset/:dataset', handleReset)
    .add('GET', '/data/history/:dataset/documents/:id', handleHistoryDocument)
    .add('GET', '/data/history/:dataset/transactions/:ids', handleHistoryTransactions)
    .add('GET', '/data/history/:dataset/events/documents/:id', handleHistoryEvents)
    .add('POST', '/assets/images/:dataset', assetUpload('image'))
    .add('POST', '/assets/files/:dataset', assetUpload('file'))
    .add('GET', '/projects/:projectId', getProject)
    .add('GET', '/projects/:projectId/datasets', listDatasets)
    .add('GET', '/projects/:projectId/datasets/:name', getDataset)
    .add('PUT', '/projects/:projectId/datasets/:name', createDataset)
    .add('PATCH', '/projects/:projectId/datasets/:name', editDataset)
    .add('DELETE', '/projects/:projectId/datasets/:name', deleteDataset)
    .add('GET', '/datasets', listDatasets)
    .add('GET', '/datasets/:name', getDataset)
    .add('PUT', '/datasets/:name', createDataset)
    .add('PATCH', '/datasets/:name', editDataset)
    .add('DELETE', '/datasets/:name', deleteDataset)
    .add('GET', '/ping', (ctx) => sendJson(ctx.res, 200, {ok: true}))
    .add('GET', '/check/cors', (ctx) => sendJson(ctx.res, 200, {result: corsCheck(ctx.lake.cors, ctx.req.headers.origin)}))
    .add('GET', '/images/:projectId/:dataset/:file', assetDownload, false)
    .add('GET', '/files/:projectId/:dataset/:file', assetDownload, false)
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const router = buildRouter()
  const listenFilters = createListenFilters(options.listenFilterTimeoutMs ?? DEFAULT_LISTEN_FILTER_TIMEOUT_MS, options.anonymousListeners)
  const settings: Settings = {
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    anonymousBodyLimit: options.anonymousBodyLimit ?? DEFAULT_ANONYMOUS_BODY_LIMIT,
    keepaliveMs: options.keepaliveMs ?? 15_000,
    listenFilters,
  }
  const limits = options.rateLimits === undefined ? HOSTED_RATE_LIMITS : options.rateLimits
  const limiter = limits === null ? null : new RateLimiter(limits)
  const handler = (req: Request, res: Response) => {
    void handle(req, res, options.lake, router, limiter, settings)
  }
  const presence = createPresence(options.lake.config, settings.keepaliveMs)
  const transport = createTransport(handler, options.tls, (req, socket, head) => upgrade(req, socket, head, options.lake, presence))
  await new Promise<void>((resolve, reject) => {
    transport.server.once('error', reject)
    transport.server.listen(options.port, options.host, () => resolve())
  })
  const port = (transport.server.address() as AddressInfo).port
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    port,
    url: `http://${host}:${port}`,
    httpsUrl: `https://localhost:${port}`,
    close: async () => {
      presence.close()
      await transport.close()
      await listenFilters.close()
    },
  }
}

/** WebSocket upgrades: only the presence socket, resolved like an HTTP request (prefix, project, token, dataset). */
function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, lake: Lake, presence: Presence): void {
  socket.on('error', () => socket.destroy())
  try {
    const url = requestUrl(req)
    const path = VERSION_PREFIX.exec(url.pathname)?.[2] ?? url.pathname
    const dataset = SOCKET_PATH.exec(path)?.[1]
    if (req.method !== 'GET' || dataset === undefined)
      throw notFound(`Not found: ${req.method} ${url.pathname} (WebSocket upgrades are served on /v{version}/socket/:dataset)`)
    checkProjectId(req, requestHost(req), lake)
    // A page's socket acts with its user's credentials: like a credentialed API call, only
    // from an origin allowed with credentials (clients that are no page send no Origin).
    const origin = req.headers.origin
    if (origin && !lake.cors.match(origin)?.allowCredentials) {
      throw forbidden(
        `Origin ${origin} may not open the presence socket: it is not a CORS origin of this lake with credentials allowed (npm run lake -- cors add ${origin} --credentials)`,
      )
    }
    const principal = authenticate(req.headers, url.searchParams, lake.config)
    const name = decodePathSegment(dataset)
    lake.dataset(name)
    presence.accept(req, socket, head, name, principal)
  } catch (err) {
    rejectUpgrade(socket, err)
  }
}

interface Settings {
  bodyLimit: number
  anonymousBodyLimit: number
  keepaliveMs: number
  listenFilters: ListenFilters
}

async function handle(
  req: Request,
  res: Response,
  lake: Lake,
  router: Router,
  limiter: RateLimiter | null,
  settings: Settings,
): Promise<void> {
  try {
    const url = requestUrl(req)
    const versioned = VERSION_PREFIX.exec(url.pathname)
    const path = versioned ? (versioned[2] ?? '/') : url.pathname
    if (applyCors(req, res, lake.cors, path)) return
    const match = router.match(req.method ?? 'GET', path, versioned !== null)
    if (match === null) throw notFound(`Not found: ${req.method} ${url.pathname}`)
    if (match === 'method') throw new HttpError(405, 'methodNotAllowedError', `Method ${req.method} is not allowed on ${url.pathname}`)
    // API calls only: asset bytes are the CDN's on hosted, not the API's.
    if (versioned) limiter?.admit(req, res, path, match.params.dataset)
    const host = requestHost(req)
    checkProjectId(req, host, lake)
    const tokenless = !req.headers.authorization && !url.searchParams.has('token')
    const ctx: RequestContext = {
      req,
      res,
      method: req.method ?? 'GET',
      path,
      apiVersion: versioned ? (versioned[1] ?? null) : null,
      query: url.searchParams,
      params: match.params,
      principal: authenticate(req.headers, url.searchParams, lake.config),
      lake,
      baseUrl: `${isTls(req) ? 'https' : 'http'}://${stripProject(host, lake.projectId)}`,
      isHttp2: req.httpVersionMajor === 2,
      bodyLimit: tokenless ? Math.min(settings.anonymousBodyLimit, settings.bodyLimit) : settings.bodyLimit,
      tokenless,
      keepaliveMs: settings.keepaliveMs,
      listenFilters: settings.listenFilters,
    }
    await match.handler(ctx)
  } catch (err) {
    sendError(res, err)
  }
}

export function sendError(res: Response, err: unknown): void {
  const error = toHttpError(err)
  if (res.headersSent) {
    res.end()
    return
  }
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value)
  sendJson(res, error.statusCode, error.toBody())
}

/** The request target as a URL; `//x` is a path here, not a host, and what cannot parse is a 400. */
function requestUrl(req: Request): URL {
  const target = req.url ?? '/'
  try {
    return target.startsWith('/') ? new URL(`http://lake${target}`) : new URL(target, 'http://lake')
  } catch {
    throw badRequest(`Malformed request target: ${target.slice(0, 200)}`)
  }
}

function requestHost(req: Request): string {
  const authority = (req as Http2ServerRequest).authority
  return (typeof authority === 'string' && authority) || req.headers.host || 'localhost'
}

function isTls(req: Request): boolean {
  return (req.socket as Socket) instanceof TLSSocket || req.httpVersionMajor === 2
}

/** `{projectId}.localhost:PORT` -> `localhost:PORT`: asset bytes are served without the prefix. */
function stripProject(host: string, projectId: string): string {
  return host.startsWith(`${projectId}.`) ? host.slice(projectId.length + 1) : host
}

/** The project comes from the host (`{projectId}.localhost`) or the X-Sanity-Project-ID header. */
function checkProjectId(req: Request, host: string, lake: Lake): void {
  const header = req.headers['x-sanity-project-id']
  if (typeof header === 'string' && header && header !== lake.projectId) {
    throw notFound(`Project "${header}" not found: this lake serves project "${lake.projectId}"`, 'projectNotFoundError')
  }
  // Only `<one label>.localhost` names a project; localhost and IP addresses do not.
  const labels = host.replace(/:\d+$/, '').split('.')
  if (labels.length === 2 && labels[1] === 'localhost') {
    const prefix = labels[0]
    if (prefix !== lake.projectId) {
      throw notFound(
        `Project "${prefix}" not found: this lake serves project "${lake.projectId}" (host ${lake.projectId}.localhost)`,
        'projectNotFoundError',
      )
    }
  }
}
