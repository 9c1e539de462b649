// GET /data/listen/:dataset: server-sent events for documents matching a GROQ filter.
// Each listener's filter is evaluated on a document before and after each change: an event goes
// out when either matches, with transition appear / disappear / update; one event per document
// per transaction, chained previousRev -> resultRev; transactionTotalEvents counts this
// listener's events for the transaction. Filters run on filter threads with a time limit
// (listen-filters.ts): a commit never waits for them, and an overrunning filter's listener is
// closed with `channelError`.
import {randomUUID} from 'node:crypto'
import {canRead, datasetScope} from '../auth.ts'
import {queryFlag, type RequestContext} from '../http/context.ts'
import {badRequest, HttpError} from '../errors.ts'
import {EventStream} from '../http/sse.ts'
import {isVersionId} from '../mutations/ids.ts'
import {paramsFromSearch} from './query.ts'
import {lastEventId, missedSince} from './live-events.ts'
import type {CommittedTransaction} from '../store/dataset.ts'
import {compileFilter} from '../listen-filter.ts'
import type {Documents} from '../listen-filters.ts'
import type {SanityDocument} from '../types.ts'

interface ListenOptions {
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  includeAllVersions: boolean
  mendoza: boolean
  visibility: string
}

export function handleListen(ctx: RequestContext): void {
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const query = ctx.query.get('query')
  if (!query) throw badRequest('Missing "query": give a GROQ filter such as *[_type == "exercise"]', 'queryParseError')
  const params = paramsFromSearch(ctx.query)
  const options: ListenOptions = {
    // Absent means false: @sanity/client sends includeResult=true by default and drops false values.
    includeResult: queryFlag(ctx.query, 'includeResult', false),
    includePreviousRevision: queryFlag(ctx.query, 'includePreviousRevision', false),
    includeMutations: queryFlag(ctx.query, 'includeMutations', true),
    includeAllVersions: queryFlag(ctx.query, 'includeAllVersions', false),
    mendoza: ctx.query.get('effectFormat') === 'mendoza',
    visibility: ctx.query.get('visibility') ?? 'transaction',
  }
  if (!ctx.listenFilters.hasRoom(ctx.tokenless)) {
    throw new HttpError(
      429,
      'rateLimitedError',
      `Max listener limit exceeded at ${ctx.listenFilters.anonymousLimit} (listeners without a token); send a token or retry later`,
    )
  }
  if (ctx.method === 'HEAD') {
    // The headers a GET would get, and no stream to keep open.
    ctx.res.statusCode = 200
    ctx.res.setHeader('content-type', 'text/event-stream; charset=utf-8')
    ctx.res.end()
    return
  }
  const stream = new EventStream(ctx.res, ctx.isHttp2, ctx.keepaliveMs)
  if (queryFlag(ctx.query, 'evs_preamble', false)) stream.comment(' '.repeat(2056))
  try {
    compileFilter(query, params)
  } catch (err) {
    stream.send('channelError', {message: `Invalid listen query: ${(err as Error).message}`})
    stream.end()
    return
  }
  const listenerName = `lake-${randomUUID().slice(0, 8)}`
  // With `enableResume`, a reconnect's Last-Event-ID (a transaction, or `txid#documentId` for a
  // mutation event) replays what the listener missed from the log after `welcomeback`, or
  // answers `reset` when the log does not hold that position. Every stream event carries the
  // position, so a listener that saw no mutation still resumes.
  const position = () => dataset.lastTransactionId() ?? undefined
  const resumeFrom = queryFlag(ctx.query, 'enableResume', false) ? lastEventId(ctx) : null

  let unsubscribe = () => {}
  const filter = ctx.listenFilters.add(query, params, ctx.tokenless, (message) => {
    unsubscribe()
    stream.send('channelError', {message})
    stream.end()
  })
  let lastSeq = 0
  /** `after`: a resumed transaction's document whose event the listener already had; only later events go out. */
  const deliver = (transaction: CommittedTransaction, after?: string) => {
    if (transaction.seq <= lastSeq) return
    lastSeq = transaction.seq
    // Read per transaction: a dataset made private stops events to anonymous listeners at once.
    const scope = datasetScope(ctx, dataset.name)
    filter.evaluate(documentsOf(transaction), (matches) => {
      const events = eventsFor(
        transaction,
        options,
        (index) => [matches[2 * index] === true, matches[2 * index + 1] === true],
        (id) => canRead(scope, id),
      )
      const from = after === undefined ? 0 : events.findIndex((event) => event.documentId === after) + 1
      events.forEach((event, index) => {
        event.transactionTotalEvents = events.length
        // Zero-based, as @sanity/client documents it.
        event.transactionCurrentEvent = index
        if (index >= from) stream.send('mutation', event, event.eventId as string)
      })
    })
  }
  // Synchronous from here to the subscription: no transaction slips between replay and live.
  // A mutation event's id names its transaction and document: the rest of that transaction's
  // events (a connection cut between two of them) go out first.
  const hash = resumeFrom?.indexOf('#') ?? -1
  const resumeTransaction = resumeFrom === null ? '' : hash < 0 ? resumeFrom : resumeFrom.slice(0, hash)
  const resumeDocument = resumeFrom !== null && hash >= 0 ? resumeFrom.slice(hash + 1) : ''
  const partial = resumeDocument !== ''
  const missed = resumeFrom === null ? null : missedSince(dataset, resumeTransaction, {including: partial})
  if (resumeFrom === null) stream.send('welcome', {listenerName}, position())
  else if (missed === null) stream.send('reset', {}, position())
  else {
    stream.send('welcomeback', {listenerName}, resumeFrom)
    missed.forEach((transaction, index) => deliver(transaction, partial && index === 0 ? resumeDocument : undefined))
  }
  unsubscribe = dataset.onTransaction(deliver)
  const stopOnDelete = dataset.onDelete(() => {
    // `disconnect` tells the client not to reconnect: the dataset is gone.
    stream.send('disconnect', {reason: `Dataset "${dataset.name}" was deleted`})
    stream.end()
  })
  stream.onClose(() => {
    unsubscribe()
    stopOnDelete()
    filter.remove()
  })
}

