// The Presentation tool's draft-mode hand-off, on a lake over HTTP with Sanity's own library: the
// Studio stores a `sanity.previewUrlSecret` (createPreviewSecret, as the Presentation tool does
// with the editor's token), and a site validates the URL it is opened with (validatePreviewUrl,
// what next-sanity's defineEnableDraftMode calls) with its read token. An unknown or expired
// secret, or a client without a token, does not pass.
import {createPreviewSecret} from '@sanity/preview-url-secret/create-secret'
import {validatePreviewUrl} from '@sanity/preview-url-secret'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'

const STUDIO = 'https://studio.example.org'
let lake: SpawnedLake
beforeAll(async () => {
  lake = await spawnLake()
})
afterAll(async () => lake?.stop())

const enableUrl = (secret: string) =>
  `https://site.example.org/api/draft-mode/enable?sanity-preview-secret=${encodeURIComponent(secret)}&sanity-preview-pathname=${encodeURIComponent('/exercises/squat?x=1')}&sanity-preview-perspective=drafts`

describe('preview URL secrets', () => {
  it('a secret the Studio stores opens draft mode at the requested path, once validated with a read token', async () => {
    const {secret, expiresAt} = await createPreviewSecret(lake.client(), 'presentation', STUDIO, 'editor-1')
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now())
    const stored = await lake
      .client()
      .fetch<Array<{_id: string; secret: string; studioUrl: string; userId: string}>>(
        '*[_type == "sanity.previewUrlSecret"]',
        {},
        {perspective: 'raw'},
      )
    expect(stored).toEqual([expect.objectContaining({secret, studioUrl: STUDIO, userId: 'editor-1', source: 'presentation'})])
    expect(stored[0]!._id).toMatch(/^drafts\./)

    const site = lake.client({token: lake.readToken})
    const result = await validatePreviewUrl(site, enableUrl(secret))
    expect(result).toEqual({
      isValid: true,
      redirectTo: '/exercises/squat?x=1&sanity-preview-perspective=drafts',
      studioOrigin: STUDIO,
      studioPreviewPerspective: 'drafts',
      studioPreviewVariant: null,
    })
  })

  it('an unknown secret is refused', async () => {
    await createPreviewSecret(lake.client(), 'presentation', STUDIO, 'editor-1')
    const result = await validatePreviewUrl(lake.client({token: lake.readToken}), enableUrl('not-the-secret'))
    expect(result.isValid).toBe(false)
    expect(result.redirectTo).toBeUndefined()
  })

  it('a secret older than an hour is refused, and deleted when the Studio stores the next one', async () => {
    // _updatedAt cannot be set through mutations; an hour-old secret is imported verbatim.
    const old = {_id: 'drafts.old-secret', _type: 'sanity.previewUrlSecret', secret: 'old', studioUrl: STUDIO}
    const stamp = new Date(Date.now() - 3601_000).toISOString()
    const response = await fetch(`${lake.url}/v1/data/import/${lake.dataset}?verbatim=true`, {
      method: 'POST',
      headers: {authorization: `Bearer ${lake.writeToken}`, 'content-type': 'application/x-ndjson'},
      body: JSON.stringify({...old, _createdAt: stamp, _updatedAt: stamp, _rev: 'r1'}),
    })
    expect(response.status).toBe(200)
    expect((await validatePreviewUrl(lake.client({token: lake.readToken}), enableUrl('old'))).isValid).toBe(false)
    await createPreviewSecret(lake.client(), 'presentation', STUDIO, 'editor-1')
    expect(await lake.client().getDocument(old._id)).toBeUndefined()
  })

  it('validating needs a token: a site client without one is told so', async () => {
    await expect(validatePreviewUrl(lake.client({token: undefined}), enableUrl('x'))).rejects.toThrow(/must have a `token`/)
  })
})
