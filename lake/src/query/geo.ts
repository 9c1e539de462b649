// The geo functions of hosted GROQ (`geo()`, `geo::latLng`, `geo::distance`, `geo::contains`,
// `geo::intersects`) over GeoJSON geometries and Sanity `geopoint` objects (`{lat, lng}`).
// Shapes live on a sphere: lines and polygon edges are great-circle arcs (geodesics), as on hosted,
// not straight lines in longitude/latitude. A polygon ring is read as the smaller of the two regions
// it bounds, whichever way it winds. Distances are great-circle (haversine) metres on a sphere of
// the WGS 84 equatorial radius, which is what hosted answers (the conformance suite's values).
// Every function answers null for input that is not a valid geometry, as GROQ functions do.

/** A GeoJSON geometry as `geo()` answers it: `type` and `coordinates` only, positions `[lng, lat]`. */
export interface Geometry {
  type: 'Point' | 'MultiPoint' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon'
  coordinates: unknown
}

type Position = [number, number]
type Vec = readonly [number, number, number]

const EARTH_RADIUS_M = 6_378_137
const RAD = Math.PI / 180

/** `geo(value)`: a geometry from GeoJSON or a `{lat, lng}` object, or null. */
export function geo(value: unknown): Geometry | null {
  return toGeometry(value)?.geometry ?? null
}

/** `geo::latLng(lat, lng)`: a GeoJSON Point. */
export function latLng(lat: unknown, lng: unknown): Geometry | null {
  const position = toPosition([lng, lat])
  return position ? {type: 'Point', coordinates: position} : null
}

/** `geo::distance(a, b)`: metres between two points; null unless both are points. */
export function distance(a: unknown, b: unknown): number | null {
  const first = toGeometry(a)
  const second = toGeometry(b)
  if (first?.geometry.type !== 'Point' || second?.geometry.type !== 'Point') return null
  const [lng1, lat1] = first.geometry.coordinates as Position
  const [lng2, lat2] = second.geometry.coordinates as Position
  const dLat = (lat2 - lat1) * RAD
  const dLng = (lng2 - lng1) * RAD
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** `geo::contains(a, b)`: whether polygon `a` holds all of `b`; null for invalid input. */
export function contains(a: unknown, b: unknown): boolean | null {
  const outer = toGeometry(a)?.shape
  const inner = toGeometry(b)?.shape
  if (!outer || !inner) return null
  if (outer.polygons.length === 0) return false
  const vertices = [...inner.points, ...inner.lines.flat(), ...inner.polygons.flat(2)]
  if (!vertices.every((v) => inShape(outer, v))) return false
  if (edgesCross(edgesOf(outer), edgesOf(inner))) return false
  // A hole or another part of `a` inside `b` leaves part of `b` outside `a`.
  return !outer.polygons.flat(2).some((v) => inPolygons(inner.polygons, v) && !onBoundary(inner, v))
}

/** `geo::intersects(a, b)`: whether the geometries share any point; null for invalid input. */
export function intersects(a: unknown, b: unknown): boolean | null {
  const first = toGeometry(a)?.shape
  const second = toGeometry(b)?.shape
  if (!first || !second) return null
  return touches(first, second) || touches(second, first) || edgesCross(edgesOf(first), edgesOf(second))
}

/** A geometry's parts as unit vectors; polygon rings without their closing position. */
interface Shape {
  points: Vec[]
  lines: Vec[][]
  /** Polygons, each a list of rings wound counter-clockwise around the smaller region. */
  polygons: Vec[][][]
}

type Parsed = {geometry: Geometry; shape: Shape} | undefined

/**
 * Parsed geometries by the object they were read from: a parameter's or a stored document's
 * value is the same object for every row of a query (and of every query while a small dataset
 * stays decoded; groq-js and the store never change one), and checking a polygon's ring for
 * crossings takes time quadratic in its vertices.
 */
const parsed = new WeakMap<object, Parsed>()

function toGeometry(value: unknown): Parsed {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  if (parsed.has(value)) return parsed.get(value)
  const result = readGeometry(value as Record<string, unknown>)
  parsed.set(value, result)
  return result
}

function readGeometry(object: Record<string, unknown>): Parsed {
  if (typeof object['type'] === 'string') return fromGeoJson(object['type'], object['coordinates'])
  if ('lat' in object) {
    // A Sanity geopoint; `lon` is read too, but both `lng` and `lon` is ambiguous.
    if ('lng' in object && 'lon' in object) return undefined
    const position = toPosition([object['lng'] ?? object['lon'], object['lat']])
    return position ? fromGeoJson('Point', position) : undefined
  }
  return undefined
}

function fromGeoJson(type: string, coordinates: unknown): Parsed {
  const shape: Shape = {points: [], lines: [], polygons: []}
  let normalized: unknown
  switch (type) {
    case 'Point': {
      const position = toPosition(coordinates)
      if (!position) return undefined
      shape.points.push(toVec(position))
      normalized = position
      break
    }
    case 'MultiPoint': {
      const positions = toPositions(coordinates, 1)
      if (!positions) return undefined
      shape.points.push(...positions.map(toVec))
      normalized = positions
      break
    }
    case 'LineString': {
      const line = toLine(coordinates)
      if (!line) return undefined
      shape.lines.push(line.map(toVec))
      normalized = line
      break
    }
    case 'MultiLineString': {
      const lines = toList(coordinates, toLine)
      if (!lines) return undefined
      shape.lines.push(...lines.map((line) => line.map(toVec)))
      normalized = lines
      break
    }
    case 'Polygon': {
      const polygon = toPolygon(coordinates)
      if (!polygon) return undefined
      shape.polygons.push(polygon.loops)
      normalized = polygon.rings
      break
    }
    case 'MultiPolygon': {
      const polygons = toList(coordinates, toPolygon)
      if (!polygons) return undefined
      shape.polygons.push(...polygons.map((polygon) => polygon.loops))
      normalized = polygons.map((polygon) => polygon.rings)
      break
    }
    default:
      return undefined
  }
  return {geometry: {type, coordinates: normalized} as Geometry, shape}
}

function toPosition(value: unknown): Position | undefined {
  if (!Array.isArray(value) || value.length < 2) return undefined
  const [lng, lat] = value as unknown[]
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) return undefined
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined
  return [lng, lat]
}

