import Taro from '@tarojs/taro'

export interface MapPoint {
  /** GCJ-02, as the server stores every point */
  latitude: number
  longitude: number
  address: string | null
}

/**
 * Shows where a report is. weapp: WeChat's own map (openLocation takes GCJ-02, which is what we store).
 * H5: 高德's public marker page, which also reads GCJ-02 (coordinate=gaode); it opens in a new tab.
 */
export function showOnMap(point: MapPoint, name: string): void {
  if (process.env.TARO_ENV === 'weapp') {
    Promise.resolve(
      Taro.openLocation({ latitude: point.latitude, longitude: point.longitude, name, address: point.address ?? '', scale: 17 }),
    ).catch(() => undefined)
    return
  }
  const url =
    `https://uri.amap.com/marker?position=${point.longitude.toFixed(6)},${point.latitude.toFixed(6)}` +
    `&name=${encodeURIComponent(name)}&coordinate=gaode&callnative=0`
  if (typeof window !== 'undefined') window.open(url, '_blank', 'noopener')
}

/** Staff call the reporter from the report (the number is only in staff's replies). */
export function callPhone(phone: string): void {
  Promise.resolve(Taro.makePhoneCall({ phoneNumber: phone })).catch(() => undefined)
}
