// GET /data/listen/:dataset: server-sent events for documents matching a GROQ filter.
// Each listener's filter is evaluated on a document before and after each change: an event goes
// out when either matches, with transition appear / disappear / update; one event per document
// per transaction, chained previousRev -> resultRev; transactionTotalEvents counts this
// listener's events for the transaction.
import {randomUUID} from 'node:crypto'
import {evaluateSync, parse, type ExprNode} from 'groq-js'
import {canRead, datasetScope} from './auth.ts'
import {queryFlag, type RequestContext} from './http/context.ts'
import {badRequest} from './http/errors.ts'
import {EventStream} from './http/sse.ts'
import {isVersionId} from './mutations/ids.ts'
import {paramsFromSearch} from './routes/query.ts'
import type {CommittedTransaction} from './store/dataset.ts'
import type {SanityDocument} from './types.ts'

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
  const stream = new EventStream(ctx.res, ctx.isHttp2, ctx.keepaliveMs)
  if (queryFlag(ctx.query, 'evs_preamble', false)) stream.comment(' '.repeat(2056))
  let tree: ExprNode
  try {
    tree = topLevelFilter(parse(query, {params}))
  } catch (err) {
    stream.send('channelError', {message: `Invalid listen query: ${(err as Error).message}`})
    stream.end()
    return
  }
  stream.send('welcome', {listenerName: `lake-${randomUUID().slice(0, 8)}`})

  const matches = (doc: SanityDocument | null): boolean => {
    if (!doc) return false
    try {
      const result = (evaluateSync(tree, {dataset: [doc], params}) as {data: unknown}).data
      return Array.isArray(result) ? result.length > 0 : Boolean(result)
    } catch {
      return false
    }
  }

  const unsubscribe = dataset.onTransaction((transaction) => {
    // Read per transaction: a dataset made private stops events to anonymous listeners at once.
    const scope = datasetScope(ctx, dataset.name)
    const events = eventsFor(transaction, options, matches, (id) => canRead(scope, id))
    events.forEach((event, index) => {
      event.transactionTotalEvents = events.length
      // Zero-based, as @sanity/client documents it.
      event.transactionCurrentEvent = index
      stream.send('mutation', event, event.eventId as string)
    })
  })
  const stopOnDelete = dataset.onDelete(() => {
    // `disconnect` tells the client not to reconnect: the dataset is gone.
    stream.send('disconnect', {reason: `Dataset "${dataset.name}" was deleted`})
    stream.end()
  })
  stream.onClose(() => {
    unsubscribe()
    stopOnDelete()
  })
}

/**
 * The part of a listen query that selects documents: as hosted, only the top-level filter counts;
 * projections, slices and ordering around it are ignored. `*[a][b]` keeps both filters.
 */
function topLevelFilter(tree: ExprNode): ExprNode {
  let node: ExprNode = tree
  while (node.type !== 'Filter' && node.type !== 'Everything' && 'base' in node) node = node.base as ExprNode
  let inner: ExprNode = node
  while (inner.type === 'Filter') inner = inner.base
  // Anything else (a subquery, a literal) is evaluated whole, as before.
  return inner.type === 'Everything' ? node : tree
}

function eventsFor(
  transaction: CommittedTransaction,
  options: ListenOptions,
  matches: (doc: SanityDocument | null) => boolean,
  visible: (id: string) => boolean,
): Array<Record<string, unknown>> {
  const events: Array<Record<string, unknown>> = []
  for (const change of transaction.changes) {
    if (!visible(change.id)) continue
    if (isVersionId(change.id) && !options.includeAllVersions) continue
    const before = matches(change.previous)
    const after = matches(change.document)
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