function toList<T>(value: unknown, read: (item: unknown) => T | undefined, min = 1): T[] | undefined {
  if (!Array.isArray(value) || value.length < min) return undefined
  const items: T[] = []
  for (const item of value) {
    const entry = read(item)
    if (entry === undefined) return undefined
    items.push(entry)
  }
  return items
}

const toPositions = (value: unknown, min: number) => toList(value, toPosition, min)
const toLine = (value: unknown) => toPositions(value, 2)

/** A polygon's rings (closed, at least three vertices, no repeated vertex, no crossing edges). */
function toPolygon(value: unknown): {rings: Position[][]; loops: Vec[][]} | undefined {
  const rings = toList(value, (ring) => toPositions(ring, 4))
  if (!rings) return undefined
  const loops: Vec[][] = []
  for (const ring of rings) {
    const first = ring[0]!
    const last = ring[ring.length - 1]!
    if (first[0] !== last[0] || first[1] !== last[1]) return undefined
    const loop = ring.slice(0, -1).map(toVec)
    if (!isSimpleLoop(loop)) return undefined
    loops.push(turning(loop) < 0 ? loop.reverse() : loop)
  }
  return {rings, loops}
}

function isSimpleLoop(loop: Vec[]): boolean {
  const n = loop.length
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (same(loop[i]!, loop[j]!)) return false
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue // adjacent through the closing edge
      if (crossing(loop[i]!, loop[(i + 1) % n]!, loop[j]!, loop[(j + 1) % n]!) > 0) return false
    }
  }
  return true
}

// Vector maths on the unit sphere.

function toVec([lng, lat]: Position): Vec {
  const phi = lat * RAD
  const lambda = lng * RAD
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)]
}

const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
const same = (a: Vec, b: Vec) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2]

/** +1 if `c` is left of the great circle from `a` to `b`, -1 if right, 0 if on it. */
function orient(a: Vec, b: Vec, c: Vec): number {
  const det = dot(cross(a, b), c)
  return Math.abs(det) < 1e-15 ? 0 : Math.sign(det)
}

