import type { ShiftRecord, SignupRecord } from '../../patrols/ports'
import { SHIFT_SELECT, SIGNUP_SELECT, toShift, toSignup, type ShiftRow, type SignupRow } from '../rows/patrols'
import type { Db } from './open'

/** The reads shared by the shift store's writes and reads (rows and mappers: ../rows/patrols.ts). */

export function shiftReads(db: Db) {
  const shift = db.prepare<[string], ShiftRow>(`${SHIFT_SELECT} WHERE s.id = ?`)
  const active = db.prepare<[string, string], SignupRow>(`${SIGNUP_SELECT} WHERE su.shift_id = ? AND su.user_id = ? AND su.status <> 'withdrawn'`)
  return {
    shift(id: string): ShiftRecord | null {
      const r = shift.get(id)
      return r ? toShift(r) : null
    },
    activeSignup(shiftId: string, userId: string): SignupRecord | null {
      const r = active.get(shiftId, userId)
      return r ? toSignup(r) : null
    },
  }
}

/** For the shift reminders, read in the send transaction: confirmed volunteers of a scheduled shift not started at `at`. */
export function confirmedOf(db: Db): (shiftId: string, at: string) => string[] {
  const q = db.prepare<[string, string], { user_id: string }>(`
    SELECT su.user_id FROM shift_signups su JOIN shifts s ON s.id = su.shift_id
    WHERE su.shift_id = ? AND su.status = 'confirmed' AND s.status = 'scheduled' AND s.start_at > ?
    ORDER BY su.seq`)
  return (shiftId, at) => q.all(shiftId, at).map((r) => r.user_id)
}
