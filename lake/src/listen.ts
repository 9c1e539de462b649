import {HttpError} from './http/errors.ts'
import type {RequestContext} from './http/context.ts'
export function handleListen(_ctx: RequestContext): void {
  throw new HttpError(501, 'notImplementedError', 'Listen is not implemented yet')
}
