// Request bodies: size-limited reads and JSON parsing with errors that say what was wrong.
import type {Readable} from 'node:stream'
import {HttpError, badRequest} from '../errors.ts'

export const DEFAULT_BODY_LIMIT = 100 * 1024 * 1024
/** Requests without a token: hosted's limit for a query sent by POST (300 KB). */
export const DEFAULT_ANONYMOUS_BODY_LIMIT = 300_000
/** After refusing a body, this much more is read and discarded (so the client sees the answer); then the connection closes. */
const DRAIN_LIMIT = 1024 * 1024

/** 413 in the hosted wording. */
export function bodyTooLarge(limit: number): HttpError {
  return new HttpError(413, 'payloadTooLargeError', `Request body exceeds limit of ${limit} bytes`, {limit})
}

/**
 * Reads a body of at most `limit` bytes. A Content-Length over the limit is refused before any
 * byte is read; a streamed body is refused as soon as it passes the limit. Nothing past the
 * limit is kept.
 */
export function readBody(req: Readable & {headers?: Record<string, unknown>}, limit: number): Promise<Buffer> {
  const declared = Number(req.headers?.['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    discard(req)
    return Promise.reject(bodyTooLarge(limit))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        chunks.length = 0
        discard(req)
        reject(bodyTooLarge(limit))
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
}

/** Reads and drops what follows a refused body, up to DRAIN_LIMIT; a longer one ends the connection. */
function discard(req: Readable): void {
  let drained = 0
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length
    if (drained > DRAIN_LIMIT) req.destroy()
  })
  req.on('error', () => undefined)
  req.resume()
}

export async function readJson(req: Readable, limit: number): Promise<unknown> {
  const body = await readBody(req, limit)
  if (body.length === 0) throw badRequest('Request body is empty; expected a JSON object')
  try {
    return JSON.parse(body.toString('utf8'))
  } catch (err) {
    throw badRequest(`Request body is not valid JSON: ${(err as Error).message}`, 'invalidJsonError')
  }
}
