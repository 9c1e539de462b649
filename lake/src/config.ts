// The lake's configuration file (JSON), by default `<dataDir>/lake.config.json`:
//   {"projectId": "spotter", "datasets": ["production"],
//    "tokens": [{"token": "...", "role": "read" | "write", "name": "ci"}],
//    "anonymousRole": "none" | "read" | "write", "rateLimits": "off" | {"mutationsPerSecond": 100, ...}}
// A missing file is created with a fresh read and write token, so a new data dir just works.
import * as fs from 'node:fs'
import * as path from 'node:path'
import {randomBytes} from 'node:crypto'
import {parseRateLimits, type RateLimits} from './http/rate-limit.ts'
import {parseWebhooks, type WebhookConfig} from './webhooks/config.ts'

export type Role = 'read' | 'write'

export interface TokenConfig {
  token: string
  role: Role
  /** Shown as the author (`identity`) of this token's transactions. */
  name?: string
}

export interface LakeConfig {
  projectId: string
  datasets: string[]
  tokens: TokenConfig[]
  /** What a request without a token may do; `none` = only published documents, read-only. */
  anonymousRole: 'none' | Role
  /** Outgoing webhooks, configured like Sanity's GROQ-powered ones (see webhooks/config.ts). */
  webhooks?: WebhookConfig[]
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

function parseConfig(raw: unknown, file: string): LakeConfig {
  if (typeof raw !== 'object' || raw === null) throw new Error(`Config ${file}: expected a JSON object`)
  const obj = raw as Record<string, unknown>
  const projectId = obj.projectId ?? DEFAULT_PROJECT_ID
  if (typeof projectId !== 'string' || !/^[a-z0-9-]+$/.test(projectId)) throw new Error(`Config ${file}: projectId must match [a-z0-9-]+`)
  const datasets = obj.datasets ?? [DEFAULT_DATASET]
  if (!Array.isArray(datasets) || datasets.some((d) => typeof d !== 'string')) throw new Error(`Config ${file}: datasets must be an array of names`)
  const tokens = obj.tokens ?? []
  if (!Array.isArray(tokens)) throw new Error(`Config ${file}: tokens must be an array`)
  tokens.forEach((t, i) => {
    if (typeof t?.token !== 'string' || t.token.length < 8) throw new Error(`Config ${file}: tokens[${i}].token must be a string of 8+ characters`)
    if (t.role !== 'read' && t.role !== 'write') throw new Error(`Config ${file}: tokens[${i}].role must be "read" or "write"`)
  })
  const anonymousRole = obj.anonymousRole ?? 'none'
  if (anonymousRole !== 'none' && anonymousRole !== 'read' && anonymousRole !== 'write') {
    throw new Error(`Config ${file}: anonymousRole must be "none", "read" or "write"`)
  }
  const rateLimits = parseRateLimits(obj.rateLimits, `Config ${file}: rateLimits`)
  return {projectId, datasets: datasets as string[], tokens: tokens as TokenConfig[], anonymousRole, webhooks: parseWebhooks(obj.webhooks, file), rateLimits}
}
