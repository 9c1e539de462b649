// GROQ's geo functions over HTTP with @sanity/client: a club finder over `geopoint` locations,
// near a point (geo::distance, metres) and inside an area (geo::contains with a GeoJSON polygon),
// in queries and in listen filters.
import {afterAll, beforeAll, expect, it} from 'vitest'
import {spawnLake, type SpawnedLake} from '../src/testing.ts'
import {collect} from './listen-helpers.ts'

let lake: SpawnedLake

const at = (lat: number, lng: number) => ({_type: 'geopoint', lat, lng})
/** Oslo's centre, as the GROQ conformance suite places it. */
const OSLO = {lat: 59.913889, lng: 10.752222}
/** Roughly the city of Oslo: Bærum (west) and Lillestrøm (east) are outside it. */
const OSLO_AREA = {
  type: 'Polygon',
  coordinates: [
    [
      [10.6, 59.8],
      [10.95, 59.8],
      [10.95, 60.0],
      [10.6, 60.0],
      [10.6, 59.8],
    ],
  ],
}

const CLUB_FINDER = `*[_type == "club" && geo::distance(location, $here) < 50000 && geo::contains($area, location)]
  | order(geo::distance(location, $here)) {_id, "metres": round(geo::distance(location, $here))}`

beforeAll(async () => {
  lake = await spawnLake()
  await lake
    .client()
    .transaction()
    .create({_id: 'club-sentrum', _type: 'club', location: at(59.913889, 10.752222)})
    .create({_id: 'club-grunerlokka', _type: 'club', location: at(59.9226, 10.759)})
    .create({_id: 'club-bygdoy', _type: 'club', location: at(59.905, 10.68)})
    .create({_id: 'club-sandvika', _type: 'club', location: at(59.891, 10.523)})
    .create({_id: 'club-lillestrom', _type: 'club', location: at(59.956, 11.05)})
    .create({_id: 'club-drammen', _type: 'club', location: at(59.7441, 10.2045)})
    .create({_id: 'club-stockholm', _type: 'club', location: at(59.329444, 18.068611)})
    .create({_id: 'club-online', _type: 'club'})
    .create({_id: 'gym-near', _type: 'gym', location: at(59.914, 10.752)})
    .commit()
})
afterAll(async () => {
  await lake?.stop()
})

it('finds the clubs within 50 km and inside the area, nearest first', async () => {
  const clubs = await lake.client().fetch<{_id: string; metres: number}[]>(CLUB_FINDER, {here: OSLO, area: OSLO_AREA})
  expect(clubs.map((club) => club._id)).toEqual(['club-sentrum', 'club-grunerlokka', 'club-bygdoy'])
  expect(clubs[0]!.metres).toBe(0)
  expect(clubs[1]!.metres).toBeGreaterThan(900)
  expect(clubs[1]!.metres).toBeLessThan(1_100)
})

it('measures great-circle metres as hosted does, and drops clubs without a location from the filter', async () => {
  // The conformance suite's hosted answer for Oslo to Stockholm.
  const stockholm = await lake.client().fetch('*[_id == "club-stockholm"][0]{"metres": geo::distance(location, $here)}', {here: OSLO})
  expect(stockholm.metres).toBeCloseTo(416_760.7738822515, 6)
  const near = await lake
    .client()
    .fetch<string[]>('*[_type == "club" && geo::distance(location, $here) < 50000] | order(_id)[]._id', {here: OSLO})
  expect(near).toEqual(['club-bygdoy', 'club-drammen', 'club-grunerlokka', 'club-lillestrom', 'club-sandvika', 'club-sentrum'])
  const inArea = await lake
    .client()
    .fetch<string[]>('*[_type == "club" && geo::contains($area, location)] | order(_id)[]._id', {area: OSLO_AREA})
  expect(inArea).toEqual(['club-bygdoy', 'club-grunerlokka', 'club-sentrum'])
})

it('answers geo() and geo::latLng() as GeoJSON points', async () => {
  const result = await lake
    .client()
    .fetch('{"fromGeopoint": *[_id == "club-bygdoy"][0]{"point": geo(location)}.point, "latLng": geo::latLng(59.905, 10.68)}')
  expect(result).toEqual({
    fromGeopoint: {type: 'Point', coordinates: [10.68, 59.905]},
    latLng: {type: 'Point', coordinates: [10.68, 59.905]},
  })
})

it('reads geo( in strings and comments as text, and global::geo() as geo()', async () => {
  const result = await lake.client().fetch(`{
    "text": "geo(1) " + 'geo(2)', // geo( in a comment
    "global": global::geo({"lat": 1, "lng": 2}),
    "attribute": {"geo": 3}.geo
  }`)
  expect(result).toEqual({text: 'geo(1) geo(2)', global: {type: 'Point', coordinates: [2, 1]}, attribute: 3})
})

it('rejects a geo function called with the wrong number of arguments as a query parse error', async () => {
  await expect(lake.client().fetch('*[geo::distance(location) < 10]')).rejects.toMatchObject({
    statusCode: 400,
    message: expect.stringContaining('geo::distance() takes 2 arguments, got 1'),
  })
})

it('filters listen events with the geo functions too', async () => {
  const listener = collect(lake.client(), '*[_type == "club" && geo::contains($area, location)]', {area: OSLO_AREA})
  try {
    await listener.welcome
    await lake.client().create({_id: 'club-far', _type: 'club', location: at(63.43, 10.39)})
    await lake.client().create({_id: 'club-majorstuen', _type: 'club', location: at(59.9296, 10.7155)})
    const [event] = await listener.waitFor(1)
    expect(event).toMatchObject({type: 'mutation', documentId: 'club-majorstuen'})
    expect(listener.events.map((e) => e['documentId'])).toEqual(['club-majorstuen'])
  } finally {
    listener.close()
  }
})
