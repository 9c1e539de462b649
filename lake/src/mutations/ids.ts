// Document id rules and generation, as the hosted API applies them.
import {randomBytes} from 'node:crypto'
import {badRequest} from '../errors.ts'

const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/
const MAX_ID_LENGTH = 128
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

export function validateId(id: unknown, where: string): string {
  if (typeof id !== 'string' || id.length === 0) throw badRequest(`${where}: document id must be a non-empty string`, 'invalidIdError')
  if (id.length > MAX_ID_LENGTH)
    throw badRequest(`${where}: document id "${id.slice(0, 40)}..." is longer than ${MAX_ID_LENGTH} characters`, 'invalidIdError')
  if (!ID_PATTERN.test(id) || id.includes('..')) {
    throw badRequest(`${where}: document id "${id}" is invalid; use a-z, A-Z, 0-9, '.', '_' and '-' (not first)`, 'invalidIdError')
  }
  return id
}

/** A random id like the hosted API's revisions and transaction ids (22 base62 characters). */
export function randomId(length = 22): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length]
  return out
}

export const isDraftId = (id: string) => id.startsWith('drafts.')
export const isVersionId = (id: string) => id.startsWith('versions.')
export const publishedId = (id: string) =>
  isDraftId(id) ? id.slice('drafts.'.length) : isVersionId(id) ? id.split('.').slice(2).join('.') : id
export const draftId = (id: string) => `drafts.${publishedId(id)}`
