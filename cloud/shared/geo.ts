import gcoord from 'gcoord'
import type { CoordSystem, LatLng } from '@/domain/shared/geo'

/** Every point is kept in GCJ-02 (WeChat's maps); a browser's WGS-84 point is converted with gcoord. */
export function toGcj02(p: LatLng, system: CoordSystem | undefined): LatLng {
  if (system !== 'wgs84') return { latitude: p.latitude, longitude: p.longitude }
  const [longitude, latitude] = gcoord.transform([p.longitude, p.latitude], gcoord.WGS84, gcoord.GCJ02) as [number, number]
  return { latitude, longitude }
}
