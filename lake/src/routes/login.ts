// Sign-in for browser apps such as the Studio, which keeps a token in localStorage when it is
// handed one as `#token=...` in its URL. The page asks for a lake token (lake.config.json) and
// sends it back only to an origin on the lake's CORS list with credentials allowed (the origins
// that may act for a signed-in user, as with hosted sign-in), so it can't be lured into handing a
// token elsewhere.
import type {RequestContext} from '../http/context.ts'
import {readBody} from '../http/body.ts'
import type {CorsPolicy} from '../cors-policy.ts'
import {badRequest} from '../errors.ts'
import type {Router} from '../http/router.ts'

/** The app URL the token may be sent to: an http(s) URL whose origin is allowed with credentials, else a 400. */
export function signInOrigin(value: string | null, cors: CorsPolicy): URL {
  if (!value) throw badRequest('origin is required: the address of the app to sign in to', 'invalidOriginError')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw badRequest(`origin ${JSON.stringify(value)} is not a URL`, 'invalidOriginError')
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !cors.match(url.origin)?.allowCredentials) {
    throw badRequest(
      `origin ${JSON.stringify(value)} is not a CORS origin of this lake with credentials allowed; allow the app with: npm run lake -- cors add ${url.protocol.startsWith('http') ? url.origin : 'ORIGIN'} --credentials`,
      'invalidOriginError',
    )
  }
  return url
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function page(ctx: RequestContext, status: number, origin: string, error?: string): void {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to the Spotter lake</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}
input{font:inherit;width:100%;padding:.4rem;box-sizing:border-box}button{font:inherit;margin-top:1rem;padding:.4rem 1rem}
.error{color:#b00020}code{background:#eee;padding:0 .2rem}</style></head>
<body><h1>Sign in to the Spotter lake</h1>
<p>Paste a lake token. The write token lets you edit; it is in <code>lake.config.json</code> in the lake's data
directory (<code>.data/lake/</code> for <code>npm start</code>, which also prints a sign-in link).</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/auth/login">
<input type="hidden" name="origin" value="${escapeHtml(origin)}">
<label for="token">Lake token</label>
<input id="token" name="token" type="password" autocomplete="off" required>
<button type="submit">Sign in</button>
</form>
<p>You will return to <code>${escapeHtml(origin)}</code>.</p></body></html>`
  ctx.res.statusCode = status
  ctx.res.setHeader('content-type', 'text/html; charset=utf-8')
  ctx.res.setHeader('cache-control', 'no-store')
  ctx.res.end(html)
}

export function loginPage(ctx: RequestContext): void {
  const origin = signInOrigin(ctx.query.get('origin'), ctx.lake.cors)
  page(ctx, 200, origin.href)
}

export async function login(ctx: RequestContext): Promise<void> {
  const form = new URLSearchParams((await readBody(ctx.req, 64 * 1024)).toString('utf8'))
  const origin = signInOrigin(form.get('origin'), ctx.lake.cors)
  const token = (form.get('token') ?? '').trim()
  if (!ctx.lake.config.tokens.some((t) => t.token === token)) {
    return page(ctx, 401, origin.href, 'That is not a token of this lake. Check lake.config.json in its data directory.')
  }
  const target = new URL(origin.href)
  target.hash = `token=${encodeURIComponent(token)}`
  ctx.res.statusCode = 303
  ctx.res.setHeader('location', target.href)
  ctx.res.setHeader('cache-control', 'no-store')
  ctx.res.end()
}

export function addLoginRoutes(router: Router): Router {
  for (const versioned of [true, false]) {
    router.add('GET', '/auth/login', loginPage, versioned).add('POST', '/auth/login', login, versioned)
  }
  // Signing out of a token login only forgets the token in the browser; nothing to end here.
  return router.add('POST', '/auth/logout', (ctx) => {
    ctx.res.statusCode = 204
    ctx.res.end()
  })
}
