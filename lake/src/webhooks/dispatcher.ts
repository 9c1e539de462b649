// Sends the lake's webhooks after commit. Each committed change that a webhook may want (its
// dataset, its operations, drafts only with includeDrafts) is queued durably inside the commit;
// the filter and projection are evaluated later (delta mode: before(), after(), delta::*), so the
// commit never waits on GROQ or the network. Each webhook delivers its events one at a time, in
// commit order, retrying with exponential backoff; the signature header is @sanity/webhook's.
import {createHash} from 'node:crypto'
import * as http from 'node:http'
import * as https from 'node:https'
import * as path from 'node:path'
import {encodeSignatureHeader, SIGNATURE_HEADER_NAME} from '@sanity/webhook'
import {evaluate, parse, type ExprNode} from 'groq-js'
import type {Lake} from '../lake.ts'
import {isDraftId, isVersionId} from '../mutations/ids.ts'
import type {CommittedTransaction, Dataset} from '../store/dataset.ts'
import type {WebhookConfig, WebhookOperation} from './config.ts'
import {WebhookQueue, type DoneStatus, type WebhookEvent} from './queue.ts'

export interface WebhookDispatcher {
  /** Events queued and not yet delivered, filtered out or given up on. */
  readonly pending: number
  close(): Promise<void>
}

interface HookState {
  config: WebhookConfig
  filter: ExprNode | null
  projection: ExprNode | null
  queue: WebhookEvent[]
  running: boolean
  timer: NodeJS.Timeout | null
}

export function startWebhooks(lake: Lake, options: {log?: (line: string) => void} = {}): WebhookDispatcher | null {
  const configs = lake.config.webhooks ?? []
  if (configs.length === 0) return null
  const log = options.log ?? ((line: string) => console.log(line))
  const {queue, pending} = WebhookQueue.open(path.join(lake.dataDir, 'webhooks'))
  const hooks = new Map<string, HookState>()
  for (const config of configs) {
    hooks.set(config.name, {
      config,
      filter: config.filter ? parse(`*[${config.filter}]`, {mode: 'delta'}) : null,
      projection: config.projection ? parse(`@${config.projection}`, {mode: 'delta'}) : null,
      queue: [],
      running: false,
      timer: null,
    })
  }
  let closed = false
  const inFlight = new Set<Promise<void>>()

  const finish = (event: WebhookEvent, status: DoneStatus, attempts: number) => {
    queue.done(event.key, status, attempts)
    if (status === 'failed')
      log(`[lake] webhook "${event.hook}" gave up on ${event.documentId} (${event.transactionId}) after ${attempts} attempts`)
  }

  // One worker per hook: delivers the head of its queue, then the next; a failure waits out its backoff.
  const pump = (hook: HookState, attempt = 1) => {
    if (closed || hook.running || hook.timer) return
    const event = hook.queue[0]
    if (!event) return
    hook.running = true
    const run = deliver(lake, hook, event, attempt)
      .then((outcome) => {
        hook.running = false
        if (outcome === 'retry' && attempt < hook.config.retry.maxAttempts) {
          const delay = Math.min(hook.config.retry.maxMs, hook.config.retry.baseMs * 2 ** (attempt - 1))
          hook.timer = setTimeout(() => {
            hook.timer = null
            pump(hook, attempt + 1)
          }, delay)
          return
        }
        hook.queue.shift()
        finish(event, outcome === 'retry' ? 'failed' : outcome, attempt)
        pump(hook)
      })
      .catch((err: unknown) => {
        hook.running = false
        log(`[lake] webhook "${hook.config.name}" failed unexpectedly: ${(err as Error).message}`)
      })
    inFlight.add(run)
    void run.finally(() => inFlight.delete(run))
  }

  for (const event of pending) {
    const hook = hooks.get(event.hook)
    if (hook) hook.queue.push(event)
    else queue.done(event.key, 'failed', 0) // its webhook was removed from the config
  }
  const unsubscribers: Array<() => void> = []
  for (const name of lake.listDatasets()) {
    const forDataset = [...hooks.values()].filter((h) => h.config.dataset === name)
    if (forDataset.length === 0) continue
    const dataset = lake.dataset(name)
    unsubscribers.push(
      dataset.onTransaction((transaction) => {
        const events = forDataset.flatMap((hook) => eventsFor(hook.config, dataset, transaction))
        queue.add(events) // durable before the commit is acknowledged
        for (const event of events) hooks.get(event.hook)?.queue.push(event)
        for (const hook of forDataset) queueMicrotask(() => pump(hook))
      }),
    )
  }
  for (const hook of hooks.values()) pump(hook)

  return {
    get pending() {
      return queue.pendingCount
    },
    async close() {
      closed = true
      for (const stop of unsubscribers) stop()
      for (const hook of hooks.values()) if (hook.timer) clearTimeout(hook.timer)
      await Promise.allSettled([...inFlight])
      queue.close()
    },
  }
}

