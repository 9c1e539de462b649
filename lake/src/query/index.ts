// The lake's query engine: GROQ over one dataset, evaluated by groq-js in a pool of worker
// threads, with indexes for the filter shapes the SDK uses; bounded point reads are answered on
// the calling thread. See pool.ts (threads, time limit), plan.ts (indexes) and point-read.ts.

export {createQueryEngine, type QueryEngineOptions} from './engine.ts'
export {QueryBusyError, QueryExecutionError, QueryParameterError, QueryParseError, QueryTimeoutError} from './errors.ts'
export {QueryPool, sharedQueryPool, type QueryPoolOptions} from './pool.ts'
