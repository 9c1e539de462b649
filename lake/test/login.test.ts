// The token sign-in page browser apps (the Studio) use: it hands a valid lake token back to a
// loopback origin as `#token=...`, refuses wrong tokens, and never redirects off the machine.
import {afterAll, beforeAll, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

let lake: SpawnedLake

beforeAll(async () => {
  lake = await spawnLake()
})
afterAll(async () => {
  await lake?.stop()
})

const post = (fields: Record<string, string>) =>
  fetch(`${lake.url}/auth/login`, {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  })

it('shows a sign-in form for a loopback origin', async () => {
  const res = await fetch(
    `${lake.url}/auth/login?origin=${encodeURIComponent('http://localhost:3333/structure')}&projectId=spotter&withSid=true`,
  )
  expect(res.status).toBe(200)
  const html = await res.text()
  expect(html).toContain('<form method="post" action="/auth/login">')
  expect(html).toContain('value="http://localhost:3333/structure"')
})

it('sends a valid token back to the origin in the URL hash', async () => {
  const res = await post({origin: 'http://localhost:3333/structure', token: lake.writeToken})
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe(`http://localhost:3333/structure#token=${lake.writeToken}`)
})

it('refuses a token the lake does not know, without redirecting', async () => {
  const res = await post({origin: 'http://localhost:3333/', token: 'sknot-a-real-token-at-all'})
  expect(res.status).toBe(401)
  expect(res.headers.get('location')).toBeNull()
  expect(await res.text()).toContain('not a token of this lake')
})

it('never hands a token to an origin off the machine', async () => {
  for (const origin of ['https://evil.example/', 'javascript:alert(1)', 'http://localhost.evil.example/', '']) {
    const res = await post({origin, token: lake.writeToken})
    expect(res.status).toBe(400)
    expect(res.headers.get('location')).toBeNull()
    const body = (await res.json()) as {error: {type: string; description: string}}
    expect(body.error.type).toBe('invalidOriginError')
    expect(body.error.description).toMatch(/origin/)
  }
})
