// GET/POST /data/query/:dataset: GROQ with $params, answered as {query, result, ms}.
import {QueryBusyError, QueryExecutionError, QueryParameterError, QueryParseError, QueryTimeoutError} from '../query/index.ts'
import {readJson} from '../http/body.ts'
import {isPlainObject} from '../json.ts'
import {queryFlag, sendJsonText, type RequestContext} from '../http/context.ts'
import {badRequest, HttpError} from '../errors.ts'
import {datasetScope} from '../auth.ts'
import {resolvePerspective} from '../perspective.ts'
import {queryTags} from '../live/sync-tags.ts'

export async function handleQuery(ctx: RequestContext): Promise<void> {
  const dataset = ctx.lake.dataset(ctx.params.dataset ?? '')
  let query: unknown
  let params: Record<string, unknown> = {}
  let perspectiveValue = ctx.query.get('perspective')
  if (ctx.method === 'POST') {
    const body = await readJson(ctx.req, ctx.bodyLimit)
    if (!isPlainObject(body)) throw badRequest('Request body must be a JSON object like {"query": "...", "params": {}}')
    query = body.query
    if (body.params !== undefined) {
      if (!isPlainObject(body.params)) throw badRequest('"params" must be an object')
      params = body.params
    }
    if (typeof body.perspective === 'string') perspectiveValue = body.perspective
    else if (Array.isArray(body.perspective)) perspectiveValue = body.perspective.join(',')
  } else {
    query = ctx.query.get('query')
    params = paramsFromSearch(ctx.query)
  }
  if (typeof query !== 'string' || query.trim() === '') throw badRequest('Missing "query": give a GROQ query', 'queryParseError')
  const perspective = resolvePerspective(perspectiveValue, ctx.apiVersion, ctx.principal)
  const scope = datasetScope(ctx, dataset.name)
  const response = await runQuery(
    () =>
      dataset.query({
        query,
        params,
        perspective,
        scope,
        anonymous: ctx.tokenless,
        client: ctx.req.socket?.remoteAddress,
        shuffleUnordered: ctx.lake.config.shuffleUnordered === true,
      }),
    query,
  )
  const head = queryFlag(ctx.query, 'returnQuery', true) ? `{"query":${JSON.stringify(query)},` : '{'
  // The engine hands over the result as JSON text: send it as is rather than parse and
  // serialise a large result again on the event loop.
  const result = response.json ?? JSON.stringify(response.result ?? null)
  // What the result depends on, for the Live Content API (from API version 2021-03-25, as hosted).
  const tags = hasSyncTags(ctx.apiVersion)
    ? `"syncTags":${JSON.stringify(queryTags({projectId: ctx.lake.projectId, dataset: dataset.name}, perspective, scope !== 'all'))},`
    : ''
  sendJsonText(ctx.res, 200, `${head}"result":${result},${tags}"ms":${response.ms}}`)
}

function hasSyncTags(apiVersion: string | null): boolean {
  return apiVersion === 'X' || (apiVersion !== null && /^\d{4}-\d{2}-\d{2}$/.test(apiVersion) && apiVersion >= '2021-03-25')
}

/** `$name=<JSON>` search params, as @sanity/client encodes them. */
export function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(value)
    } catch {
      throw badRequest(`Parameter "${key}" is not valid JSON: ${value.slice(0, 100)}`, 'invalidParameterError')
    }
  }
  return params
}

/** Maps the engine's errors to the hosted API's answers. */
export async function runQuery<T>(run: () => Promise<T>, query: string): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof QueryParseError) {
      throw new HttpError(400, 'queryParseError', err.description, {query, start: err.start, end: err.end})
    }
    if (err instanceof QueryTimeoutError) {
      throw new HttpError(400, 'queryTimeout', `Query exceeded the time limit of ${err.timeoutMs} ms`)
    }
    if (err instanceof QueryParameterError) throw badRequest(err.message, 'invalidParameterError', {parameter: err.parameter})
    if (err instanceof QueryBusyError) throw new HttpError(429, 'rateLimitedError', err.message)
    if (err instanceof QueryExecutionError) throw new HttpError(400, 'queryExecutionError', err.description)
    throw err
  }
}
