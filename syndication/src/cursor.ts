// Opaque sync cursors: `<seq>.<mac>` in base64url. The MAC (HMAC-SHA256 with a secret kept in
// the store, over the partner id and the sequence) makes an edited or foreign cursor fail as
// malformed instead of silently skipping or repeating items.
import {createHmac, timingSafeEqual} from 'node:crypto'

export class CursorError extends Error {}

function mac(secret: string, partnerId: string, seq: number): Buffer {
  return createHmac('sha256', secret).update(`cursor:v1:${partnerId}:${seq}`).digest().subarray(0, 12)
}

export function encodeCursor(secret: string, partnerId: string, seq: number): string {
  return Buffer.from(`v1.${seq}.${mac(secret, partnerId, seq).toString('base64url')}`).toString('base64url')
}

export function decodeCursor(secret: string, partnerId: string, cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const match = /^v1\.(0|[1-9]\d{0,15})\.([A-Za-z0-9_-]{16})$/.exec(text)
  if (!match) throw new CursorError('Malformed cursor in "since": pass back the cursor of a previous feed response unchanged')
  const seq = Number(match[1])
  const given = Buffer.from(match[2]!, 'base64url')
  const expected = mac(secret, partnerId, seq)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CursorError('Malformed cursor in "since": it was altered or issued for another partner')
  }
  return seq
}
