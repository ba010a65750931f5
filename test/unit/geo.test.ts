import { boxAround, distanceMetres, gridOfPoint, insideRing, type LatLng } from '@/domain/shared/geo'

const R = 6_371_008.8
const p = (latitude: number, longitude: number): LatLng => ({ latitude, longitude })

/** The point `metres` from `from` along `bearing` degrees on the sphere (the standard destination formula). */
function destination(from: LatLng, metres: number, bearing: number): LatLng {
  const rad = Math.PI / 180
  const d = metres / R
  const t = bearing * rad
  const p1 = from.latitude * rad
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t))
  const l2 = from.longitude * rad + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2))
  return p(p2 / rad, l2 / rad)
}

describe('distanceMetres', () => {
  test('one degree of latitude is about 111,195 m, anywhere on a meridian', () => {
    for (const lat of [-60, 0, 30, 45, 89]) {
      expect(Math.abs(distanceMetres(p(lat, 120), p(lat + 1, 120)) - 111_195)).toBeLessThan(1)
    }
  })

  test('one degree of longitude shrinks with the cosine of the latitude', () => {
    expect(Math.abs(distanceMetres(p(0, 10), p(0, 11)) - 111_195)).toBeLessThan(1)
    // on the great circle, a little shorter than along the parallel (55,597.5 m)
    const d60 = distanceMetres(p(60, 10), p(60, 11))
    expect(d60).toBeGreaterThan(55_590)
    expect(d60).toBeLessThan(55_597.5)
  })

  test('a point 200 m north, and 200 m north-east', () => {
    const centre = p(31.2304, 121.4737)
    const north = p(centre.latitude + 200 / 111_194.93, centre.longitude)
    expect(distanceMetres(centre, north)).toBeCloseTo(200, 1)
    expect(distanceMetres(centre, destination(centre, 200, 45))).toBeCloseTo(200, 6)
  })

  test('Beijing (天安门) to Shanghai (人民广场) is about 1,067 km; zero to itself; symmetric', () => {
    const beijing = p(39.9087, 116.3975)
    const shanghai = p(31.2304, 121.4737)
    const d = distanceMetres(beijing, shanghai)
    expect(d).toBeGreaterThan(1_060_000)
    expect(d).toBeLessThan(1_075_000)
    expect(distanceMetres(shanghai, beijing)).toBe(d)
    expect(distanceMetres(beijing, beijing)).toBe(0)
  })

  test('antipodes: half the circumference, no NaN', () => {
    expect(distanceMetres(p(0, 0), p(0, 180))).toBeCloseTo(Math.PI * R, 0)
  })
})

describe('boxAround', () => {
  const centres = [p(31.2304, 121.4737), p(0, 0), p(-33.87, 151.21), p(60, 10), p(80, -30)]
  const radii = [1, 200, 5000, 50_000]
  const bearings = Array.from({ length: 16 }, (_, i) => i * 22.5)

  test.each(centres.flatMap((c) => radii.map((m) => [c, m] as const)))('every point at the radius in 16 directions is inside: %o, %d m', (c, m) => {
    const box = boxAround(c, m)
    for (const bearing of bearings) {
      const q = destination(c, m, bearing)
      expect(Math.abs(distanceMetres(c, q) - m)).toBeLessThan(1e-3)
      expect({ bearing, inside: q.latitude >= box.minLat && q.latitude <= box.maxLat && q.longitude >= box.minLng && q.longitude <= box.maxLng }).toEqual({
        bearing,
        inside: true,
      })
    }
  })

  test('it is not much bigger than the circle: 1% beyond the radius north, south, east and west is outside', () => {
    const c = p(31.2304, 121.4737)
    const box = boxAround(c, 200)
    expect(destination(c, 202, 0).latitude).toBeGreaterThan(box.maxLat)
    expect(destination(c, 202, 180).latitude).toBeLessThan(box.minLat)
    expect(destination(c, 202, 90).longitude).toBeGreaterThan(box.maxLng)
    expect(destination(c, 202, 270).longitude).toBeLessThan(box.minLng)
  })
})

// rings are [latitude, longitude]
const square: [number, number][] = [
  [30, 120],
  [30, 121],
  [31, 121],
  [31, 120],
]
// a U open to the north: the notch between longitudes 120.4 and 120.6, above latitude 30.5
const concave: [number, number][] = [
  [30, 120],
  [30, 121],
  [31, 121],
  [31, 120.6],
  [30.5, 120.6],
  [30.5, 120.4],
  [31, 120.4],
  [31, 120],
]

describe('insideRing', () => {
  test.each([
    ['centre of a square', square, p(30.5, 120.5), true],
    ['north of a square', square, p(31.5, 120.5), false],
    ['east of a square', square, p(30.5, 121.5), false],
    ['south-west of a square', square, p(29.9, 119.9), false],
    ['left arm of a U', concave, p(30.8, 120.2), true],
    ['right arm of a U', concave, p(30.8, 120.8), true],
    ['base of a U', concave, p(30.2, 120.5), true],
    ['in the notch of a U (inside its bounding box, outside the ring)', concave, p(30.8, 120.5), false],
    ['a ring with its first point repeated at the end', [...square, square[0]!], p(30.5, 120.5), true],
  ] as const)('%s → %s', (_name, ring, point, inside) => {
    expect(insideRing(point, ring)).toBe(inside)
  })

  test('the winding order does not matter', () => {
    expect(insideRing(p(30.8, 120.2), [...concave].reverse())).toBe(true)
    expect(insideRing(p(30.8, 120.5), [...concave].reverse())).toBe(false)
  })
})

describe('gridOfPoint', () => {
  const grids = [
    { id: 'none', boundary: null },
    { id: 'line', boundary: [[30, 120], [31, 121]] as [number, number][] },
    { id: 'u', boundary: concave },
    { id: 'square', boundary: square },
  ]

  test('the first grid whose boundary holds the point; grids without a usable boundary are skipped', () => {
    expect(gridOfPoint(p(30.8, 120.2), grids)?.id).toBe('u')
    // in the U's notch: not the U, but the square beneath it
    expect(gridOfPoint(p(30.8, 120.5), grids)?.id).toBe('square')
  })

  test('null when no grid holds it, or none has a boundary', () => {
    expect(gridOfPoint(p(40, 116), grids)).toBeNull()
    expect(gridOfPoint(p(30.5, 120.5), [{ id: 'a', boundary: null }, { id: 'b', boundary: null }])).toBeNull()
    expect(gridOfPoint(p(30.5, 120.5), [])).toBeNull()
  })
})
