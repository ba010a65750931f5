import Taro from '@tarojs/taro'
import gcoord from 'gcoord'
import type { CoordSystem } from '@/domain/shared/geo'

export type LocationFailure = 'denied' | 'unavailable' | 'cancelled'

export class LocationError extends Error {
  constructor(readonly reason: LocationFailure) {
    super(reason)
  }
}

/** What the device cannot do, in words; a feature adds what the person can do instead. */
export const LOCATION_FAILURE_TEXT: Record<LocationFailure, string> = {
  denied: '没有获得位置权限',
  unavailable: '暂时无法定位',
  cancelled: '',
}

/** A place the person chose or stood at, in the system the platform gave it in (the server converts). */
export interface PickedLocation {
  latitude: number
  longitude: number
  address?: string
  coordSystem: CoordSystem
}

/** Where the device is now, as the platform gives it (no conversion), with its accuracy in metres. */
export interface DevicePosition {
  latitude: number
  longitude: number
  accuracy: number
  coordSystem: CoordSystem
}

export interface AreaCentre {
  latitude: number
  longitude: number
  /** what the place is called, when the map picker said */
  address?: string
}

function errMsg(e: unknown): string {
  return String((e as { errMsg?: string; message?: string } | null)?.errMsg ?? (e as Error | null)?.message ?? '')
}

function isDenied(e: unknown): boolean {
  return /auth deny|auth denied|permission|authorize|denied|privacy/i.test(errMsg(e)) || (e as { code?: number } | null)?.code === 1
}

/** weapp's map picker (GCJ-02); undefined when it could not open, so the caller falls back to the position. */
async function chooseOnMap(): Promise<{ latitude: number; longitude: number; address?: string } | undefined> {
  try {
    const r = await Taro.chooseLocation({})
    const address = [r.address, r.name].filter(Boolean).join(' ').slice(0, 100)
    return { latitude: r.latitude, longitude: r.longitude, ...(address ? { address } : {}) }
  } catch (e) {
    if (/cancel/i.test(errMsg(e))) throw new LocationError('cancelled')
    if (isDenied(e)) throw new LocationError('denied')
    return undefined
  }
}

/** The browser's geolocation (WGS-84); `maximumAge` 0 when only where the person is now will do. */
function browserPosition(maximumAge: number): Promise<DevicePosition> {
  return new Promise((resolve, reject) => {
    const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined
    if (!geo) {
      reject(new LocationError('unavailable'))
      return
    }
    geo.getCurrentPosition(
      (pos) =>
        resolve({
          latitude: pos.coords.latitude,
          longitude: pos.coords.longitude,
          accuracy: Math.max(0, pos.coords.accuracy ?? 0),
          coordSystem: 'wgs84',
        }),
      (err) => reject(new LocationError(err.code === 1 ? 'denied' : 'unavailable')),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge },
    )
  })
}

/**
 * Where a problem is. weapp: the map picker (GCJ-02), falling back to the current position when the
 * picker cannot open; H5: the browser's geolocation (WGS-84). Throws LocationError.
 */
export async function takeLocation(): Promise<PickedLocation> {
  if (process.env.TARO_ENV === 'weapp') {
    const chosen = await chooseOnMap()
    if (chosen) return { ...chosen, coordSystem: 'gcj02' }
    try {
      const r = await Taro.getLocation({ type: 'gcj02' })
      return { latitude: r.latitude, longitude: r.longitude, coordSystem: 'gcj02' }
    } catch (e) {
      throw new LocationError(isDenied(e) ? 'denied' : 'unavailable')
    }
  }
  const p = await browserPosition(60_000)
  return { latitude: p.latitude, longitude: p.longitude, coordSystem: p.coordSystem }
}

/**
 * For check-in: where the person is now. weapp: getLocation in GCJ-02 (high accuracy); H5: the browser's
 * geolocation in WGS-84 (the server converts). Throws LocationError('denied' | 'unavailable').
 */
export async function takePosition(): Promise<DevicePosition> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
      return { latitude: r.latitude, longitude: r.longitude, accuracy: Math.max(0, r.accuracy ?? 0), coordSystem: 'gcj02' }
    } catch (e) {
      throw new LocationError(isDenied(e) ? 'denied' : 'unavailable')
    }
  }
  return browserPosition(0)
}

/**
 * The centre of an area, always in GCJ-02 (what areas are stored in). weapp: the map picker (GCJ-02);
 * H5: where the person stands, converted from the browser's WGS-84.
 */
export async function pickAreaCentre(): Promise<AreaCentre> {
  if (process.env.TARO_ENV === 'weapp') {
    const chosen = await chooseOnMap()
    if (chosen) return chosen
  }
  const p = await takePosition()
  return p.coordSystem === 'gcj02' ? { latitude: p.latitude, longitude: p.longitude } : toGcj02(p)
}

export function toGcj02(p: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  const [longitude, latitude] = gcoord.transform([p.longitude, p.latitude], gcoord.WGS84, gcoord.GCJ02) as [number, number]
  return { latitude: Number(latitude.toFixed(6)), longitude: Number(longitude.toFixed(6)) }
}

/** Opens the mini-program's settings so a refused location permission can be given (weapp only). */
export function openLocationSettings(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  Promise.resolve(Taro.openSetting({})).catch(() => undefined)
}
