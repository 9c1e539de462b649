// Errors in the hosted API's shape: {"error":{"description","type",...},"message","statusCode"}.
// @sanity/client reads error.description (or message) into the thrown ClientError.

export class HttpError extends Error {
  readonly statusCode: number
  readonly type: string
  readonly details: Record<string, unknown>
  /** Extra response headers (e.g. Retry-After on a 429). */
  readonly headers: Record<string, string> = {}

  constructor(statusCode: number, type: string, description: string, details: Record<string, unknown> = {}) {
    super(description)
    this.statusCode = statusCode
    this.type = type
    this.details = details
  }

  toBody(): Record<string, unknown> {
    return {
      error: {description: this.message, type: this.type, ...this.details},
      message: this.message,
      statusCode: this.statusCode,
    }
  }
}

/** Any thrown value as an HttpError; what is not one is a 500 and is logged, since it is a bug. */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err
  console.error('[lake]', err)
  return new HttpError(500, 'internalError', `Internal error: ${(err as Error)?.message ?? String(err)}`)
}

export const badRequest = (description: string, type = 'validationError', details?: Record<string, unknown>) =>
  new HttpError(400, type, description, details)

export const notFound = (description: string, type = 'notFoundError') => new HttpError(404, type, description)

export const unauthorized = (description: string) => new HttpError(401, 'unauthorizedError', description)

export const forbidden = (description: string) => new HttpError(403, 'permissionDeniedError', description)

/** A mutation that cannot be applied: 409 for conflicts (revision, existence), else 400. */
export const mutationError = (statusCode: number, description: string, itemType: string, id?: string, index?: number) =>
  new HttpError(statusCode, 'mutationError', `The mutation(s) failed: ${description}`, {
    items: [{error: {description, type: itemType, ...(id === undefined ? {} : {id})}, index: index ?? 0}],
  })
