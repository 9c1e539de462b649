// The club site against a real seeded lake: seed pages render with the SDK's components, unknown
// slugs are 404s, drafts appear only in preview (behind the secret), and a publish shows up on the
// next request without a restart.
import * as http from 'node:http'
import type {AddressInfo} from 'node:net'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {fileURLToPath} from 'node:url'
import {spawnLake, type SpawnedLake} from '@spotter/lake/testing'
import {startClubSite, type ClubSite} from '../src/site.ts'

const seed = fileURLToPath(new URL('../../../seed/spotter.ndjson', import.meta.url))
const SECRET = 'preview-secret-for-tests'
let lake: SpawnedLake
let site: ClubSite

beforeAll(async () => {
  lake = await spawnLake({seed, rateLimits: 'off'})
  site = await startClubSite({lakeUrl: lake.url, previewToken: lake.readToken, previewSecret: SECRET})
})
afterAll(async () => {
  await site?.close()
  await lake?.stop()
})

async function get(path: string, cookie?: string): Promise<{status: number; html: string; headers: Headers}> {
  const res = await fetch(site.url + path, {headers: cookie ? {cookie} : {}, redirect: 'manual'})
  return {status: res.status, html: await res.text(), headers: res.headers}
}

function jsonLd(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)
  expect(match, 'page has a JSON-LD script').not.toBeNull()
  return JSON.parse(match![1]!) as Record<string, unknown>
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')

describe('seed pages', () => {
  it('home: the club and what its equipment allows', async () => {
    const {status, html} = await get('/')
    expect(status).toBe(200)
    expect(html).toContain('<h1>New Milford Fitness &amp; Aquatics Club</h1>')
    expect(html).toContain('What you can do with our equipment')
    expect(html).toContain('href="/exercises/reverse-hyperextension"')
    expect(html).toContain('href="/articles/the-reverse-hyperextension-machine"')
  })

  it('library: every published exercise, narrowed by muscle and by level', async () => {
    const all = await get('/exercises')
    expect(all.status).toBe(200)
    expect(text(all.html)).toContain('8 exercises')
    for (const slug of ['deadlift', 'squat', 'leg-press', 'reverse-hyperextension']) expect(all.html).toContain(`href="/exercises/${slug}"`)
    // The seed gives primary muscles to the two hyperextensions only.
    const erectors = await get('/exercises?muscle=erector-spinae')
    expect(text(erectors.html)).toContain('2 exercises')
    expect(erectors.html).toContain('<option value="erector-spinae" selected="">')
    expect(erectors.html).toContain('href="/exercises/back-hyperextension"')
    expect(erectors.html).not.toContain('href="/exercises/deadlift"')
    const mat = await get('/exercises?equipment=floor-mat')
    expect(text(mat.html)).toContain('1 exercise ')
    expect(mat.html).toContain('href="/exercises/back-hyperextension"')
    expect(text((await get('/exercises?level=advanced')).html)).toContain('0 exercises')
  })

  it("equipment: exercises per piece of the club's equipment", async () => {
    const {status, html} = await get('/equipment')
    expect(status).toBe(200)
    expect(html).toMatch(/With this alone: \d+ exercises?\./)
    expect(html).toContain('href="/exercises/reverse-hyperextension"')
  })

  it('exercise page: the guide and HowTo JSON-LD', async () => {
    const {status, html} = await get('/exercises/reverse-hyperextension')
    expect(status).toBe(200)
    expect(html).toContain('<h1>Reverse hyperextension</h1>')
    expect(html).toMatch(/<ol class="steps">/)
    expect(jsonLd(html)).toMatchObject({'@context': 'https://schema.org', '@type': 'HowTo', name: 'Reverse hyperextension'})
  })

  it('article page: byline with credentials, credited image, disclaimers and JSON-LD', async () => {
    const back = await get('/articles/back-hyperextensions')
    expect(back.status).toBe(200)
    expect(back.html).toContain('<h1>Back Hyperextensions</h1>')
    expect(text(back.html)).toContain('Mike Samuels')
    expect(text(back.html)).toContain('DeanDrobot/iStock/Getty Images')
    expect(back.html).toMatch(/<img [^>]*src="http:\/\/127\.0\.0\.1:\d+\/images\/spotter\/production\/[0-9a-f]+-\d+x\d+\.jpg/)
    expect(jsonLd(back.html)).toMatchObject({headline: 'Back Hyperextensions', author: {'@type': 'Person', name: 'Mike Samuels'}})
    const machine = await get('/articles/the-reverse-hyperextension-machine')
    expect(machine.status).toBe(200)
    expect(machine.html).toContain('class="disclaimer"')
  })

  it('unknown slugs and paths are 404 pages', async () => {
    for (const path of ['/articles/no-such-article', '/exercises/no-such-exercise', '/nothing-here']) {
      const {status, html} = await get(path)
      expect(status, path).toBe(404)
      expect(html).toContain('<h1>Page not found</h1>')
    }
  })
})

describe('preview and publishing', () => {
  const client = () => lake.client()

  it('a draft edit is only visible in preview, which needs the secret', async () => {
    await client().action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.exercise-good-morning',
      publishedId: 'exercise-good-morning',
      patch: {set: {name: 'Good morning (draft)'}},
    })
    expect((await get('/exercises/good-morning')).html).toContain('<h1>Good morning</h1>')

    expect((await get('/api/preview?secret=wrong')).status).toBe(401)
    expect((await get('/exercises/good-morning', 'spotter_preview=forged')).html).toContain('<h1>Good morning</h1>')

    const enter = await get(`/api/preview?secret=${SECRET}&redirect=${encodeURIComponent('/exercises/good-morning')}`)
    expect(enter.status).toBe(307)
    expect(enter.headers.get('location')).toBe('/exercises/good-morning')
    const cookie = enter.headers.get('set-cookie')!.split(';')[0]!
    const preview = await get('/exercises/good-morning', cookie)
    expect(preview.html).toContain('<h1>Good morning (draft)</h1>')
    expect(preview.html).toContain('Preview: you are seeing unpublished drafts.')
    expect(preview.headers.get('cache-control')).toBe('private, no-store')

    // An off-site redirect is not followed.
    expect((await get(`/api/preview?secret=${SECRET}&redirect=${encodeURIComponent('//evil.example/')}`)).headers.get('location')).toBe('/')
  })

  it('a publish shows up on the next request, without a restart', async () => {
    await client().action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.exercise-good-morning',
      publishedId: 'exercise-good-morning',
    })
    expect((await get('/exercises/good-morning')).html).toContain('<h1>Good morning (draft)</h1>')
  })

  it('an incomplete draft: left out of preview lists, its own page lists the problems (200)', async () => {
    await client().create({
      _id: 'drafts.exercise-half-finished',
      _type: 'exercise',
      name: 'Half-finished',
      slug: {_type: 'slug', current: 'half-finished'},
      setups: [{_key: 'floor', _type: 'setup', name: 'Floor'}],
    })
    try {
      const enter = await get(`/api/preview?secret=${SECRET}`)
      const cookie = enter.headers.get('set-cookie')!.split(';')[0]!
      const library = await get('/exercises', cookie)
      expect(library.status).toBe(200)
      expect(library.html).toContain('href="/exercises/deadlift"')
      expect(library.html).not.toContain('href="/exercises/half-finished"')
      const home = await get('/', cookie)
      expect(home.status).toBe(200)
      expect(home.html).toContain('What you can do with our equipment')

      const draft = await get('/exercises/half-finished', cookie)
      expect(draft.status).toBe(200)
      expect(draft.html).toContain('<h1>This draft is incomplete</h1>')
      expect(text(draft.html)).toContain('exercise.category: expected')
      expect(draft.html).toContain('Preview: you are seeing unpublished drafts.')
      // Public pages are unchanged: the draft does not exist there.
      expect((await get('/exercises/half-finished')).status).toBe(404)
    } finally {
      await client().delete('drafts.exercise-half-finished')
    }
  })

  it('preview is off when the site has no read token', async () => {
    const bare = await startClubSite({lakeUrl: lake.url, previewSecret: SECRET})
    try {
      const res = await fetch(`${bare.url}/api/preview?secret=${SECRET}`, {redirect: 'manual'})
      expect(res.status).toBe(404)
    } finally {
      await bare.close()
    }
  })
})

