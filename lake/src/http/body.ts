// Request bodies: size-limited reads and JSON parsing with errors that say what was wrong.
import type {Readable} from 'node:stream'
import {HttpError, badRequest} from './errors.ts'

export const DEFAULT_BODY_LIMIT = 100 * 1024 * 1024

export function readBody(req: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        // Answer now; keep draining (not destroying) the rest so the connection survives.
        req.off('data', onData)
        req.resume()
        reject(new HttpError(413, 'payloadTooLargeError', `Request body exceeds the limit of ${limit} bytes`))
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
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
