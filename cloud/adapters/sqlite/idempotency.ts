import type { IdempotencyKey } from '../../shared/ports'
import type { Db } from './open'

export type IdemLookup<R> = { kind: 'none' } | { kind: 'replayed'; result: R } | { kind: 'keyReused' }

/**
 * The idempotency table (user, action, requestId) → fingerprint, first result; used INSIDE the caller's
 * IMMEDIATE transaction so that the check, the write and the stored result are one step (as notice.publish).
 */
export function idempotencyTable(db: Db) {
  const get = db.prepare<[string, string, string], { fingerprint: string; result: string }>(
    'SELECT fingerprint, result FROM idempotency WHERE user_id = ? AND action = ? AND request_id = ?',
  )
  const put = db.prepare(
    'INSERT INTO idempotency (user_id, action, request_id, fingerprint, result, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  return {
    lookup<R>(key: IdempotencyKey | null): IdemLookup<R> {
      if (!key) return { kind: 'none' }
      const prior = get.get(key.userId, key.action, key.requestId)
      if (!prior) return { kind: 'none' }
      if (prior.fingerprint !== key.fingerprint) return { kind: 'keyReused' }
      return { kind: 'replayed', result: JSON.parse(prior.result) as R }
    },
    store(key: IdempotencyKey | null, result: unknown, at: string): void {
      if (key) put.run(key.userId, key.action, key.requestId, key.fingerprint, JSON.stringify(result), at)
    },
  }
}
