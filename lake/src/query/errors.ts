// Errors the query engine rejects with. The server maps them to the hosted API's error shapes:
// QueryParseError -> 400 queryParseError, QueryTimeoutError -> time limit, QueryExecutionError -> 400,
// QueryParameterError -> 400 naming the parameter, QueryBusyError -> 429.

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

/** A `$param` that cannot be handed to a query thread (nested too deeply to copy). */
export class QueryParameterError extends Error {
  override name = 'QueryParameterError'
  readonly parameter: string
  constructor(parameter: string, reason: string) {
    super(`Parameter $${parameter} cannot be used: it is nested too deeply (${reason})`)
    this.parameter = parameter
  }
}

/** The share of the pool for queries without a token is full: running and waiting. */
export class QueryBusyError extends Error {
  override name = 'QueryBusyError'
  constructor(limit: string) {
    super(`Too many queries without a token are waiting (${limit}); retry later or send a token`)
  }
}