/** Each change's document before and after, flattened; one array per transaction, shared by its listeners. */
const transactionDocuments = new WeakMap<CommittedTransaction, Documents>()
function documentsOf(transaction: CommittedTransaction): Documents {
  let documents = transactionDocuments.get(transaction)
  if (!documents) {
    documents = transaction.changes.flatMap((change) => [change.previous, change.document])
    transactionDocuments.set(transaction, documents)
  }
  return documents
}

function eventsFor(
  transaction: CommittedTransaction,
  options: ListenOptions,
  /** Whether the filter matched change `index` before and after. */
  matched: (index: number) => [boolean, boolean],
  visible: (id: string) => boolean,
): Array<Record<string, unknown>> {
  const events: Array<Record<string, unknown>> = []
  for (const [index, change] of transaction.changes.entries()) {
    if (!visible(change.id)) continue
    if (isVersionId(change.id) && !options.includeAllVersions) continue
    const [before, after] = matched(index)
    if (!before && !after) continue
    const event: Record<string, unknown> = {
      type: 'mutation',
      eventId: `${transaction.id}#${change.id}`,
      documentId: change.id,
      transactionId: transaction.id,
      transition: before && after ? 'update' : after ? 'appear' : 'disappear',
      identity: transaction.identity,
    }
    if (options.includeMutations) event.mutations = change.mutations
    if (options.includeResult && change.document) event.result = change.document
    if (options.includePreviousRevision && change.previous) event.previous = change.previous
    if (change.previous) event.previousRev = change.previous._rev
    event.resultRev = transaction.id
    event.timestamp = transaction.timestamp
    event.visibility = options.visibility
    if (options.mendoza) {
      // The smallest valid mendoza patch: opcode 0 outputs the literal (whole document, no _rev).
      event.effects = {apply: [0, withoutRev(change.document)], revert: [0, withoutRev(change.previous)]}
    }
    events.push(event)
  }
  return events
}

function withoutRev(doc: SanityDocument | null): Record<string, unknown> | null {
  if (!doc) return null
  const {_rev: _omit, ...rest} = doc
  return rest
}
