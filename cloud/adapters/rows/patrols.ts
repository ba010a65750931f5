import type { CoordSystem } from '@/domain/shared/geo'
import { SEAT_STATUSES, type ShiftStatus, type SignupStatus } from '@/domain/patrols'
import type { ShiftRecord, SignupRecord } from '../../patrols/ports'
import { sqlList } from './sql'

/**
 * The patrol tables' rows, their SELECTs and mappers, the same on both engines (each adapter's patrolRows.ts runs
 * them with its own placeholders). The SELECT lists the shift's columns (settled_at is not part of the record).
 */

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
  /** 0/1 on SQLite, boolean on PostgreSQL */
  auto_checkout: number | boolean
  hours_tenths: number | null
}

/** The domain's seat statuses as an SQL list. */
export const SEATED = sqlList(SEAT_STATUSES)

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
    autoCheckout: r.auto_checkout === true || r.auto_checkout === 1,
    hours: r.hours_tenths === null ? null : r.hours_tenths / 10,
  }
}
