import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FileUrls } from './ports'
import type { Clock } from '../shared/ports'

/** Photo addresses live this long; a view fetched later gets fresh ones. */
export const FILE_URL_TTL_MS = 60 * 60 * 1000

/** The scope of an upload no report holds (its uploader's, until a report takes it). */
export const UNATTACHED = 'unattached'

/**
 * HMAC-SHA256 over (fileId, expiry, scope) with the server's secret (a separate key derived from it), so a URL
 * cannot be forged for another file or stretched in time, and stops serving when the photo's scope (its
 * report's audience, checked at read) changes. Expiry is rounded up to the next 10 minutes, so the same photo
 * keeps one URL for a while and the client's image cache works.
 */
export function createFileUrls(secret: string, clock: Clock): FileUrls {
  const key = createHmac('sha256', secret).update('gongzhi-file-urls').digest()
  const mac = (fileId: string, expires: string, scope: string) =>
    createHmac('sha256', key).update(`${fileId}.${expires}.${scope}`).digest('base64url')
  const step = 10 * 60 * 1000
  return {
    sign(fileId, scope = UNATTACHED) {
      const expires = String(Math.ceil((clock.now().getTime() + FILE_URL_TTL_MS) / step) * step / 1000)
      return `/files/${encodeURIComponent(fileId)}?e=${expires}&s=${mac(fileId, expires, scope)}`
    },
    verify(fileId, expires, signature, scope = UNATTACHED) {
      if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < clock.now().getTime()) return false
      const want = Buffer.from(mac(fileId, expires, scope))
      const got = Buffer.from(signature)
      return want.length === got.length && timingSafeEqual(want, got)
    },
  }
}
