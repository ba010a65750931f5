import type { CalloutAnswer, CalloutKind, CalloutStatus } from '@/domain/callouts'
import type { Attendance, CalloutRecord, CalloutTaskRecord, RecipientRecord } from '../../callouts/ports'

/** Call-outs' rows and the SQL both engines share (`?` placeholders; PostgreSQL numbers them). */

export interface CalloutRow {
  seq: number | string
  id: string
  community_id: string
  title: string
  kind: CalloutKind
  description: string
  place: string
  latitude: number
  longitude: number
  radius: number
  start_at: string
  end_at: string
  status: CalloutStatus
  closed_at: string | null
  close_reason: string | null
  to_volunteers: number
  to_residents: number
  grid_ids: string
  recipients: number
  yes: number | string
  no: number | string
  created_by: string
  created_at: string
  rank?: number | string
}

export interface TaskRow {
  callout_id: string
  id: string
  name: string
  capacity: number
  taken: number
  checked_in: number | string
}

export interface RecipientRow {
  callout_id: string
  user_id: string
  answer: CalloutAnswer | null
  task_id: string | null
  answered_at: string | null
  checkin_at: string | null
  checkin_distance: number | null
}

export const CALLOUT_COLUMNS = `c.seq, c.id, c.community_id, c.title, c.kind, c.description, c.place, c.latitude, c.longitude, c.radius,
  c.start_at, c.end_at, c.status, c.closed_at, c.close_reason, c.to_volunteers, c.to_residents, c.grid_ids, c.recipients,
  c.created_by, c.created_at,
  (SELECT count(*) FROM callout_recipients a WHERE a.callout_id = c.id AND a.answer = 'yes') AS yes,
  (SELECT count(*) FROM callout_recipients a WHERE a.callout_id = c.id AND a.answer = 'no') AS no`

export const CALLOUT_BY_ID = `SELECT ${CALLOUT_COLUMNS} FROM callouts c WHERE c.id = ?`

/** The tasks of the call-outs listed (IN list built by the caller), with their checked-in counts. */
export function tasksSql(n: number): string {
  return `SELECT t.callout_id, t.id, t.name, t.capacity, t.taken,
    (SELECT count(*) FROM callout_recipients r WHERE r.task_id = t.id AND r.checkin_at IS NOT NULL) AS checked_in
    FROM callout_tasks t WHERE t.callout_id IN (${Array.from({ length: n }, () => '?').join(', ')}) ORDER BY t.callout_id, t.position`
}

export const RECIPIENT = `SELECT callout_id, user_id, answer, task_id, answered_at, checkin_at, checkin_distance
  FROM callout_recipients WHERE callout_id = ? AND user_id = ?`

export const UNANSWERED = `SELECT r.user_id, u.name FROM callout_recipients r JOIN users u ON u.id = r.user_id
  WHERE r.callout_id = ? AND r.answer IS NULL ORDER BY r.user_id LIMIT ?`

export const SIGNED_UP = `SELECT user_id FROM callout_recipients WHERE callout_id = ? AND answer = 'yes' ORDER BY user_id`

export const ATTENDANCE = `SELECT c.id, c.title, c.start_at, c.end_at, c.status, r.checkin_at
  FROM callout_recipients r JOIN callouts c ON c.id = r.callout_id
  WHERE r.user_id = ? AND r.checkin_at IS NOT NULL ORDER BY c.start_at, c.seq`

/** An active patrol signup of the user overlapping [start, end): the double booking 能来 refuses. */
export const OVERLAPPING_SHIFT = `SELECT s.id, s.title, s.start_at FROM shift_signups su JOIN shifts s ON s.id = su.shift_id
  WHERE su.user_id = ? AND su.status <> 'withdrawn' AND s.status = 'scheduled' AND s.start_at < ? AND s.end_at > ?
  ORDER BY s.start_at LIMIT 1`

/** An open call-out the user answered 能来 overlapping [start, end): the double booking a patrol signup refuses. */
export const OVERLAPPING_CALLOUT = `SELECT c.id, c.title, c.start_at FROM callout_recipients r JOIN callouts c ON c.id = r.callout_id
  WHERE r.user_id = ? AND r.answer = 'yes' AND c.status = 'open' AND c.start_at < ? AND c.end_at > ?
  ORDER BY c.start_at LIMIT 1`

