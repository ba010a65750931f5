import { createHmac, timingSafeEqual } from 'node:crypto'
import { EXPORT_URL_TTL_MS } from '@/domain/ledger'
import type { Clock } from '../shared/ports'
import type { ExportUrls } from './ports'

/**
 * Export addresses, as photo addresses (cloud/files/fileUrls.ts) with a key of their own: HMAC-SHA256 over (export id,
 * expiry, exporter) with a key derived from the server's secret, so an address cannot be forged for another file,
 * stretched in time, or used for someone else's file. They live EXPORT_URL_TTL_MS.
 */
export function createExportUrls(secret: string, clock: Clock): ExportUrls {
  const key = createHmac('sha256', secret).update('gongzhi-export-urls').digest()
  const mac = (id: string, expires: string, ownerId: string) => createHmac('sha256', key).update(`${id}.${expires}.${ownerId}`).digest('base64url')
  return {
    sign(id, ownerId) {
      const expires = String(Math.ceil((clock.now().getTime() + EXPORT_URL_TTL_MS) / 1000))
      return `/exports/${encodeURIComponent(id)}?e=${expires}&s=${mac(id, expires, ownerId)}`
    },
    verify(id, expires, signature, ownerId) {
      if (typeof expires !== 'string' || typeof signature !== 'string') return false
      if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < clock.now().getTime()) return false
      const want = Buffer.from(mac(id, expires, ownerId))
      const got = Buffer.from(signature)
      return want.length === got.length && timingSafeEqual(want, got)
    },
  }
}
