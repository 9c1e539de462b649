// Request bodies: size-limited reads and JSON parsing with errors that say what was wrong.
import type {Readable} from 'node:stream'
import {HttpError, badRequest} from './errors.ts'

export const DEFAULT_BODY_LIMIT = 100 * 1024 * 1024

export async function readBody(req: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) {
      req.resume() // drain so the connection stays usable for the error answer
      throw new HttpError(413, 'payloadTooLargeError', `Request body exceeds the limit of ${limit} bytes`)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
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

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
