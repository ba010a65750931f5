import Taro from '@tarojs/taro'
import type { PickedLocation } from './report-form'

export type LocationFailure = 'denied' | 'unavailable' | 'cancelled'

export class LocationError extends Error {
  constructor(readonly reason: LocationFailure) {
    super(reason)
  }
}

function errMsg(e: unknown): string {
  return String((e as { errMsg?: string; message?: string } | null)?.errMsg ?? (e as Error | null)?.message ?? '')
}

function isDenied(e: unknown): boolean {
  return /auth deny|auth denied|permission|authorize|denied|privacy/i.test(errMsg(e)) || (e as { code?: number } | null)?.code === 1
}

/**
 * Where the problem is. weapp: the map picker (GCJ-02), falling back to the current position when the
 * picker cannot open; H5: the browser's geolocation (WGS-84). Throws LocationError: the form then
 * offers the grid picker instead.
 */
export async function takeLocation(): Promise<PickedLocation> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const r = await Taro.chooseLocation({})
      const address = [r.address, r.name].filter(Boolean).join(' ').slice(0, 100)
      return { latitude: r.latitude, longitude: r.longitude, address: address || undefined, coordSystem: 'gcj02' }
    } catch (e) {
      if (/cancel/i.test(errMsg(e))) throw new LocationError('cancelled')
      if (isDenied(e)) throw new LocationError('denied')
    }
    try {
      const r = await Taro.getLocation({ type: 'gcj02' })
      return { latitude: r.latitude, longitude: r.longitude, coordSystem: 'gcj02' }
    } catch (e) {
      throw new LocationError(isDenied(e) ? 'denied' : 'unavailable')
    }
  }
  return browserLocation()
}

function browserLocation(): Promise<PickedLocation> {
  return new Promise((resolve, reject) => {
    const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined
    if (!geo) {
      reject(new LocationError('unavailable'))
      return
    }
    geo.getCurrentPosition(
      (pos) => resolve({ latitude: pos.coords.latitude, longitude: pos.coords.longitude, coordSystem: 'wgs84' }),
      (err) => reject(new LocationError(err.code === 1 ? 'denied' : 'unavailable')),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    )
  })
}

export const LOCATION_FAILURE_TEXT: Record<LocationFailure, string> = {
  denied: '没有获得位置权限，请选择问题所在的网格',
  unavailable: '暂时无法定位，请选择问题所在的网格',
  cancelled: '',
}
