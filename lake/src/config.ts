// The lake's configuration file (JSON), by default `<dataDir>/lake.config.json`:
//   {"projectId": "spotter", "datasets": ["production", {"name": "internal", "aclMode": "private"}],
//    "tokens": [{"token": "...", "role": "read" | "write", "name": "ci"}],
//    "anonymousRole": "none" | "read" | "write", "shuffleUnordered": false,
//    "rateLimits": "off" | {"mutationsPerSecond": 100, ...},
//    "cors": [{"origin": "http://localhost:3333", "allowCredentials": true}]}
// A missing file is created with a fresh read and write token, so a new data dir just works.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {randomBytes} from 'node:crypto'
import {parseRateLimits, type RateLimits} from './rate-limits.ts'
import {parseWebhooks, type WebhookConfig} from './webhooks/config.ts'

export type Role = 'read' | 'write'

export interface TokenConfig {
  token: string
  role: Role
  /** Shown as the author (`identity`) of this token's transactions. */
  name?: string
}

/** Who may read a dataset without a token, as hosted: `public` (root-path documents) or `private` (nothing). */
export type AclMode = 'public' | 'private'
export const ACL_MODES: readonly AclMode[] = ['public', 'private']

/** A dataset the lake creates at start: a name (no opinion on its mode), or a name with the mode it must have. */
export type DatasetEntry = string | {name: string; aclMode?: AclMode}

/** An origin browsers may call the API from (CORS), as `sanity cors add` records it. */
export interface CorsOrigin {
  /** `protocol://hostname[:port]`; `*` is a wildcard. */
  origin: string
  /** May the page send credentials (cookies, and with them the Studio's session)? */
  allowCredentials: boolean
}

/** What a new hosted project allows: the Studio's development server, with credentials. */
export const DEFAULT_CORS: readonly CorsOrigin[] = [{origin: 'http://localhost:3333', allowCredentials: true}]

export interface LakeConfig {
  projectId: string
  datasets: DatasetEntry[]
  tokens: TokenConfig[]
  /** What a request without a token may do; `none` = only published documents, read-only. */
  anonymousRole: 'none' | Role
  /**
   * Answer queries' unordered results (no `order()`) in a new random order each time, as hosted
   * Sanity may, instead of `_id` order: exposes code that pages or compares without `order()`.
   */
  shuffleUnordered?: boolean
  /** Outgoing webhooks, configured like Sanity's GROQ-powered ones (see webhooks/config.ts). */
  webhooks?: WebhookConfig[]
  /** Allowed browser origins; a config without the key gets DEFAULT_CORS. */
  cors?: CorsOrigin[]
  /** Hosted's rate limits unless overridden; null = off (`"rateLimits": "off"`, for bulk local work). */
  rateLimits?: RateLimits | null
}

export const DEFAULT_PROJECT_ID = 'spotter'
export const DEFAULT_DATASET = 'production'

export function configPath(dataDir: string): string {
  return path.join(dataDir, 'lake.config.json')
}

export function newToken(role: Role): string {
  return `sk${role}${randomBytes(24).toString('hex')}`
}

