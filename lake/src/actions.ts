import {HttpError} from './http/errors.ts'
import type {RequestContext} from './http/context.ts'
export function handleActions(_ctx: RequestContext): void {
  throw new HttpError(501, 'notImplementedError', 'Actions are not implemented yet')
}