function eventsFor(config: WebhookConfig, dataset: Dataset, transaction: CommittedTransaction): WebhookEvent[] {
  const events: WebhookEvent[] = []
  for (const change of transaction.changes) {
    if (isVersionId(change.id) || (isDraftId(change.id) && !config.includeDrafts)) continue
    const operation: WebhookOperation | null =
      change.previous && change.document ? 'update' : change.document ? 'create' : change.previous ? 'delete' : null
    if (!operation || !config.on.includes(operation)) continue
    events.push({
      key: `lake-${createHash('sha256').update(`${config.name}\n${dataset.name}\n${transaction.id}\n${change.id}`).digest('hex').slice(0, 32)}`,
      hook: config.name,
      dataset: dataset.name,
      transactionId: transaction.id,
      timestamp: transaction.timestamp,
      documentId: change.id,
      operation,
      before: change.previous,
      after: change.document,
    })
  }
  return events
}

type Outcome = 'delivered' | 'filtered' | 'retry' | 'failed'

async function deliver(lake: Lake, hook: HookState, event: WebhookEvent, attempt: number): Promise<Outcome> {
  const doc = event.after ?? event.before
  if (!doc) return 'filtered'
  const dataset = lake.hasDataset(event.dataset) ? lake.dataset(event.dataset) : null
  const sanity = {projectId: lake.projectId, dataset: event.dataset}
  // `*` and `references()` read the whole dataset (each document decoded from its text); `->` only
  // the documents it names; a plain projection nothing but the document itself.
  const readsDataset = (text: string) => /\*|references/.test(text)
  const docs = (text: string) => (dataset && readsDataset(text) ? [...dataset.allDocuments()] : [doc])
  const dereference = dataset ? ({_ref}: {_ref: string}) => dataset.get(_ref) : undefined
  let body: string
  try {
    if (hook.filter) {
      const matched = await (await evaluate(hook.filter, {dataset: [doc], before: event.before, after: event.after, sanity})).get()
      if (!Array.isArray(matched) || matched.length === 0) return 'filtered'
    }
    const payload = hook.projection
      ? await (
          await evaluate(hook.projection, {
            root: doc,
            dataset: docs(hook.config.projection),
            dereference,
            before: event.before,
            after: event.after,
            sanity,
          })
        ).get()
      : doc
    body = JSON.stringify(payload ?? null)
  } catch (err) {
    console.error(`[lake] webhook "${hook.config.name}": filter/projection failed for ${event.documentId}: ${(err as Error).message}`)
    return 'failed'
  }
  const headers: Record<string, string> = {
    ...hook.config.headers,
    'content-type': 'application/json',
    'user-agent': 'Spotter lake webhook delivery',
    'idempotency-key': event.key,
    'sanity-webhook-id': hook.config.name,
    'sanity-project-id': lake.projectId,
    'sanity-dataset': event.dataset,
    'sanity-document-id': event.documentId,
    'sanity-operation': event.operation,
    'sanity-transaction-id': event.transactionId,
    'sanity-transaction-time': event.timestamp,
    'sanity-webhook-attempt': String(attempt),
  }
  // Signed per attempt (fresh timestamp), so a receiver can refuse old signatures as replays.
  if (hook.config.secret) headers[SIGNATURE_HEADER_NAME] = await encodeSignatureHeader(body, Date.now(), hook.config.secret)
  const status = await send(hook.config.url, hook.config.httpMethod, headers, body, hook.config.timeoutMs)
  if (status !== null && status >= 200 && status < 300) return 'delivered'
  // Network errors, timeouts, 408, 429 and 5xx are worth retrying; other answers are final.
  if (status === null || status === 408 || status === 429 || status >= 500) return 'retry'
  console.error(`[lake] webhook "${hook.config.name}" refused by ${hook.config.url} with HTTP ${status} for ${event.documentId}`)
  return 'failed'
}

/** node:http rather than fetch: hosted webhooks send the body with every method, GET included. */
function send(url: string, method: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const target = new URL(url)
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {method, headers: {...headers, 'content-length': String(Buffer.byteLength(body))}, timeout: timeoutMs},
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? null))
        res.on('error', () => resolve(null))
      },
    )
    request.on('timeout', () => request.destroy(new Error('timeout')))
    request.on('error', () => resolve(null))
    request.end(body)
  })
}