/** Sum of the turns along a loop: positive when it winds counter-clockwise around its smaller side. */
function turning(loop: Vec[]): number {
  let sum = 0
  const n = loop.length
  for (let i = 0; i < n; i++) {
    const a = loop[(i + n - 1) % n]!
    const b = loop[i]!
    const c = loop[(i + 1) % n]!
    const n1 = cross(a, b)
    const n2 = cross(b, c)
    const angle = Math.atan2(Math.hypot(...cross(n1, n2)), dot(n1, n2))
    sum += orient(a, b, c) >= 0 ? angle : -angle
  }
  return sum
}

/**
 * 1 if arcs ab and cd cross at a point inside both, -1 if they do not meet, 0 if they share a
 * vertex or one ends on the other.
 */
function crossing(a: Vec, b: Vec, c: Vec, d: Vec): number {
  if (same(a, c) || same(a, d) || same(b, c) || same(b, d)) return 0
  const acb = -orient(a, b, c)
  const bda = orient(a, b, d)
  if (acb === 0 || bda === 0) return onArc(a, b, c) || onArc(a, b, d) ? 0 : -1
  if (acb !== bda) return -1
  const cbd = -orient(c, d, b)
  const dac = orient(c, d, a)
  if (cbd === 0 || dac === 0) return onArc(c, d, a) || onArc(c, d, b) ? 0 : -1
  return cbd === acb && dac === acb ? 1 : -1
}

/** Whether `p` lies on the arc from `a` to `b` (on its great circle, between the ends). */
function onArc(a: Vec, b: Vec, p: Vec): boolean {
  if (same(a, p) || same(b, p)) return true
  if (orient(a, b, p) !== 0) return false
  return dot(cross(a, p), cross(a, b)) > 0 && dot(cross(p, b), cross(a, b)) > 0
}

/** Whether a counter-clockwise loop holds `p`: the loop winds once around it. */
function inLoop(loop: Vec[], p: Vec): boolean {
  let sum = 0
  const n = loop.length
  for (let i = 0; i < n; i++) {
    const a = loop[i]!
    const b = loop[(i + 1) % n]!
    sum += Math.atan2(dot(p, cross(a, b)), dot(a, b) - dot(a, p) * dot(b, p))
  }
  return sum > Math.PI
}

/** In a polygon: inside an odd number of its rings (the shell, not a hole), or on a ring. */
function inPolygons(polygons: Vec[][][], p: Vec): boolean {
  return polygons.some(
    (loops) =>
      loops.some((loop) => loop.some((v, i) => onArc(v, loop[(i + 1) % loop.length]!, p))) ||
      loops.filter((loop) => inLoop(loop, p)).length % 2 === 1,
  )
}

function inShape(shape: Shape, p: Vec): boolean {
  return (
    shape.points.some((q) => same(q, p)) ||
    shape.lines.some((line) => line.some((v, i) => i > 0 && onArc(line[i - 1]!, v, p))) ||
    inPolygons(shape.polygons, p)
  )
}

function onBoundary(shape: Shape, p: Vec): boolean {
  return shape.polygons.some((loops) => loops.some((loop) => loop.some((v, i) => onArc(v, loop[(i + 1) % loop.length]!, p))))
}

function edgesOf(shape: Shape): [Vec, Vec][] {
  const edges: [Vec, Vec][] = []
  for (const line of shape.lines) for (let i = 1; i < line.length; i++) edges.push([line[i - 1]!, line[i]!])
  for (const loops of shape.polygons) {
    for (const loop of loops) loop.forEach((v, i) => edges.push([v, loop[(i + 1) % loop.length]!]))
  }
  return edges
}

function edgesCross(first: [Vec, Vec][], second: [Vec, Vec][]): boolean {
  return first.some(([a, b]) => second.some(([c, d]) => crossing(a, b, c, d) > 0))
}

/** Whether a vertex of `a` lies in or on `b`. */
function touches(a: Shape, b: Shape): boolean {
  return [...a.points, ...a.lines.flat(), ...a.polygons.flat(2)].some((v) => inShape(b, v))
}
