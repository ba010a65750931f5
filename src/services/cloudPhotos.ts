import Taro from '@tarojs/taro'
import { MAX_LINKS_PER_CALL } from '@/domain/files'
import { callApi } from './api'
import { ApiError } from './apiError'

/**
 * Photos on WeChat 云开发 (issue 14). Upload: the API names an incoming path (file.uploadTarget), the picture goes
 * there with Taro.cloud.uploadFile, and the API takes it in (file.fromCloud → { fileId }), checking and stripping
 * it as the HTTP upload does. Showing: the report views' signed links are exchanged for short-lived temporary URLs
 * (file.links), batched (the links asked for in the same moment go in one call) and cached until shortly before
 * they expire.
 */

/** One cloud upload: target, upload, take in. Throws ApiError ('NETWORK' when the upload itself fails). */
export async function sendToCloud(filePath: string, onProgress?: (percent: number) => void): Promise<{ fileId: string }> {
  const { cloudPath } = await callApi('file.uploadTarget', {})
  const fileID = await new Promise<string>((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res) => (typeof res.fileID === 'string' && res.fileID ? resolve(res.fileID) : reject(new Error('no fileID'))),
      fail: reject,
    }) as Partial<Taro.UploadTask> | undefined
    if (onProgress && typeof task?.onProgressUpdate === 'function') {
      task.onProgressUpdate((res) => onProgress(Math.max(0, Math.min(99, Math.round(res.progress)))))
    }
  }).catch(() => {
    throw new ApiError('NETWORK')
  })
  return callApi('file.fromCloud', { fileID })
}

/** A temporary URL is used until this long before it expires; a refused link is asked again after this long. */
export const RENEW_BEFORE_MS = 60_000
const REFUSED_FOR_MS = 60_000

interface Cached {
  url: string | null
  /** when to ask again (ms since epoch) */
  until: number
}

const cache = new Map<string, Cached>()
const inFlight = new Map<string, Promise<void>>()
let waiting: string[] = []
let flush: Promise<void> | null = null

/** The temporary URL of a signed link when one is known and fresh; null when refused; undefined when not known. */
export function cachedPhotoUrl(link: string, now = Date.now()): string | null | undefined {
  const c = cache.get(link)
  return c && c.until > now ? c.url : undefined
}

/** When the first of these links' cached URLs needs renewing (ms since epoch); null when none is cached. */
export function nextRenewal(links: readonly string[]): number | null {
  const times = links.map((l) => cache.get(l)?.until).filter((t): t is number => typeof t === 'number')
  return times.length ? Math.min(...times) : null
}

/**
 * Makes sure each link has a fresh entry: the links asked for until the end of this turn go together, at most
 * MAX_LINKS_PER_CALL a call. A failed call leaves its links unknown (the next render asks again).
 */
export function resolvePhotoLinks(links: readonly string[]): Promise<void> {
  const now = Date.now()
  const pending: Promise<void>[] = []
  for (const link of new Set(links)) {
    if (cachedPhotoUrl(link, now) !== undefined) continue
    const going = inFlight.get(link)
    if (going) {
      pending.push(going)
      continue
    }
    waiting.push(link)
    flush ??= new Promise<void>((resolve) => setTimeout(resolve, 0)).then(sendWaiting)
    const mine = flush
    inFlight.set(link, mine)
    pending.push(mine)
  }
  return Promise.all(pending).then(() => undefined)
}

async function sendWaiting(): Promise<void> {
  const batch = waiting
  waiting = []
  flush = null
  // links change as views are fetched again: what has expired is dropped, so the cache stays a screen's size
  const now = Date.now()
  for (const [link, c] of cache) if (c.until <= now) cache.delete(link)
  try {
    for (let i = 0; i < batch.length; i += MAX_LINKS_PER_CALL) {
      const chunk = batch.slice(i, i + MAX_LINKS_PER_CALL)
      try {
        const { items } = await callApi('file.links', { links: chunk })
        const at = Date.now()
        chunk.forEach((link, j) => {
          const item = items[j]
          if (!item) return
          const expires = item.expiresAt ? Date.parse(item.expiresAt) : NaN
          cache.set(link, item.url && Number.isFinite(expires) ? { url: item.url, until: expires - RENEW_BEFORE_MS } : { url: null, until: at + REFUSED_FOR_MS })
        })
      } catch {
        // the network or the function failed: these stay unknown, the screen asks again
      }
    }
  } finally {
    for (const link of batch) inFlight.delete(link)
  }
}

/** Tests: forget every cached URL. */
export function forgetPhotoUrls(): void {
  cache.clear()
}
