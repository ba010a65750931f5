import type { CoordSystem } from '@/domain/shared/geo'
import { SEAT_STATUSES, type ShiftStatus, type SignupStatus } from '@/domain/patrols'
import type { ShiftRecord, SignupRecord } from '../../patrols/ports'
import type { Db } from './open'
import { sqlList } from '../rows/sql'

/** Rows of the patrol tables and the reads shared by the shift store's writes and reads. */

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
  auto_checkout: number
  hours_tenths: number | null
}

export const SEATED = sqlList(SEAT_STATUSES)

/** A shift with its seat and waitlist counts. */
export const SHIFT_SELECT = `
  SELECT s.*,
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
    autoCheckout: r.auto_checkout === 1,
    hours: r.hours_tenths === null ? null : r.hours_tenths / 10,
  }
}

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
