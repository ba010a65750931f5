import Taro from '@tarojs/taro'

/** Taro storage that never throws (storage can be full or unavailable in private mode). */
export function readStorage<T>(key: string): T | null {
  try {
    const raw = Taro.getStorageSync(key) as unknown
    if (raw === '' || raw === undefined || raw === null) return null
    return raw as T
  } catch {
    return null
  }
}

export function writeStorage(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, value)
    return true
  } catch {
    return false
  }
}

export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // nothing to do: the value is gone or storage is unavailable
  }
}
