import type { CoordSystem } from '@/domain/shared/geo'
import { SEAT_STATUSES, type ShiftStatus, type SignupStatus } from '@/domain/patrols'
import type { ShiftRecord, SignupRecord } from '../../patrols/ports'
import { row, type Queryable } from './tx'

/** Rows of the patrol tables on PostgreSQL and the reads shared by the shift store's writes and reads (as ../sqlite/patrolRows.ts). */

export interface ShiftRow {
  seq: number
  id: string
  community_id: string
  series_id: string | null
  title: string
  latitude: number
  longitude: number
  radius: number
  meeting_point: string | null
  note: string | null
  start_at: string
  end_at: string
  capacity: number
  status: ShiftStatus
  cancel_reason: string | null
  cancelled_at: string | null
  created_by: string
  created_at: string
  seated: number
  waitlisted: number
}

export interface SignupRow {
  seq: number
  id: string
  shift_id: string
  user_id: string
  user_name: string
  status: SignupStatus
  position: number | null
  signed_up_at: string
  confirmed_at: string | null
  checkin_at: string | null
  checkin_coord: CoordSystem | null
  checkin_lat: number | null
  checkin_lng: number | null
  checkin_distance: number | null
  checkout_at: string | null
  auto_checkout: boolean
  hours_tenths: number | null
}

/** The domain's seat statuses as an SQL list (names from code, never input). */
export const SEATED = `(${SEAT_STATUSES.map((s) => {
  if (!/^[A-Za-z_]+$/.test(s)) throw new Error(`not a state name: ${s}`)
  return `'${s}'`
}).join(', ')})`

/** A shift with its seat and waitlist counts (the columns listed: settled_at is not part of the record). */
export const SHIFT_SELECT = `
  SELECT s.seq, s.id, s.community_id, s.series_id, s.title, s.latitude, s.longitude, s.radius, s.meeting_point, s.note,
    s.start_at, s.end_at, s.capacity, s.status, s.cancel_reason, s.cancelled_at, s.created_by, s.created_at,
    (SELECT count(*) FROM shift_signups x WHERE x.shift_id = s.id AND x.status IN ${SEATED}) AS seated,
    (SELECT count(*) FROM shift_signups x WHERE x.shift_id = s.id AND x.status = 'waitlisted') AS waitlisted
  FROM shifts s`

/** A signup with the volunteer's name and, while waitlisted, its rank by arrival. */
export const SIGNUP_SELECT = `
  SELECT su.seq, su.id, su.shift_id, su.user_id, u.name AS user_name, su.status, su.signed_up_at, su.confirmed_at,
    su.checkin_at, su.checkin_coord, su.checkin_lat, su.checkin_lng, su.checkin_distance, su.checkout_at, su.auto_checkout, su.hours_tenths,
    CASE WHEN su.status = 'waitlisted' THEN
      (SELECT count(*) FROM shift_signups w WHERE w.shift_id = su.shift_id AND w.status = 'waitlisted' AND w.seq <= su.seq)
    END AS position
  FROM shift_signups su JOIN users u ON u.id = su.user_id`

export function toShift(r: ShiftRow): ShiftRecord {
  return {
    seq: r.seq,
    id: r.id,
    communityId: r.community_id,
    seriesId: r.series_id,
    title: r.title,
    latitude: r.latitude,
    longitude: r.longitude,
    radius: r.radius,
    meetingPoint: r.meeting_point,
    note: r.note,
    startAt: r.start_at,
    endAt: r.end_at,
    capacity: r.capacity,
    status: r.status,
    cancelReason: r.cancel_reason,
    cancelledAt: r.cancelled_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    seated: r.seated,
    waitlisted: r.waitlisted,
  }
}

export function toSignup(r: SignupRow): SignupRecord {
  return {
    seq: r.seq,
    id: r.id,
    shiftId: r.shift_id,
    userId: r.user_id,
    userName: r.user_name,
    status: r.status,
    position: r.position,
    signedUpAt: r.signed_up_at,
    confirmedAt: r.confirmed_at,
    checkinAt: r.checkin_at,
    checkinCoord: r.checkin_coord,
    checkinPosition: r.checkin_lat === null || r.checkin_lng === null ? null : { latitude: r.checkin_lat, longitude: r.checkin_lng },
    checkinDistance: r.checkin_distance,
    checkoutAt: r.checkout_at,
    autoCheckout: r.auto_checkout,
    hours: r.hours_tenths === null ? null : r.hours_tenths / 10,
  }
}

export async function readShift(db: Queryable, id: string): Promise<ShiftRecord | null> {
  const r = await row<ShiftRow>(db, `${SHIFT_SELECT} WHERE s.id = $1`, [id])
  return r ? toShift(r) : null
}

/** The user's signup on the shift that is not withdrawn (at most one: the partial unique index shift_signups_once). */
export async function readActiveSignup(db: Queryable, shiftId: string, userId: string): Promise<SignupRecord | null> {
  const r = await row<SignupRow>(db, `${SIGNUP_SELECT} WHERE su.shift_id = $1 AND su.user_id = $2 AND su.status <> 'withdrawn'`, [shiftId, userId])
  return r ? toSignup(r) : null
}
