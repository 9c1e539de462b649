// The service's HTTP API:
//   GET    /v1/feed.json, /v1/feed.atom   partner key: the partner's feed (?since=cursor&limit=N)
//   GET    /v1/deliveries                 partner key: its own delivery log; publisher key: all (?partner=, ?status=)
//   POST   /v1/webhooks/sanity            signed by the lake or Sanity (sanity-webhook-signature)
//   GET    /v1/partners, POST /v1/partners, DELETE /v1/partners/:id, POST /v1/reconcile   publisher key
//   GET    /v1/health
// Keys come as `Authorization: Bearer <key>`. Errors: {"error": {"type", "description"}, "statusCode"}.
import * as http from 'node:http'
import type {AddressInfo} from 'node:net'
import {assertValidSignature, decodeSignatureHeader, isSignatureError, SIGNATURE_HEADER_NAME} from '@sanity/webhook'
import {ArticleSource} from './articles.ts'
import type {ServiceConfig} from './config.ts'
import {CursorError, decodeCursor, encodeCursor} from './cursor.ts'
import {DeliveryWorker} from './deliveries.ts'
import {atomFeed, jsonFeed} from './feeds.ts'
import {hashKey} from './keys.ts'
import {ApiError, createPartner, publicPartner} from './partners.ts'
import {SyndicationStore} from './storage/store.ts'
import {Syndicator} from './sync.ts'
import type {DeliveryStatus, PartnerRecord} from './types.ts'

const RECONCILE_RETRY_MS = 1000
const RECONCILE_RETRY_MAX_MS = 60_000
export interface RunningService {
  url: string
  port: number
  store: SyndicationStore
  syndicator: Syndicator
  close(): Promise<void>
}

const BODY_LIMIT = 1024 * 1024

type Caller = {kind: 'partner'; partner: PartnerRecord} | {kind: 'publisher'; name: string}

