// A small router: method + path pattern (`:name` segments) -> handler.
import type {RequestContext} from './context.ts'
import {notFound} from '../errors.ts'

export type Handler = (ctx: RequestContext) => Promise<void> | void

interface Route {
  method: string
  regex: RegExp
  names: string[]
  handler: Handler
  versioned: boolean
}

export class Router {
  private readonly routes: Route[] = []

  /** `versioned`: the route lives under `/v{apiVersion}` (API calls); asset bytes do not. */
  add(method: string, pattern: string, handler: Handler, versioned = true): this {
    const names: string[] = []
    const source = pattern.replace(/:(\w+)(\*)?/g, (_m, name: string, rest?: string) => {
      names.push(name)
      return rest ? '(.+)' : '([^/]+)'
    })
    this.routes.push({method, regex: new RegExp(`^${source}/?$`), names, handler, versioned})
    return this
  }

  /** The handler for a request, `null` if no route matches the path, `'method'` if only the method is wrong. */
  match(method: string, path: string, versioned: boolean): {handler: Handler; params: Record<string, string>} | null | 'method' {
    let pathMatched = false
    for (const route of this.routes) {
      if (route.versioned !== versioned) continue
      const m = route.regex.exec(path)
      if (!m) continue
      pathMatched = true
      if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => {
        params[name] = decodePathSegment(m[i + 1] ?? '')
      })
      return {handler: route.handler, params}
    }
    return pathMatched ? 'method' : null
  }
}

/** A `:name` segment of a path, decoded; malformed percent-encoding names no resource, so 404. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw notFound(`Not found: "${segment}" in the path is not valid URL encoding`)
  }
}
