// Public exports of @spotter/lake.
export type {SanityDocument, Perspective, DocumentChange, QueryEngine, QueryRequest, QueryResponse, ReadScope} from './types.ts'
export type {LakeConfig, TokenConfig, Role, AclMode, CorsOrigin, DatasetEntry} from './config.ts'
export {Lake} from './lake.ts'
export {startServer, type RunningServer, type ServerOptions} from './server.ts'
export {spawnLake, type SpawnedLake, type SpawnLakeOptions} from './testing.ts'
