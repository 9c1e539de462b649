// Public exports of @spotter/lake.
export type {SanityDocument, Perspective, DocumentChange, QueryEngine, QueryRequest, QueryResponse} from './types.ts'
export type {LakeConfig, TokenConfig, Role} from './config.ts'
export {Lake} from './lake.ts'
export {startServer, type RunningServer, type ServerOptions} from './server.ts'
export {spawnLake, type SpawnedLake, type SpawnLakeOptions} from './testing.ts'
