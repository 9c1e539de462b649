// API keys: 32 random bytes, shown once, stored only as a SHA-256 hash. A slow hash (scrypt)
// guards low-entropy passwords; for keys this random a plain hash is enough, and it can be
// looked up by index.
import {createHash, randomBytes} from 'node:crypto'

export type KeyKind = 'partner' | 'publisher' | 'webhook-secret'

const PREFIX: Record<KeyKind, string> = {partner: 'spk_', publisher: 'spp_', 'webhook-secret': 'whsec_'}

export function newKey(kind: KeyKind): string {
  return `${PREFIX[kind]}${randomBytes(32).toString('base64url')}`
}

export function hashKey(key: string): string {
  return `sha256:${createHash('sha256').update(key).digest('hex')}`
}
