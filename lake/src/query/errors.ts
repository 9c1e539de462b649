// Errors the query engine rejects with. The server maps them to the hosted API's error shapes:
// QueryParseError -> 400 queryParseError, QueryTimeoutError -> time limit, QueryExecutionError -> 400.

/** The query is not valid GROQ. `start`/`end` are UTF-16 offsets into the query. */
export class QueryParseError extends Error {
  override name = 'QueryParseError'
  readonly description: string
  readonly start: number
  readonly end: number
  constructor(description: string, start: number, end: number) {
    super(description)
    this.description = description
    this.start = start
    this.end = end
  }
}

/** Evaluation took longer than the engine's time limit and was abandoned. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError'
  readonly timeoutMs: number
  constructor(timeoutMs: number) {
    super(`Query exceeded the time limit of ${timeoutMs} ms`)
    this.timeoutMs = timeoutMs
  }
}

/** The query parsed but could not be evaluated (a bad parameter, an unsupported function, ...). */
export class QueryExecutionError extends Error {
  override name = 'QueryExecutionError'
  readonly description: string
  constructor(description: string) {
    super(description)
    this.description = description
  }
}
