// An example syndication partner:
//   POST /webhooks/spotter  a signed delivery: verified with @sanity/webhook, then the feed is synced
//   GET  /                  the synced articles
//   GET  /articles/:documentId  one article, rendered here with the SDK's HTML renderer,
//                           with its attribution, licence and disclaimers
// Deliveries are only triggers: the feed (JSON Feed, `?since=` cursor) is the source of truth.
// A wrong signature is 401; a signature older than the tolerance or seen before is a replay (409
// for a repeat); a new attempt of an already processed delivery (same idempotency key, fresh
// signature) is acknowledged without processing it again.
import * as http from 'node:http'
import type {AddressInfo} from 'node:net'
import {assertValidSignature, decodeSignatureHeader, isSignatureError, SIGNATURE_HEADER_NAME} from '@sanity/webhook'
import {articleToHtml, escapeHtml} from '@spotter/sdk/html'
import type {models} from '@spotter/sdk'
import {loadState, saveState, type PartnerState, type StoredItem} from './store.ts'

export interface PartnerAppOptions {
  port: number
  host?: string
  /** The syndication service, e.g. http://127.0.0.1:4100 */
  serviceUrl: string
  apiKey: string
  webhookSecret: string
  storeFile: string
  /** Signatures older than this are refused as replays (default 5 minutes). */
  toleranceMs?: number
}

export interface PartnerApp {
  url: string
  port: number
  sync(): Promise<number>
  state(): PartnerState
  close(): Promise<void>
}

interface FeedResponse {
  items: Array<StoredItem | {id: string; _spotter: {deleted: true; reason: string}}>
  _spotter: {cursor: string; hasMore: boolean}
}

export async function startPartnerApp(options: PartnerAppOptions): Promise<PartnerApp> {
  const tolerance = options.toleranceMs ?? 300_000
  let state = loadState(options.storeFile)
  let chain: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn)
    chain = next.catch(() => undefined)
    return next
  }

  /** Pulls every change since the stored cursor; returns how many feed items were applied. */
  const sync = () =>
    serial(async () => {
      let applied = 0
      for (;;) {
        const url = new URL('/v1/feed.json', options.serviceUrl)
        if (state.cursor) url.searchParams.set('since', state.cursor)
        const res = await fetch(url, {headers: {authorization: `Bearer ${options.apiKey}`}})
        if (!res.ok) throw new Error(`Feed answered ${res.status}: ${await res.text()}`)
        const page = (await res.json()) as FeedResponse
        const items = {...state.items}
        for (const item of page.items) {
          if ('deleted' in item._spotter) delete items[item.id]
          else items[item.id] = item as StoredItem
        }
        state = {...state, items, cursor: page._spotter.cursor}
        saveState(options.storeFile, state)
        applied += page.items.length
        if (!page._spotter.hasMore) return applied
      }
    })

  const receive = async (req: http.IncomingMessage, body: string): Promise<{status: number; body: unknown}> => {
    const signature = req.headers[SIGNATURE_HEADER_NAME]
    if (typeof signature !== 'string') return {status: 401, body: {error: `Missing ${SIGNATURE_HEADER_NAME} header`}}
    try {
      await assertValidSignature(body, signature, options.webhookSecret)
    } catch (err) {
      if (isSignatureError(err)) return {status: err.statusCode, body: {error: `Invalid signature: ${err.message}`}}
      throw err
    }
    const {timestamp} = decodeSignatureHeader(signature)
    if (Date.now() - timestamp > tolerance) return {status: 401, body: {error: 'Signature too old: refused as a replay'}}
    return serial(async () => {
      if (state.signatures[signature])
        return {status: 409, body: {error: 'Replayed delivery: this exact signed request was already received'}}
      const event = JSON.parse(body) as {deliveryId?: string; type?: string; itemId?: string}
      const key = req.headers['idempotency-key']
      if (typeof key !== 'string' || key !== event.deliveryId)
        return {status: 400, body: {error: 'idempotency-key header missing or not the body deliveryId'}}
      const signatures = Object.fromEntries(Object.entries(state.signatures).filter(([, at]) => Date.now() - at < tolerance))
      state = {...state, signatures: {...signatures, [signature]: Date.now()}}
      if (state.events.some((e) => e.deliveryId === key)) {
        saveState(options.storeFile, state)
        return {status: 200, body: {ok: true, duplicate: true}}
      }
      return {status: 202, body: {ok: true, event}}
    })
  }

  const render = (item: StoredItem): string => {
    const s = item._spotter
    // Rendered here from the Portable Text, with the SDK's HTML renderer (not the feed's HTML).
    const html = articleToHtml(s.article as models.ArticleResult, {images: s.images})
    const licence = s.licence.url
      ? `<a rel="license" href="${escapeHtml(s.licence.url)}">${escapeHtml(s.licence.name)}</a>`
      : escapeHtml(s.licence.name)
    const disclaimers = s.disclaimers.map((d) => d.html).join('')
    return page(
      item.title,
      `${html}<section class="syndication-disclaimers">${disclaimers}</section><footer class="attribution"><p>${escapeHtml(s.attribution)}</p><p>Licence: ${licence}. Original: <a href="${escapeHtml(s.canonicalUrl)}">${escapeHtml(s.canonicalUrl)}</a></p></footer>`,
    )
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://partner')
        try {
          if (req.method === 'POST' && url.pathname === '/webhooks/spotter') {
            const answer = await receive(req, Buffer.concat(chunks).toString('utf8'))
            if (answer.status === 202) {
              // Accepted: sync, and only then record the delivery as processed (a failed sync is retried by the sender).
              await sync()
              const event = (answer.body as {event: {deliveryId: string; type: string; itemId: string}}).event
              await serial(async () => {
                state = {
                  ...state,
                  events: [
                    ...state.events,
                    {deliveryId: event.deliveryId, type: event.type, itemId: event.itemId, receivedAt: new Date().toISOString()},
                  ],
                }
                saveState(options.storeFile, state)
              })
              answer.status = 200
            }
            res.writeHead(answer.status, {'content-type': 'application/json'}).end(JSON.stringify(answer.body))
            return
          }
          if (req.method === 'GET' && url.pathname === '/') {
            const items = Object.values(state.items).sort((a, b) => a.title.localeCompare(b.title))
            const list = items
              .map((i) => `<li><a href="/articles/${encodeURIComponent(i._spotter.documentId)}">${escapeHtml(i.title)}</a></li>`)
              .join('')
            res
              .writeHead(200, {'content-type': 'text/html; charset=utf-8'})
              .end(page('Syndicated articles', `<h1>Syndicated articles</h1><ul>${list}</ul>`))
            return
          }
          const article = /^\/articles\/([^/]+)$/.exec(url.pathname)
          if (req.method === 'GET' && article) {
            const item = Object.values(state.items).find((i) => i._spotter.documentId === decodeURIComponent(article[1]!))
            if (!item) {
              res.writeHead(404, {'content-type': 'text/html; charset=utf-8'}).end(page('Not found', '<h1>Not found</h1>'))
              return
            }
            res.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(render(item))
            return
          }
          res.writeHead(404, {'content-type': 'application/json'}).end(JSON.stringify({error: 'Not found'}))
        } catch (err) {
          res.writeHead(503, {'content-type': 'application/json'}).end(JSON.stringify({error: (err as Error).message}))
        }
      })()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    sync,
    state: () => state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`
}