/**
 * A page of call-outs: open ones (rank 0: not closed, end after now) first, then the rest; latest start first.
 * Parameters: now, the community or the recipient, [rank, rank, startAt, startAt, seq when `after`], limit.
 */
export function listSql(by: 'community' | 'recipient', after: boolean): string {
  const from =
    by === 'community'
      ? 'FROM callouts c WHERE c.community_id = ?'
      : 'FROM callouts c JOIN callout_recipients m ON m.callout_id = c.id WHERE m.user_id = ?'
  return `SELECT * FROM (SELECT ${CALLOUT_COLUMNS}, CASE WHEN c.status = 'open' AND c.end_at > ? THEN 0 ELSE 1 END AS rank ${from}) x
    ${after ? 'WHERE x.rank > ? OR (x.rank = ? AND (x.start_at < ? OR (x.start_at = ? AND x.seq < ?)))' : ''}
    ORDER BY x.rank, x.start_at DESC, x.seq DESC LIMIT ?`
}

export function taskRecord(r: TaskRow): CalloutTaskRecord {
  return { id: r.id, name: r.name, capacity: r.capacity, taken: r.taken, checkedIn: Number(r.checked_in) }
}

export function calloutRecord(r: CalloutRow, tasks: TaskRow[]): CalloutRecord {
  return {
    seq: Number(r.seq),
    id: r.id,
    communityId: r.community_id,
    title: r.title,
    kind: r.kind,
    description: r.description,
    place: r.place,
    latitude: r.latitude,
    longitude: r.longitude,
    radius: r.radius,
    startAt: r.start_at,
    endAt: r.end_at,
    status: r.status,
    closedAt: r.closed_at,
    closeReason: r.close_reason,
    toVolunteers: r.to_volunteers === 1,
    toResidents: r.to_residents === 1,
    gridIds: JSON.parse(r.grid_ids) as string[],
    recipients: r.recipients,
    answeredYes: Number(r.yes),
    answeredNo: Number(r.no),
    tasks: tasks.filter((t) => t.callout_id === r.id).map(taskRecord),
    createdBy: r.created_by,
    createdAt: r.created_at,
  }
}

export function recipientRecord(r: RecipientRow): RecipientRecord {
  return {
    calloutId: r.callout_id,
    userId: r.user_id,
    answer: r.answer,
    taskId: r.task_id,
    answeredAt: r.answered_at,
    checkinAt: r.checkin_at,
    checkinDistance: r.checkin_distance,
  }
}

export function attendanceRecord(r: { id: string; title: string; start_at: string; end_at: string; status: CalloutStatus; checkin_at: string }): Attendance {
  return { calloutId: r.id, title: r.title, startAt: r.start_at, endAt: r.end_at, status: r.status, checkinAt: r.checkin_at }
}

/** Which answer step applies, decided inside the transaction from the rows it locked. */
export type AnswerStep =
  | { kind: 'refuse'; outcome: 'notAddressed' | 'closed' | 'ended' | 'checkedIn' }
  | { kind: 'go' }

export function answerGate(c: { status: CalloutStatus; end_at: string } | null, r: RecipientRow | null, at: string): AnswerStep {
  if (!c || !r) return { kind: 'refuse', outcome: 'notAddressed' }
  if (c.status === 'closed') return { kind: 'refuse', outcome: 'closed' }
  if (at >= c.end_at) return { kind: 'refuse', outcome: 'ended' }
  if (r.checkin_at) return { kind: 'refuse', outcome: 'checkedIn' }
  return { kind: 'go' }
}

/** The 报到 verdict before the write, from the rows read in the transaction. */
export function checkinGate(
  c: { status: CalloutStatus; start_at: string; end_at: string } | null,
  r: RecipientRow | null,
  window: 'early' | 'open' | 'ended',
  inside: boolean,
): 'notAddressed' | 'already' | 'notComing' | 'closed' | 'early' | 'ended' | 'outside' | 'go' {
  if (!c || !r) return 'notAddressed'
  if (r.checkin_at) return 'already'
  if (r.answer !== 'yes') return 'notComing'
  if (c.status === 'closed') return 'closed'
  if (window !== 'open') return window
  if (!inside) return 'outside'
  return 'go'
}
