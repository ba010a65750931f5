import type { IdempotencyKey } from '../../shared/ports'
import { row, type Queryable } from './tx'

export type IdemClaim<R> = { kind: 'claimed' } | { kind: 'replayed'; result: R } | { kind: 'keyReused' }

/**
 * Claims (user, action, requestId) INSIDE the caller's transaction, before its write: INSERT … ON CONFLICT DO
 * NOTHING on the primary key, with the result the write will have. Under READ COMMITTED a concurrent claim of the
 * same key waits on the first one's uncommitted row: when that commits, this one inserts nothing and reads the
 * committed row (a new statement, a new snapshot) — a replay of the first result, or keyReused when the input's
 * fingerprint differs; when it rolls back, this one claims the key. So a retried create is one record however the
 * retries interleave. `claimed` (or no key): the caller writes; otherwise it writes nothing.
 */
export async function claimKey<R>(db: Queryable, key: IdempotencyKey | null, result: R, at: string): Promise<IdemClaim<R>> {
  if (!key) return { kind: 'claimed' }
  const inserted = await row(
    db,
    `INSERT INTO idempotency (user_id, action, request_id, fingerprint, result, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id, action, request_id) DO NOTHING RETURNING 1`,
    [key.userId, key.action, key.requestId, key.fingerprint, JSON.stringify(result), at],
  )
  if (inserted) return { kind: 'claimed' }
  const prior = await row<{ fingerprint: string; result: string }>(
    db,
    'SELECT fingerprint, result FROM idempotency WHERE user_id = $1 AND action = $2 AND request_id = $3',
    [key.userId, key.action, key.requestId],
  )
  if (!prior) throw new Error(`idempotency key ${key.action}/${key.requestId}: neither inserted nor found`)
  if (prior.fingerprint !== key.fingerprint) return { kind: 'keyReused' }
  return { kind: 'replayed', result: JSON.parse(prior.result) as R }
}