export async function startService(config: ServiceConfig): Promise<RunningService> {
  const store = await SyndicationStore.open(config.storage)
  const source = new ArticleSource(config.source)
  const worker = new DeliveryWorker(store, config.delivery)
  const syndicator = new Syndicator(store, source, () => worker.wake())
  const cursorSecret = await store.secrets.get('cursor-secret')

  const caller = async (req: http.IncomingMessage): Promise<Caller> => {
    const header = req.headers.authorization ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    if (!match) throw new ApiError(401, 'unauthorized', 'Missing API key: send "Authorization: Bearer <key>"')
    const hash = hashKey(match[1]!)
    const partner = await store.partners.byKeyHash(hash)
    if (partner) return {kind: 'partner', partner}
    const publisher = await store.publisherKeys.nameByKeyHash(hash)
    if (publisher) return {kind: 'publisher', name: publisher}
    throw new ApiError(401, 'unauthorized', 'Unknown API key')
  }
  const publisherOnly = async (req: http.IncomingMessage) => {
    const who = await caller(req)
    if (who.kind !== 'publisher') throw new ApiError(403, 'forbidden', 'This endpoint needs a publisher key')
    return who
  }
  const partnerOnly = async (req: http.IncomingMessage) => {
    const who = await caller(req)
    if (who.kind !== 'partner') throw new ApiError(403, 'forbidden', 'Feeds are per partner: use a partner key')
    return who.partner
  }

  const feed = async (req: http.IncomingMessage, url: URL, format: 'json' | 'atom') => {
    const partner = await partnerOnly(req)
    const sinceText = url.searchParams.get('since')
    let since: number | null = null
    if (sinceText !== null) {
      try {
        since = decodeCursor(cursorSecret, partner.id, sinceText)
      } catch (err) {
        if (err instanceof CursorError) throw new ApiError(400, 'invalidCursor', err.message)
        throw err
      }
    }
    const limitText = url.searchParams.get('limit') ?? '100'
    const limit = Number(limitText)
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 1000)
      throw new ApiError(400, 'invalidLimit', '"limit" must be an integer from 1 to 1000')
    const {rows, head} = await store.feed.read(partner.id, since, limit)
    const hasMore = rows.length === limit && (rows.at(-1)?.seq ?? 0) < head
    // At the end of the feed the cursor moves to the head, past tombstones a first sync skipped.
    const cursor = encodeCursor(cursorSecret, partner.id, hasMore ? rows.at(-1)!.seq : Math.max(head, since ?? 0))
    const self = new URL(url)
    const next = new URL(url)
    next.searchParams.set('since', cursor)
    const meta = {partnerId: partner.id, partnerName: partner.name, feedUrl: self.toString(), nextUrl: next.toString(), cursor, hasMore}
    return format === 'json'
      ? {status: 200, type: 'application/feed+json; charset=utf-8', body: JSON.stringify(jsonFeed(rows, meta))}
      : {status: 200, type: 'application/atom+xml; charset=utf-8', body: atomFeed(rows, meta)}
  }

  const inbound = async (req: http.IncomingMessage, body: string) => {
    const signature = req.headers[SIGNATURE_HEADER_NAME]
    if (typeof signature !== 'string') throw new ApiError(401, 'invalidSignature', `Missing ${SIGNATURE_HEADER_NAME} header`)
    try {
      await assertValidSignature(body, signature, config.webhookSecret)
    } catch (err) {
      if (isSignatureError(err)) throw new ApiError(err.statusCode, 'invalidSignature', `Webhook signature rejected: ${err.message}`)
      throw err
    }
    const {timestamp} = decodeSignatureHeader(signature)
    if (Math.abs(Date.now() - timestamp) > config.signatureToleranceMs) {
      throw new ApiError(
        401,
        'invalidSignature',
        `Webhook signature is older than ${config.signatureToleranceMs} ms: refused as a possible replay`,
      )
    }
    let payload: unknown
    try {
      payload = JSON.parse(body)
    } catch {
      throw new ApiError(400, 'invalidBody', 'Webhook body is not JSON')
    }
    const fromBody = typeof payload === 'object' && payload !== null ? (payload as {_id?: unknown})._id : undefined
    const header = req.headers['sanity-document-id']
    const documentId = typeof fromBody === 'string' ? fromBody : typeof header === 'string' ? header : null
    if (!documentId) throw new ApiError(400, 'invalidBody', 'Webhook names no document: project "_id" or send sanity-document-id')
    const idempotency = req.headers['idempotency-key']
    const key = typeof idempotency === 'string' && idempotency ? `key:${idempotency}` : `sig:${signature}`
    if (!(await store.inbound.remember(key)))
      return {status: 200, type: 'application/json', body: JSON.stringify({ok: true, duplicate: true})}
    try {
      const changes = await syndicator.recompute([documentId])
      return {status: 200, type: 'application/json', body: JSON.stringify({ok: true, documentId, feedChanges: changes.length})}
    } catch (err) {
      await store.inbound.forget(key) // let the sender's retry do it again
      throw new ApiError(503, 'sourceUnavailable', `Could not read the content source: ${(err as Error).message}`)
    }
  }

  // A reconcile that failed (the content source down, or answering 429 past the client's retries)
  // is tried again with backoff until it succeeds: no webhook may be left to fill the gap.
  let closed = false
  let retryTimer: NodeJS.Timeout | null = null
  let retrying = false
  const reconcileUntilDone = (when: string, error: unknown, delayMs = RECONCILE_RETRY_MS) => {
    console.error(`[syndication] reconcile ${when} failed, retrying in ${delayMs} ms: ${(error as Error).message}`)
    if (retrying || closed) return
    retrying = true
    retryTimer = setTimeout(() => {
      retryTimer = null
      syndicator.reconcileAll().then(
        () => {
          retrying = false
          console.error(`[syndication] reconcile ${when} done after a retry`)
        },
        (err: unknown) => {
          retrying = false
          reconcileUntilDone(when, err, Math.min(RECONCILE_RETRY_MAX_MS, delayMs * 2))
        },
      )
    }, delayMs)
    retryTimer.unref()
  }

  const route = async (req: http.IncomingMessage, url: URL, body: string) => {
    const method = req.method ?? 'GET'
    const path = url.pathname
    if (method === 'GET' && path === '/v1/health') return json(200, {ok: true})
    if (method === 'GET' && path === '/v1/feed.json') return feed(req, url, 'json')
    if (method === 'GET' && path === '/v1/feed.atom') return feed(req, url, 'atom')
    if (method === 'POST' && path === '/v1/webhooks/sanity') return inbound(req, body)
    if (method === 'GET' && path === '/v1/deliveries') {
      const who = await caller(req)
      const status = url.searchParams.get('status')
      if (status !== null && !['pending', 'delivered', 'failed'].includes(status))
        throw new ApiError(400, 'invalidStatus', '"status" must be pending, delivered or failed')
      const asked = url.searchParams.get('partner')
      if (who.kind === 'partner' && asked !== null && asked !== who.partner.id)
        throw new ApiError(403, 'forbidden', 'A partner key reads only its own deliveries')
      const partnerId = who.kind === 'partner' ? who.partner.id : (asked ?? undefined)
      const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100))
      return json(200, {
        deliveries: await store.deliveries.list({
          ...(partnerId ? {partnerId} : {}),
          ...(status ? {status: status as DeliveryStatus} : {}),
          limit,
        }),
      })
    }
    if (path === '/v1/partners' && method === 'GET') {
      await publisherOnly(req)
      return json(200, {partners: (await store.partners.list()).map(publicPartner)})
    }
    if (path === '/v1/partners' && method === 'POST') {
      await publisherOnly(req)
      const input = parseJson(body)
      const created = await createPartner(store, {id: input.id, name: input.name, webhookUrl: input.webhookUrl ?? null})
      // The new partner's feed starts with everything it may have. The partner exists either way
      // (its key is shown only now); if the content source is down, the next change or reconcile fills it.
      const reconciled = await syndicator.reconcileAll().then(
        () => true,
        (err: unknown) => {
          reconcileUntilDone(`after adding partner "${created.partner.id}"`, err)
          return false
        },
      )
      return json(201, {...created, reconciled})
    }
    const remove = /^\/v1\/partners\/([^/]+)$/.exec(path)
    if (remove && method === 'DELETE') {
      await publisherOnly(req)
      if (!(await store.partners.remove(decodeURIComponent(remove[1]!)))) throw new ApiError(404, 'notFound', `No partner "${remove[1]}"`)
      return json(200, {ok: true})
    }
    if (path === '/v1/reconcile' && method === 'POST') {
      await publisherOnly(req)
      const changes = await syndicator.reconcileAll().catch((err: unknown) => {
        throw new ApiError(503, 'sourceUnavailable', `Could not read the content source: ${(err as Error).message}`)
      })
      return json(200, {feedChanges: changes.length})
    }
    throw new ApiError(404, 'notFound', `Not found: ${method} ${path}`)
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= BODY_LIMIT) chunks.push(chunk)
    })
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
      const handle =
        size > BODY_LIMIT
          ? Promise.reject(new ApiError(413, 'bodyTooLarge', `Body larger than ${BODY_LIMIT} bytes`))
          : route(req, url, Buffer.concat(chunks).toString('utf8'))
      handle
        .then((answer) => res.writeHead(answer.status, {'content-type': answer.type, 'cache-control': 'no-store'}).end(answer.body))
        .catch((err: unknown) => {
          const error = err instanceof ApiError ? err : new ApiError(500, 'internalError', `Internal error: ${(err as Error).message}`)
          if (!(err instanceof ApiError)) console.error('[syndication]', err)
          res
            .writeHead(error.status, {'content-type': 'application/json'})
            .end(JSON.stringify({error: {type: error.type, description: error.message}, statusCode: error.status}))
        })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  worker.start()
  const INBOUND_KEEP_MS = 7 * 24 * 3600_000
  const prune = () => void store.inbound.prune(new Date(Date.now() - INBOUND_KEEP_MS)).catch(() => undefined)
  prune()
  const pruneTimer = setInterval(prune, 3600_000)
  pruneTimer.unref()
  // Catch up with whatever changed while the service was down (webhooks are only triggers).
  syndicator.reconcileAll().catch((err: unknown) => reconcileUntilDone('at start-up', err))
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    store,
    syndicator,
    async close() {
      closed = true
      if (retryTimer) clearTimeout(retryTimer)
      clearInterval(pruneTimer)
      await new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
      await worker.stop()
      await store.close()
    },
  }
}

function json(status: number, value: unknown) {
  return {status, type: 'application/json; charset=utf-8', body: JSON.stringify(value)}
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const value = JSON.parse(body) as unknown
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // fall through
  }
  throw new ApiError(400, 'invalidBody', 'Body must be a JSON object')
}
