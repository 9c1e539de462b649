// `npm start` itself, every port 0: the lake, the Studio (with the Presentation tool on the club
// site) and the club site all answer, a publish reaches the site's cached page through the lake's
// webhook, Ctrl-C (SIGINT) stops all three, and the lake's data (and no second seeding) survives a restart on the same data dir. A data
// dir that holds the seed's former dotted ids gets a note on how to re-seed.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {afterAll, expect, it} from 'vitest'
import {startProcess, stopProcess} from './support/stack.ts'
import type {ChildProcess} from 'node:child_process'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotter-main-job-'))
const env = {...process.env, SPOTTER_LAKE_PORT: '0', SPOTTER_STUDIO_PORT: '0', SPOTTER_SITE_PORT: '0', SPOTTER_DATA_DIR: dataDir}
let running: ChildProcess | undefined

afterAll(async () => {
  // After a failed check: SIGTERM, so that npm start stops the lake and the site it started
  // (a SIGKILL would leave them running); stopProcess kills it if it has not exited in 15 s.
  if (running) await stopProcess(running)
  fs.rmSync(dataDir, {recursive: true, force: true})
})

interface Urls {
  studio: string
  signIn: string
  site: string
  preview: string
  lake: string
}

async function startMainJob(): Promise<{child: ChildProcess; urls: Urls; output: () => string}> {
  const started = await startProcess(['scripts/start.ts'], /(Spotter is running\.[\s\S]*Press Ctrl-C to stop\.)/, env)
  running = started.child
  const text = started.match
  const grab = (re: RegExp) => {
    const m = re.exec(text)
    expect(m, `${re} in:\n${text}`).not.toBeNull()
    return m![1]!
  }
  return {
    child: started.child,
    output: started.output,
    urls: {
      studio: grab(/Studio:\s+(\S+)/),
      signIn: grab(/(\S+\/#token=\S+)/),
      site: grab(/Club site:\s+(\S+)/),
      preview: grab(/draft mode: (\S+)/),
      lake: grab(/Content API: (\S+)/),
    },
  }
}

const refused = async (url: string) => {
  try {
    await fetch(url, {signal: AbortSignal.timeout(5_000)})
    return false
  } catch {
    return true
  }
}

/**
 * A publish reaches the site's cached page through the lake's webhook (no browser open to tell
 * the site): the webhook names the port the site was given.
 */
async function expectPublishOnSite(urls: Urls, token: string, before: string, after: string): Promise<void> {
  const page = `${urls.site}/exercises/good-morning`
  const name = async () => /<h1[^>]*>([^<]*)<\/h1>/.exec(await (await fetch(page)).text())?.[1]
  expect(await name()).toBe(before)
  // Rendered on the first request, then served from Next.js's cache.
  expect(await name()).toBe(before)
  expect((await fetch(page)).headers.get('x-nextjs-cache')).toBe('HIT')
  const renamed = await fetch(`${urls.lake}/v2025-02-19/data/mutate/production`, {
    method: 'POST',
    headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json'},
    body: JSON.stringify({mutations: [{patch: {id: 'exercise-good-morning', set: {name: after}}}]}),
  })
  expect(renamed.status).toBe(200)
  const deadline = Date.now() + 30_000
  let shown = await name()
  while (shown !== after && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250))
    shown = await name()
  }
  expect(shown).toBe(after)
}

it('starts the lake, the Studio and the club site, and Ctrl-C stops all three', {timeout: 240_000}, async () => {
  const first = await startMainJob()
  const {urls} = first
  expect(first.output()).toContain('Seeded 35 documents')
  expect(first.output()).not.toContain('former dotted ids')

  const ping = await fetch(`${urls.lake}/v1/ping`)
  expect(ping.status).toBe(200)
  const studio = await fetch(urls.studio)
  expect(studio.status).toBe(200)
  // npm start names its lake (URL and project) at run time: the Studio works on it, not on hosted
  // Sanity, and its Presentation tool shows the club site on the port picked for it (port 0 here).
  const siteOrigin = new URL(urls.site).origin
  expect(await studio.text()).toContain(
    `window.__SPOTTER_LAKE__=${JSON.stringify({url: `https://localhost:${new URL(urls.lake).port}`, projectId: 'spotter', dataset: 'production', previewUrl: siteOrigin})}`,
  )
  expect(studio.headers.get('content-security-policy')).toContain('connect-src')
  expect(studio.headers.get('content-security-policy')).toMatch(new RegExp(`frame-src 'self' ${siteOrigin}(;|$)`))
  const site = await fetch(urls.site)
  expect(site.status).toBe(200)
  expect(await site.text()).toContain('New Milford Fitness &amp; Aquatics Club')
  // The printed draft-mode link works without the Studio: its secret is in the lake.
  const preview = await fetch(urls.preview, {redirect: 'manual'})
  expect(preview.status).toBe(307)
  const cookie = preview.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('__prerender_bypass='))
  expect(cookie).toBeDefined()
  expect(await (await fetch(urls.site, {headers: {cookie: cookie!}})).text()).toContain('Draft mode: you are seeing unpublished drafts.')

  // The sign-in link carries the lake's write token: write something to prove it.
  const token = decodeURIComponent(urls.signIn.split('#token=')[1]!)

  await expectPublishOnSite(urls, token, 'Good morning', 'Good morning, published')
  const write = await fetch(`${urls.lake}/v2025-02-19/data/mutate/production`, {
    method: 'POST',
    headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json'},
    // The second document has a former (dotted) seed id, as a data dir seeded before the change does.
    body: JSON.stringify({
      mutations: [
        {create: {_id: 'main-job-check', _type: 'note', text: 'kept'}},
        {create: {_id: 'exercise.squat', _type: 'exercise', name: 'Squat'}},
      ],
    }),
  })
  expect(write.status).toBe(200)

  first.child.kill('SIGINT')
  const code = await new Promise<number | null>((resolve) => first.child.once('exit', resolve))
  running = undefined
  expect(code).toBe(0)
  expect(first.output()).toContain('Spotter stopped.')
  for (const url of [`${urls.lake}/v1/ping`, urls.studio, urls.site]) expect(await refused(url), `${url} still answers`).toBe(true)

  // Again on the same data: nothing is seeded twice and the write is still there.
  const second = await startMainJob()
  expect(second.output()).not.toContain('Seeded')
  expect(second.output()).toContain(`1 document(s) with the former dotted ids (exercise.squat)`)
  expect(second.output()).toContain(`mv "${path.join(dataDir, 'lake')}" "${path.join(dataDir, 'lake')}-dotted-ids"`)
  const kept = await fetch(`${second.urls.lake}/v2025-02-19/data/doc/production/main-job-check`, {
    headers: {authorization: `Bearer ${token}`},
  })
  expect(((await kept.json()) as {documents: {text: string}[]}).documents[0]?.text).toBe('kept')
  // The site has a new free port: the webhook, re-registered before the lake started, follows it
  // (and a delivery the lake retries while the site starts does not hold the start up).
  await expectPublishOnSite(second.urls, token, 'Good morning, published', 'Good morning, again')
  // The draft-mode link an editor was given keeps working (on whatever port): its secret is kept in the data dir.
  expect(new URL(second.urls.preview).search).toBe(new URL(urls.preview).search)
  expect((await fetch(second.urls.preview, {redirect: 'manual'})).status).toBe(307)
  second.child.kill('SIGTERM')
  expect(await new Promise((resolve) => second.child.once('exit', resolve))).toBe(0)
  running = undefined
})
