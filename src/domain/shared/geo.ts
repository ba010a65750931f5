/** Points on the earth, for routing reports to grids, "nearby" and (issue 6) patrol check-in. */

export const COORD_SYSTEMS = ['gcj02', 'wgs84'] as const
/** weapp's getLocation/chooseLocation give GCJ-02 (gcj02); a browser's geolocation gives WGS-84. */
export type CoordSystem = (typeof COORD_SYSTEMS)[number]

export interface LatLng {
  latitude: number
  longitude: number
}

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres (haversine), good to well under a metre at the scale of a community. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLng = (b.longitude - a.longitude) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A latitude/longitude box that holds every point within `metres` of the centre (for an indexed pre-filter). */
export function boxAround(centre: LatLng, metres: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  // the circle's exact extent on the sphere, widened by ~0.1 mm so that floating-point rounding never drops
  // a point at exactly `metres`
  const angle = metres / EARTH_RADIUS_M
  const slack = 1e-9
  const dLat = angle * (180 / Math.PI) + slack
  const cos = Math.cos((centre.latitude * Math.PI) / 180)
  const dLng = Math.sin(angle) >= cos ? 180 : Math.asin(Math.sin(angle) / cos) * (180 / Math.PI) + slack
  return {
    minLat: centre.latitude - dLat,
    maxLat: centre.latitude + dLat,
    minLng: centre.longitude - dLng,
    maxLng: centre.longitude + dLng,
  }
}

/** Ray casting: whether the point lies inside the ring [[latitude, longitude], ...] (a point on an edge may go either way). */
export function insideRing(point: LatLng, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [yi, xi] = ring[i]!
    const [yj, xj] = ring[j]!
    if (yi > point.latitude !== yj > point.latitude) {
      const x = ((xj - xi) * (point.latitude - yi)) / (yj - yi) + xi
      if (point.longitude < x) inside = !inside
    }
  }
  return inside
}

/** The first grid whose boundary holds the point; null when none does (or none has a boundary). */
export function gridOfPoint<G extends { id: string; boundary: readonly (readonly [number, number])[] | null }>(
  point: LatLng,
  grids: readonly G[],
): G | null {
  return grids.find((g) => g.boundary !== null && g.boundary.length >= 3 && insideRing(point, g.boundary)) ?? null
}
