// The service's configuration file (JSON):
//   {"host": "127.0.0.1", "port": 4100,
//    "storage": {"kind": "sqlite", "path": "syndication.db"} | {"kind": "postgres", "url": "postgres://..."},
//    "source": {"projectId": "spotter", "dataset": "production", "apiHost": "http://127.0.0.1:3030",
//               "token": "sk...", "canonicalBaseUrl": "https://example.org/articles/"},
//    "webhookSecret": "the secret of the lake's (or Sanity's) webhook that calls /v1/webhooks/sanity",
//    "signatureToleranceMs": 300000,
//    "delivery": {"baseMs": 1000, "maxMs": 300000, "maxAttempts": 12, "timeoutMs": 10000, "pollMs": 1000}}
// A relative SQLite path is resolved against the config file's folder.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type {SourceConfig} from './articles.ts'
import {DEFAULT_DELIVERY, type DeliveryOptions} from './deliveries.ts'
import type {StorageConfig} from './storage/store.ts'

export interface ServiceConfig {
  host: string
  port: number
  storage: StorageConfig
  source: SourceConfig
  webhookSecret: string
  signatureToleranceMs: number
  delivery: DeliveryOptions
}

export function loadServiceConfig(file: string): ServiceConfig {
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`Config ${file} could not be read as JSON: ${(err as Error).message}`)
  }
  return parseServiceConfig(raw, path.dirname(path.resolve(file)), file)
}

export function parseServiceConfig(raw: unknown, baseDir: string, file = 'config'): ServiceConfig {
  const at = (field: string) => `Config ${file}: ${field}`
  if (typeof raw !== 'object' || raw === null) throw new Error(at('expected a JSON object'))
  const c = raw as Record<string, unknown>
  const obj = (value: unknown, field: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(at(`${field} must be an object`))
    return value as Record<string, unknown>
  }
  const str = (value: unknown, field: string): string => {
    if (typeof value !== 'string' || value === '') throw new Error(at(`${field} must be a non-empty string`))
    return value
  }
  const int = (value: unknown, field: string, fallback: number, min = 1): number => {
    if (value === undefined) return fallback
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw new Error(at(`${field} must be an integer >= ${min}`))
    return value
  }
  const storage = obj(c.storage ?? {kind: 'sqlite', path: 'syndication.db'}, 'storage')
  let storageConfig: StorageConfig
  if (storage.kind === 'sqlite')
    storageConfig = {kind: 'sqlite', path: path.resolve(baseDir, str(storage.path ?? 'syndication.db', 'storage.path'))}
  else if (storage.kind === 'postgres') storageConfig = {kind: 'postgres', url: str(storage.url, 'storage.url')}
  else throw new Error(at('storage.kind must be "sqlite" or "postgres"'))
  const source = obj(c.source, 'source')
  const canonicalBaseUrl = str(source.canonicalBaseUrl, 'source.canonicalBaseUrl')
  if (!/^https?:\/\//.test(canonicalBaseUrl)) throw new Error(at('source.canonicalBaseUrl must be an http(s) URL'))
  const delivery = obj(c.delivery ?? {}, 'delivery')
  return {
    host: c.host === undefined ? '127.0.0.1' : str(c.host, 'host'),
    port: int(c.port, 'port', 4100, 0),
    storage: storageConfig,
    source: {
      projectId: str(source.projectId, 'source.projectId'),
      dataset: str(source.dataset ?? 'production', 'source.dataset'),
      ...(source.apiHost === undefined ? {} : {apiHost: str(source.apiHost, 'source.apiHost')}),
      ...(source.token === undefined ? {} : {token: str(source.token, 'source.token')}),
      canonicalBaseUrl,
    },
    webhookSecret: str(c.webhookSecret, 'webhookSecret'),
    signatureToleranceMs: int(c.signatureToleranceMs, 'signatureToleranceMs', 300_000),
    delivery: {
      baseMs: int(delivery.baseMs, 'delivery.baseMs', DEFAULT_DELIVERY.baseMs),
      maxMs: int(delivery.maxMs, 'delivery.maxMs', DEFAULT_DELIVERY.maxMs),
      maxAttempts: int(delivery.maxAttempts, 'delivery.maxAttempts', DEFAULT_DELIVERY.maxAttempts),
      timeoutMs: int(delivery.timeoutMs, 'delivery.timeoutMs', DEFAULT_DELIVERY.timeoutMs),
      pollMs: int(delivery.pollMs, 'delivery.pollMs', DEFAULT_DELIVERY.pollMs),
    },
  }
}