describe('configuration', () => {
  it('reads published content with a read token (what a private dataset needs), never drafts', async () => {
    // In front of the lake: records the Authorization header of every query the site sends.
    const seen: string[] = []
    const recorder = http.createServer(async (req, res) => {
      if (req.url?.includes('/data/query/')) seen.push(req.headers.authorization ?? '(none)')
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const headers: Record<string, string> = {'content-type': req.headers['content-type'] ?? 'application/json'}
      if (req.headers.authorization) headers.authorization = req.headers.authorization
      const body = req.method === 'POST' ? Buffer.concat(chunks) : undefined
      const upstream = await fetch(lake.url + req.url, {method: req.method, headers, body})
      res.writeHead(upstream.status, {'content-type': upstream.headers.get('content-type') ?? 'application/json'})
      res.end(Buffer.from(await upstream.arrayBuffer()))
    })
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve))
    const withToken = await startClubSite({
      lakeUrl: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`,
      readToken: lake.readToken,
    })
    const client = lake.client()
    const club = await client.getDocument('club-new-milford-fitness-aquatics')
    await client.createOrReplace({...club!, _id: 'drafts.club-new-milford-fitness-aquatics', name: 'Draft Club Name'})
    try {
      const html = await (await fetch(withToken.url)).text()
      expect(html).toContain('<h1>New Milford Fitness &amp; Aquatics Club</h1>')
      expect(html).not.toContain('Draft Club Name')
      expect(seen.length).toBeGreaterThan(0)
      expect(new Set(seen)).toEqual(new Set([`Bearer ${lake.readToken}`]))
    } finally {
      await client.delete('drafts.club-new-milford-fitness-aquatics')
      await withToken.close()
      recorder.closeAllConnections()
      await new Promise((resolve) => recorder.close(resolve))
    }
  })

  it('needs a lake URL or a hosted project id', async () => {
    await expect(startClubSite({})).rejects.toThrow('A club site needs a lakeUrl, or the projectId of a hosted Sanity project')
  })
})
