// Partners: creation (the API key and webhook secret are returned once; only the key's hash is
// kept) and the public view. Shared by the HTTP API and the CLI, without loading the SDK.
import {hashKey, newKey} from './keys.ts'
import {ConflictError, type SyndicationStore} from './storage/store.ts'
import type {PartnerRecord, PublicPartner} from './types.ts'

/** An error with the HTTP status and type the API answers with. */
export class ApiError extends Error {
  readonly status: number
  readonly type: string
  constructor(status: number, type: string, description: string) {
    super(description)
    this.status = status
    this.type = type
  }
}

const PARTNER_ID = /^[a-z0-9][a-z0-9-]{0,62}$/

export function publicPartner(p: PartnerRecord): PublicPartner {
  return {id: p.id, name: p.name, webhookUrl: p.webhookUrl, createdAt: p.createdAt}
}

/** Creates a partner; the API key and webhook secret are returned once and only the key's hash is kept. */
export async function createPartner(
  store: Pick<SyndicationStore, 'partners'>,
  input: {id: unknown; name: unknown; webhookUrl: unknown},
): Promise<{partner: PublicPartner; apiKey: string; webhookSecret: string | null}> {
  if (typeof input.id !== 'string' || !PARTNER_ID.test(input.id))
    throw new ApiError(400, 'invalidPartner', '"id" must be 1-63 of a-z, 0-9 and "-" (the id used in allowedPartners)')
  if (typeof input.name !== 'string' || !input.name.trim()) throw new ApiError(400, 'invalidPartner', '"name" must be a non-empty string')
  if (input.webhookUrl !== null && (typeof input.webhookUrl !== 'string' || !/^https?:\/\/\S+$/.test(input.webhookUrl))) {
    throw new ApiError(400, 'invalidPartner', '"webhookUrl" must be an http(s) URL')
  }
  const webhookUrl = input.webhookUrl as string | null
  const apiKey = newKey('partner')
  const webhookSecret = webhookUrl ? newKey('webhook-secret') : null
  const record: PartnerRecord = {
    id: input.id,
    name: input.name.trim(),
    webhookUrl,
    keyHash: hashKey(apiKey),
    webhookSecret,
    createdAt: new Date().toISOString(),
  }
  try {
    await store.partners.add(record)
  } catch (err) {
    if (err instanceof ConflictError) throw new ApiError(409, 'conflict', err.message)
    throw err
  }
  return {partner: publicPartner(record), apiKey, webhookSecret}
}
