// Responsive image URLs: widths bounded by the original, crops around the hotspot, the credit
// always shown, and the URLs served by the lake.
import {createElement as h} from 'react'
import {renderToStaticMarkup} from 'react-dom/server'
import sharp from 'sharp'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SpawnedLake} from '@spotter/lake/testing'
import {creditedImageHtml} from '../src/html/index.ts'
import {imageSources, safeLqip, toImageSource} from '../src/image.ts'
import type {ExerciseClient, ImageResult} from '../src/index.ts'
import {CreditedImage} from '../src/react/index.ts'
import {seededLake} from './support/lake.ts'

const config = {projectId: 'spotter', dataset: 'production'}
const image = (overrides: Partial<ImageResult> = {}): ImageResult => ({
  alt: 'A reverse hyper machine',
  caption: 'The machine',
  credit: 'Agency',
  licence: 'stock',
  copyrightHolder: null,
  crop: null,
  hotspot: null,
  asset: {_id: 'image-0123456789abcdef-2000x1000-jpg', url: 'https://cdn.example/x.jpg', width: 2000, height: 1000, lqip: null},
  ...overrides,
})

describe('imageSources', () => {
  it('offers widths up to the original size with a matching height', () => {
    const sources = imageSources(toImageSource(image()), config)!
    expect(sources.srcSet.split(', ').map((c) => c.split(' ')[1])).toEqual(['320w', '640w', '960w', '1280w', '1920w'])
    expect(sources.src).toContain('w=1920')
    expect([sources.width, sources.height]).toEqual([1920, 960])
    const small = imageSources(
      toImageSource(image({asset: {_id: 'image-0123456789abcdef-500x250-png', url: 'u', width: 500, height: 250, lqip: null}})),
      config,
    )!
    expect(small.srcSet.split(', ').map((c) => c.split(' ')[1])).toEqual(['320w'])
  })

  it('crops around the hotspot for an aspect ratio and exposes it as object-position', () => {
    const sources = imageSources(
      toImageSource(image({hotspot: {x: 0.25, y: 0.5, width: 0.2, height: 0.2}, crop: {top: 0, bottom: 0, left: 0, right: 0}})),
      config,
      {aspectRatio: 1},
    )!
    expect(sources.src).toMatch(/rect=0,0,1000,1000/)
    expect(sources.src).toContain('fit=crop')
    expect(sources.objectPosition).toBe('25% 50%')
    const right = imageSources(toImageSource(image({hotspot: {x: 0.9, y: 0.5, width: 0.1, height: 0.1}})), config, {aspectRatio: 1})!
    expect(right.src).toMatch(/rect=1000,0,1000,1000/)
  })

  it('gives no URL for a missing or malformed asset', () => {
    expect(imageSources(toImageSource(image({asset: null})), config)).toBeUndefined()
    expect(
      imageSources(toImageSource(image({asset: {_id: 'not-an-image-id', url: 'u', width: null, height: null, lqip: null}})), config),
    ).toBeUndefined()
  })
})

describe('CreditedImage', () => {
  it('always shows the credit, with or without a picture', () => {
    for (const img of [image(), image({asset: null})]) {
      expect(renderToStaticMarkup(h(CreditedImage, {image: img, images: config}))).toContain('<small class="credit">Credit: Agency</small>')
      expect(creditedImageHtml(img, config)).toContain('<small class="credit">Credit: Agency</small>')
    }
    expect(renderToStaticMarkup(h(CreditedImage, {image: image({asset: null}), images: config}))).not.toContain('<img')
  })

  it('uses plain props: class name, sizes, alt', () => {
    const out = renderToStaticMarkup(h(CreditedImage, {image: image(), images: config, className: 'hero', sizes: '50vw'}))
    expect(out).toMatch(/^<figure class="hero"><img /)
    expect(out).toContain('sizes="50vw"')
    expect(out).toContain('alt="A reverse hyper machine"')
  })
})

describe('LQIP placeholders', () => {
  const withLqip = (lqip: string) => image({asset: {_id: 'image-abc123-800x600-jpg', url: '', width: 800, height: 600, lqip}})
  const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRg=='

  it('shows a base64 image data URI as the background of the image until it loads, in both renderers', () => {
    const react = renderToStaticMarkup(h(CreditedImage, {image: withLqip(jpeg), images: config}))
    expect(react).toContain(`background-image:url(${jpeg});background-size:cover`)
    expect(creditedImageHtml(withLqip(jpeg), config)).toContain(`background-image:url(${jpeg});background-size:cover`)
  })

  it('leaves out anything else an LQIP field holds', () => {
    for (const lqip of [
      'data:image/svg+xml;base64,PHN2Zz4=',
      'https://example.org/tracker.png',
      `${jpeg}) ;background:url(https://example.org/x`,
      'data:image/jpeg;base64,/9j/"><script>alert(1)</script>',
    ]) {
      expect(safeLqip(withLqip(lqip)), lqip).toBeUndefined()
      expect(creditedImageHtml(withLqip(lqip), config), lqip).not.toContain('background')
      expect(renderToStaticMarkup(h(CreditedImage, {image: withLqip(lqip), images: config})), lqip).not.toContain('background')
    }
  })
})

describe('images from the lake', () => {
  let lake: SpawnedLake
  let client: ExerciseClient
  beforeAll(async () => ({lake, client} = await seededLake()))
  afterAll(async () => lake?.stop())

  it('every srcset URL of the seed hero image is served', async () => {
    const hero = (await client.getArticle('back-hyperextensions'))!.heroImage!
    const sources = imageSources(toImageSource(hero), client.images)!
    expect(sources.src.startsWith(`${lake.url}/images/${lake.projectId}/${lake.dataset}/`)).toBe(true)
    for (const candidate of sources.srcSet.split(', ')) {
      const response = await fetch(candidate.split(' ')[0]!)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^image\//)
    }
  })

  // The hero carries a crop and a hotspot: the CDN's answers must be the sizes the markup claims.
  for (const aspectRatio of [undefined, 4 / 3]) {
    it(`each srcset candidate is as wide as its descriptor, and src has the claimed size (aspect ${aspectRatio ?? 'free'})`, async () => {
      const hero = (await client.getArticle('back-hyperextensions'))!.heroImage!
      expect(hero.crop).not.toBeNull()
      const sources = imageSources(toImageSource(hero), client.images, {aspectRatio})!
      for (const candidate of sources.srcSet.split(', ')) {
        const [url, descriptor] = candidate.split(' ') as [string, string]
        const response = await fetch(url, {headers: {accept: 'image/webp,image/*'}})
        const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
        expect(meta.format).toBe('webp') // auto=format
        expect(`${meta.width}w`).toBe(descriptor)
        if (aspectRatio) expect(meta.height).toBe(Math.round(meta.width / aspectRatio))
      }
      const src = await sharp(Buffer.from(await (await fetch(sources.src)).arrayBuffer())).metadata()
      expect({width: src.width, height: src.height}).toEqual({width: sources.width, height: sources.height})
    })
  }
})
