import type { MotionStatus } from '@/domain/motions'
import type { TallyBase } from '@/domain/motions/tally'
import type { NewMessage } from '../../messages/ports'
import type { MotionMessages, MotionRecord } from '../../motions/ports'
import { writeMessage } from './messages'
import { freezeAdults, relayBallots, resultOf } from './motionBallots'
import { toRecord } from '../rows/motions'
import { loadMotion, RECIPIENTS } from './motionRows'
import { adoptRules } from './motionRules'
import { row, rows, type Queryable } from './tx'

/** The phase machine's step on PostgreSQL, inside the caller's transaction (advance, settle: ./motions.ts). */

export const NEXT = { draft: 'consultation', consultation: 'voting', voting: 'closed', closed: null } as const

export async function load(db: Queryable, id: string, lock: '' | 'FOR NO KEY UPDATE' = ''): Promise<MotionRecord | null> {
  const r = await loadMotion(db, id, lock)
  return r ? toRecord(r) : null
}

export async function rosterBase(db: Queryable, communityId: string): Promise<TallyBase> {
  return (
    (await row<TallyBase>(
      db,
      `SELECT coalesce(sum(coalesce(h.adults, 0)), 0)::integer AS adults, count(*)::integer AS households
       FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = $1`,
      [communityId],
    )) ?? { adults: 0, households: 0 }
  )
}

/**
 * One step of the machine inside the caller's transaction, the motion's row locked; null when the conditional
 * UPDATE lost. Closing computes the figures under that lock (every counted cast has committed, no later one can
 * write) and stores them with the status: the tally is frozen with the close.
 */
export async function step(
  db: Queryable,
  m: MotionRecord,
  to: MotionStatus,
  at: string,
  compose: MotionMessages,
): Promise<{ motion: MotionRecord; messages: NewMessage[] } | null> {
  let changed = false
  if (to === 'consultation') {
    changed = !!(await row(db, `UPDATE motions SET status = 'consultation', consulted_at = $1, updated_at = $1 WHERE id = $2 AND status = 'draft' RETURNING 1`, [at, m.id]))
  } else if (to === 'voting') {
    const base = await rosterBase(db, m.communityId)
    changed = !!(await row(
      db,
      `UPDATE motions SET status = 'voting', opened_at = $1, updated_at = $1, base_adults = $2, base_households = $3
       WHERE id = $4 AND status = 'consultation' AND risk_gate <> 'pending' RETURNING 1`,
      [at, base.adults, base.households, m.id],
    ))
    if (changed && m.eligibility === 'adults') await freezeAdults(db, m.id, m.communityId)
  } else if (to === 'closed') {
    const result = await resultOf(db, m)
    changed = !!(await row(
      db,
      `UPDATE motions SET status = 'closed', closed_at = $1, updated_at = $1, result = $2 WHERE id = $3 AND status = 'voting' RETURNING 1`,
      [at, JSON.stringify(result), m.id],
    ))
    if (changed) await relayBallots(db, m.id)
    if (changed && m.kind === 'rules' && result.passed) await adoptRules(db, m, at)
  }
  if (!changed) return null
  const motion = await load(db, m.id)
  if (!motion) throw new Error(`motion ${m.id} not found after its step`)
  const recipients = await rows<{ id: string }>(db, `SELECT u.id ${RECIPIENTS} WHERE m.id = $1 ORDER BY u.id COLLATE "C"`, [m.id])
  const messages = compose(motion, to, recipients.map((r) => r.id))
  for (const msg of messages) await writeMessage(db, msg)
  return { motion, messages }
}
