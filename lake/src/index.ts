// Public exports of @spotter/lake (the lake in-process). Tests start one with @spotter/lake/testing.
export type {SanityDocument, Perspective, DocumentChange, QueryEngine, QueryRequest, QueryResponse, ReadScope} from './types.ts'
export type {LakeConfig, TokenConfig, Role, AclMode, CorsOrigin, DatasetEntry} from './config.ts'
export {Lake} from './lake.ts'
export {startServer, type RunningServer, type ServerOptions} from './server.ts'
// What tools around a lake need: its config file (tokens, CORS origins) and webhook definitions.
export {configPath, DEFAULT_CORS, DEFAULT_PROJECT_ID, loadConfig, newToken} from './config.ts'
export {addCorsOrigin} from './cors-origins.ts'
export {parseWebhooks, type WebhookConfig} from './webhooks/config.ts'
