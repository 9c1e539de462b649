// The HTTP server: version prefix, project resolution, auth, CORS, routing and error answers.
import type {IncomingMessage} from 'node:http'
import type {Http2ServerRequest} from 'node:http2'
import type {AddressInfo, Socket} from 'node:net'
import type {Duplex} from 'node:stream'
import {TLSSocket} from 'node:tls'
import {authenticate} from './auth.ts'
import {DEFAULT_BODY_LIMIT} from './http/body.ts'
import {sendJson, type Request, type RequestContext, type Response} from './http/context.ts'
import {applyCors} from './http/cors.ts'
import {HttpError, notFound, toHttpError} from './http/errors.ts'
import {decodePathSegment, Router} from './http/router.ts'
import {createTransport} from './http/transport.ts'
import type {Lake} from './lake.ts'
import {handleActions} from './actions.ts'
import {handleListen} from './listen.ts'
import {handleHistoryDocument, handleHistoryEvents, handleHistoryTransactions} from './routes/history.ts'
import {assetDownload, assetUpload} from './routes/assets.ts'
import {handleDoc} from './routes/doc.ts'
import {handleExport, handleImport} from './routes/import-export.ts'
import {handleMutate} from './routes/mutate.ts'
import {createDataset, deleteDataset, getProject, listDatasets} from './routes/projects.ts'
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
  keepaliveMs?: number
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
    .add('PUT', '/projects/:projectId/datasets/:name', createDataset)
    .add('DELETE', '/projects/:projectId/datasets/:name', deleteDataset)
    .add('GET', '/datasets', listDatasets)
    .add('PUT', '/datasets/:name', createDataset)
    .add('DELETE', '/datasets/:name', deleteDataset)
    .add('GET', '/ping', (ctx) => sendJson(ctx.res, 200, {ok: true}))
    .add('GET', '/images/:projectId/:dataset/:file', assetDownload, false)
    .add('GET', '/files/:projectId/:dataset/:file', assetDownload, false)
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const router = buildRouter()
  const settings = {bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, keepaliveMs: options.keepaliveMs ?? 15_000}
  const handler = (req: Request, res: Response) => {
    void handle(req, res, options.lake, router, settings)
  }
  const presence = createPresence(options.lake.config, settings.keepaliveMs)
  const transport = createTransport(handler, options.tls, (req, socket, head) => upgrade(req, socket, head, options.lake, presence))
  await new Promise<void>((resolve, reject) => {
    transport.server.once('error', reject)
    transport.server.listen(options.port, options.host, () => resolve())
  })
  const port = (transport.server.address() as AddressInfo).port
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {port, url: `http://${host}:${port}`, httpsUrl: `https://localhost:${port}`, close: async () => {
    presence.close()
    await transport.close()
  }}
}

/** WebSocket upgrades: only the presence socket, resolved like an HTTP request (prefix, project, token, dataset). */
function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, lake: Lake, presence: Presence): void {
  socket.on('error', () => socket.destroy())
  try {
    const url = new URL(req.url ?? '/', 'http://lake')
    const path = VERSION_PREFIX.exec(url.pathname)?.[2] ?? url.pathname
    const dataset = SOCKET_PATH.exec(path)?.[1]
    if (req.method !== 'GET' || dataset === undefined) throw notFound(`Not found: ${req.method} ${url.pathname} (WebSocket upgrades are served on /v{version}/socket/:dataset)`)
    checkProjectId(req, requestHost(req), lake)
    const principal = authenticate(req.headers, url.searchParams, lake.config)
    const name = decodePathSegment(dataset)
    lake.dataset(name)
    presence.accept(req, socket, head, name, principal)
  } catch (err) {
    rejectUpgrade(socket, err)
  }
}

async function handle(req: Request, res: Response, lake: Lake, router: Router, settings: {bodyLimit: number; keepaliveMs: number}): Promise<void> {
  try {
    if (applyCors(req, res)) return
    const url = new URL(req.url ?? '/', 'http://lake')
    const versioned = VERSION_PREFIX.exec(url.pathname)
    const path = versioned ? (versioned[2] ?? '/') : url.pathname
    const match = router.match(req.method ?? 'GET', path, versioned !== null)
    if (match === null) throw notFound(`Not found: ${req.method} ${url.pathname}`)
    if (match === 'method') throw new HttpError(405, 'methodNotAllowedError', `Method ${req.method} is not allowed on ${url.pathname}`)
    const host = requestHost(req)
    checkProjectId(req, host, lake)
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
      ...settings,
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
  sendJson(res, error.statusCode, error.toBody())
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
      throw notFound(`Project "${prefix}" not found: this lake serves project "${lake.projectId}" (host ${lake.projectId}.localhost)`, 'projectNotFoundError')
    }
  }
}