export function loadConfig(file: string): LakeConfig {
  if (!fs.existsSync(file)) {
    const fresh: LakeConfig = {
      projectId: DEFAULT_PROJECT_ID,
      datasets: [DEFAULT_DATASET],
      tokens: [
        {token: newToken('read'), role: 'read', name: 'local-read'},
        {token: newToken('write'), role: 'write', name: 'local-write'},
      ],
      anonymousRole: 'none',
      cors: [...DEFAULT_CORS],
    }
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`, {mode: 0o600})
    return fresh
  }
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`Config ${file} is not valid JSON: ${(err as Error).message}`)
  }
  return parseConfig(raw, file)
}

export function parseConfig(raw: unknown, file: string): LakeConfig {
  if (typeof raw !== 'object' || raw === null) throw new Error(`Config ${file}: expected a JSON object`)
  const obj = raw as Record<string, unknown>
  const projectId = obj.projectId ?? DEFAULT_PROJECT_ID
  if (typeof projectId !== 'string' || !/^[a-z0-9-]+$/.test(projectId)) throw new Error(`Config ${file}: projectId must match [a-z0-9-]+`)
  const datasets = obj.datasets ?? [DEFAULT_DATASET]
  if (!Array.isArray(datasets)) throw new Error(`Config ${file}: datasets must be an array of names or {"name", "aclMode"} objects`)
  datasets.forEach((d, i) => parseDatasetEntry(d, `Config ${file}: datasets[${i}]`))
  const tokens = obj.tokens ?? []
  if (!Array.isArray(tokens)) throw new Error(`Config ${file}: tokens must be an array`)
  tokens.forEach((t, i) => {
    if (typeof t?.token !== 'string' || t.token.length < 8)
      throw new Error(`Config ${file}: tokens[${i}].token must be a string of 8+ characters`)
    if (t.role !== 'read' && t.role !== 'write') throw new Error(`Config ${file}: tokens[${i}].role must be "read" or "write"`)
  })
  const anonymousRole = obj.anonymousRole ?? 'none'
  if (anonymousRole !== 'none' && anonymousRole !== 'read' && anonymousRole !== 'write') {
    throw new Error(`Config ${file}: anonymousRole must be "none", "read" or "write"`)
  }
  const shuffleUnordered = obj.shuffleUnordered ?? false
  if (typeof shuffleUnordered !== 'boolean') throw new Error(`Config ${file}: shuffleUnordered must be true or false`)
  return {
    projectId,
    datasets: datasets as DatasetEntry[],
    tokens: tokens as TokenConfig[],
    anonymousRole,
    shuffleUnordered,
    webhooks: parseWebhooks(obj.webhooks, file),
    cors: parseCors(obj.cors, file),
    rateLimits: parseRateLimits(obj.rateLimits, `Config ${file}: rateLimits`),
  }
}

/** A `datasets` entry as {name, aclMode?}; `where` names it in errors. */
export function parseDatasetEntry(entry: unknown, where: string): {name: string; aclMode?: AclMode} {
  if (typeof entry === 'string') return {name: entry}
  if (typeof entry !== 'object' || entry === null || typeof (entry as {name?: unknown}).name !== 'string') {
    throw new Error(`${where} must be a dataset name or {"name": "...", "aclMode": "public" | "private"}`)
  }
  const {name, aclMode} = entry as {name: string; aclMode?: unknown}
  if (aclMode === undefined) return {name}
  if (!ACL_MODES.includes(aclMode as AclMode))
    throw new Error(`${where}.aclMode must be "public" or "private", got ${JSON.stringify(aclMode)}`)
  return {name, aclMode: aclMode as AclMode}
}

/** The `cors` list, or DEFAULT_CORS when the key is missing (configs written before it existed). */
export function parseCors(raw: unknown, file: string): CorsOrigin[] {
  if (raw === undefined) return [...DEFAULT_CORS]
  if (!Array.isArray(raw)) throw new Error(`Config ${file}: cors must be an array of {"origin", "allowCredentials"}`)
  return raw.map((entry, i) => {
    const where = `Config ${file}: cors[${i}]`
    if (typeof entry?.origin !== 'string') throw new Error(`${where}.origin must be a string like "http://localhost:3333"`)
    if (entry.allowCredentials !== undefined && typeof entry.allowCredentials !== 'boolean')
      throw new Error(`${where}.allowCredentials must be true or false`)
    return {origin: entry.origin, allowCredentials: entry.allowCredentials === true}
  })
}

/**
 * Changes the config file in place: `change` gets its JSON as parsed (keys the lake does not know
 * are kept) and the file is replaced atomically, so a running lake never reads half a file.
 */
export function updateConfigFile(file: string, change: (raw: Record<string, unknown>) => void): LakeConfig {
  loadConfig(file) // creates a missing file and rejects an invalid one before anything is changed
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
  change(raw)
  const parsed = parseConfig(raw, file)
  const temp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temp, `${JSON.stringify(raw, null, 2)}\n`, {mode: 0o600})
  fs.renameSync(temp, file)
  return parsed
}
