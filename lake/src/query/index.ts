// The lake's query engine: GROQ over one dataset, evaluated by groq-js in worker threads, with
// indexes for the filter shapes the SDK uses. See engine.ts (pool, time limit) and plan.ts.

export {createQueryEngine, type QueryEngineOptions} from './engine.ts'
export {QueryExecutionError, QueryParseError, QueryTimeoutError} from './errors.ts'
