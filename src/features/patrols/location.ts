import Taro from '@tarojs/taro'
import gcoord from 'gcoord'
import type { CoordSystem } from '@/domain/shared/geo'
import { LocationError } from '../reports/location'

/** Where the device is now, as the platform gives it (no conversion), with its accuracy in metres. */
export interface DevicePosition {
  latitude: number
  longitude: number
  accuracy: number
  coordSystem: CoordSystem
}

function errMsg(e: unknown): string {
  return String((e as { errMsg?: string; message?: string } | null)?.errMsg ?? (e as Error | null)?.message ?? '')
}

function isDenied(e: unknown): boolean {
  return /auth deny|auth denied|permission|authorize|denied|privacy/i.test(errMsg(e))
}

/**
 * For check-in. weapp: getLocation in GCJ-02 (high accuracy); H5: the browser's geolocation in WGS-84 (the
 * server converts). Throws LocationError('denied' | 'unavailable').
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
      // a check-in wants where the person is now, not a minute ago
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    )
  })
}

export interface AreaCentre {
  latitude: number
  longitude: number
  /** what the place is called, when the map picker said */
  address?: string
}

/**
 * The centre of a patrol area, always in GCJ-02 (what the area is stored in). weapp: the map picker (GCJ-02);
 * H5: where the committee member stands, converted from the browser's WGS-84.
 */
export async function pickAreaCentre(): Promise<AreaCentre> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const r = await Taro.chooseLocation({})
      const address = [r.address, r.name].filter(Boolean).join(' ').slice(0, 100)
      return { latitude: r.latitude, longitude: r.longitude, ...(address ? { address } : {}) }
    } catch (e) {
      if (/cancel/i.test(errMsg(e))) throw new LocationError('cancelled')
      if (isDenied(e)) throw new LocationError('denied')
    }
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
