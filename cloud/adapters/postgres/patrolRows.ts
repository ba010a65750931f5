import type { ShiftRecord, SignupRecord } from '../../patrols/ports'
import { SHIFT_SELECT, SIGNUP_SELECT, toShift, toSignup, type ShiftRow, type SignupRow } from '../rows/patrols'
import { row, type Queryable } from './tx'

/** The reads shared by the shift store's writes and reads on PostgreSQL (rows and mappers: ../rows/patrols.ts). */

export async function readShift(db: Queryable, id: string): Promise<ShiftRecord | null> {
  const r = await row<ShiftRow>(db, `${SHIFT_SELECT} WHERE s.id = $1`, [id])
  return r ? toShift(r) : null
}

/** The user's signup on the shift that is not withdrawn (at most one: the partial unique index shift_signups_once). */
export async function readActiveSignup(db: Queryable, shiftId: string, userId: string): Promise<SignupRecord | null> {
  const r = await row<SignupRow>(db, `${SIGNUP_SELECT} WHERE su.shift_id = $1 AND su.user_id = $2 AND su.status <> 'withdrawn'`, [shiftId, userId])
  return r ? toSignup(r) : null
}
