// GET /data/live/events/:dataset: the Live Content API. After each transaction a `message` event
// whose `tags` name what it may have invalidated (sync-tags.ts), its id the transaction's id (a
// stream position). `Last-Event-ID` resumes after a position from the transaction log; a position
// the log does not hold answers `restart` (refetch everything) and the stream goes on from the end.
// Without a token only public documents produce tags; drafts need a token and `includeDrafts`.
import {readScope} from '../auth.ts'
import type {RequestContext} from '../http/context.ts'
import {queryFlag} from '../http/context.ts'
import {HttpError, unauthorized} from '../errors.ts'
import {EventStream} from '../http/sse.ts'
import type {CommittedTransaction, Dataset} from '../store/dataset.ts'
import type {Lake} from '../lake.ts'
import {transactionTags, type StreamReach, type TagContext} from '../live/sync-tags.ts'

/** Open streams without a token, per lake. */
const openAnonymous = new WeakMap<Lake, number>()

export function handleLiveEvents(ctx: RequestContext): void {
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  const includeDrafts = queryFlag(ctx.query, 'includeDrafts', false)
  const accept = ctx.req.headers.accept
  if (accept && !accept.includes('text/event-stream') && !accept.includes('*/*')) {
    throw new HttpError(406, 'notAcceptableError', 'The live events API answers text/event-stream: send "Accept: text/event-stream"')
  }
  if (includeDrafts && ctx.principal.role === 'none') {
    throw unauthorized('includeDrafts requires a token with read access (drafts are not public)')
  }
  // Streams without a token share the anonymous listener limit's number, counted on their own.
  const open = openAnonymous.get(ctx.lake) ?? 0
  if (ctx.tokenless && open >= ctx.listenFilters.anonymousLimit) {
    throw new HttpError(
      429,
      'rateLimitedError',
      `Max live event stream limit exceeded at ${ctx.listenFilters.anonymousLimit} (streams without a token); send a token or retry later`,
    )
  }
  const reach: StreamReach = ctx.principal.role === 'none' ? 'anonymous' : includeDrafts ? 'drafts' : 'published'
  const context: TagContext = {projectId: ctx.lake.projectId, dataset: dataset.name}
  const stream = new EventStream(ctx.res, ctx.isHttp2, ctx.keepaliveMs)

  /** The tags of a transaction for this stream; read per transaction, as the dataset's mode may change. */
  const tagsOf = (transaction: CommittedTransaction) => {
    const aclMode = ctx.lake.aclMode(dataset.name)
    if (reach === 'anonymous' && readScope(ctx.principal, aclMode) === 'none') return []
    return transactionTags(
      context,
      transaction.changes.map((change) => change.id),
      reach,
      aclMode,
    )
  }
  let lastSeq = 0
  const send = (transaction: CommittedTransaction) => {
    if (transaction.seq <= lastSeq) return
    lastSeq = transaction.seq
    const tags = tagsOf(transaction)
    if (tags.length > 0) stream.send('message', {tags}, transaction.id)
  }

  // Subscribed before the log is read: the replay and the live events meet without a gap
  // (reading the log is synchronous, so no transaction is announced in between).
  const unsubscribe = dataset.onTransaction(send)
  const stopOnDelete = dataset.onDelete(() => {
    stream.send('goaway', {reason: `Dataset "${dataset.name}" was deleted`}, dataset.lastTransactionId() ?? undefined)
    stream.end()
  })
  if (ctx.tokenless) openAnonymous.set(ctx.lake, open + 1)
  stream.onClose(() => {
    unsubscribe()
    stopOnDelete()
    if (ctx.tokenless) openAnonymous.set(ctx.lake, (openAnonymous.get(ctx.lake) ?? 1) - 1)
  })
  stream.send('welcome', {}, dataset.lastTransactionId() ?? undefined)
  const resumeFrom = lastEventId(ctx)
  if (resumeFrom === null) return
  const missed = missedSince(dataset, resumeFrom)
  if (missed === null) stream.send('restart', {}, dataset.lastTransactionId() ?? undefined)
  else for (const transaction of missed) send(transaction)
}

/** The position to resume after: the `Last-Event-ID` header (the EventSource standard). */
export function lastEventId(ctx: RequestContext): string | null {
  const header = ctx.req.headers['last-event-id']
  const value = Array.isArray(header) ? header[0] : header
  return value ? value.trim() : null
}

/** The transactions after stream position `position` (a transaction id), or null when the log does not hold it. */
export function missedSince(dataset: Dataset, position: string, options: {including?: boolean} = {}): CommittedTransaction[] | null {
  return position.length > 0 && position.length <= 200 ? dataset.transactionsAfter(position, options) : null
}
