// The lake's shared vocabulary. The HTTP server (lake/src/**) and the query engine
// (lake/src/query/**) meet here; change it only with both sides in view.

/** A stored document. System fields are maintained by the lake on every write. */
export interface SanityDocument {
  _id: string
  _type: string
  _rev: string
  _createdAt: string
  _updatedAt: string
  [field: string]: unknown
}

/**
 * How a query sees drafts, as the hosted API defines it:
 * - `raw`: every document as stored, drafts (`drafts.x`) and versions (`versions.r.x`) included;
 * - `published`: no drafts, no versions;
 * - `drafts` (alias `previewDrafts`): a draft stands in for its published document, with the
 *   published `_id` and `_originalId` set to the draft's id.
 */
export type Perspective = 'raw' | 'published' | 'drafts' | 'previewDrafts'

/** One committed change to one document: the state after the transaction, or null if deleted. */
export interface DocumentChange {
  id: string
  document: SanityDocument | null
}

/**
 * Which stored documents a request may read, by hosted's fixed access rules (applied before the
 * perspective): `all` (a token); `rootPaths`, only ids without a `.` (no token, public dataset:
 * drafts, versions and every other dotted id are absent, and `->` to them is null); `none`
 * (no token, private dataset).
 */
export type ReadScope = 'all' | 'rootPaths' | 'none'

export interface QueryRequest {
  query: string
  params: Record<string, unknown>
  perspective: Perspective
  /** Default `all`. */
  scope?: ReadScope
  /** Sent without a token: the engine runs it in its smaller anonymous share (see query/pool.ts). */
  anonymous?: boolean
  /** Who sent it (the remote address), so one anonymous client cannot take the whole share. */
  client?: string
  /**
   * Documents the query does not order come out shuffled, a new order each query (the hosted API
   * promises no order without `order()`; the lake otherwise answers in `_id` order).
   */
  shuffleUnordered?: boolean
}

export interface QueryResponse {
  result: unknown
  /** Evaluation time in milliseconds, as the hosted API reports it. */
  ms: number
  /**
   * `result` as JSON text, when the engine has it (the worker-thread engine always does; then
   * `result` is parsed from it only when read). A server can send it as is instead of parsing and
   * serialising a large result again on its event loop.
   */
  json?: string
}

/**
 * One dataset's query engine. The server owns the documents; it hands the engine the full set
 * once (`load`) and then every committed change in commit order (`apply`). Queries issued after
 * `apply` returns must see the change.
 */
export interface QueryEngine {
  load(documents: Iterable<SanityDocument>): void
  apply(changes: readonly DocumentChange[]): void
  /**
   * Evaluates a query without blocking the server's event loop. Rejects with
   * `QueryParseError` (-> 400 queryParseError) or `QueryTimeoutError` (-> the time limit was hit;
   * evaluation is abandoned) or `QueryExecutionError` (-> 400, e.g. an unknown function, a bad
   * param), `QueryParameterError` (a param that cannot be handed to a thread) or `QueryBusyError`
   * (the anonymous share is full).
   */
  query(request: QueryRequest): Promise<QueryResponse>
  close(): Promise<void>
}
