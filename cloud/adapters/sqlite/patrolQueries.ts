import { MAX_SHIFT_MS } from '@/domain/patrols/rules'
import type { BoardRow, ShiftLogRecord, ShiftRepo, VolunteerTotals } from '../../patrols/ports'
import type { Db } from './open'
import { SHIFT_SELECT, SIGNUP_SELECT, toShift, toSignup, type ShiftRow, type SignupRow } from '../rows/patrols'
import type { shiftReads } from './patrolRows'

type Reads = ReturnType<typeof shiftReads>

/** The patrol store's reads: lists, rosters, patrol notes, a volunteer's totals and the community's monthly board. */
export function shiftQueries(db: Db, reads: Reads): Pick<ShiftRepo, 'get' | 'list' | 'signupsOf' | 'roster' | 'logs' | 'startingBetween' | 'totals' | 'board'> {
  // a shift ending at or after `from` started at most MAX_SHIFT_MS before it: a range on (community, start)
  const listWhere = `s.community_id = @communityId AND s.start_at >= @fromStart AND s.end_at >= @from AND (@to IS NULL OR s.start_at < @to)
      AND (@mine IS NULL OR EXISTS (
        SELECT 1 FROM shift_signups m WHERE m.shift_id = s.id AND m.user_id = @mine AND m.status <> 'withdrawn'))`
  const list = {
    asc: db.prepare<Record<string, unknown>, ShiftRow>(`${SHIFT_SELECT} WHERE ${listWhere}
      AND (@afterStart IS NULL OR s.start_at > @afterStart OR (s.start_at = @afterStart AND s.seq > @afterSeq))
      ORDER BY s.start_at, s.seq LIMIT @limit`),
    desc: db.prepare<Record<string, unknown>, ShiftRow>(`${SHIFT_SELECT} WHERE ${listWhere}
      AND (@afterStart IS NULL OR s.start_at < @afterStart OR (s.start_at = @afterStart AND s.seq < @afterSeq))
      ORDER BY s.start_at DESC, s.seq DESC LIMIT @limit`),
  }
  const roster = db.prepare<[string], SignupRow>(`${SIGNUP_SELECT}
    WHERE su.shift_id = ? AND su.status <> 'withdrawn'
    ORDER BY su.status = 'waitlisted', su.seq`)
  const logs = db.prepare<Record<string, unknown>, { id: string; shift_id: string; user_id: string; user_name: string; note: string; report_id: string | null; at: string }>(`
    SELECT l.id, l.shift_id, l.user_id, u.name AS user_name, l.note, l.report_id, l.at
    FROM shift_logs l JOIN users u ON u.id = l.user_id
    WHERE l.shift_id = @shiftId AND (@userId IS NULL OR l.user_id = @userId)
    ORDER BY l.at DESC, l.seq DESC`)
  const starting = db.prepare<[string, string], ShiftRow>(`${SHIFT_SELECT}
    WHERE s.status = 'scheduled' AND s.start_at > ? AND s.start_at <= ? ORDER BY s.start_at, s.seq`)
  // "closed" attendances: checked out (by hand or at the end); the month is the shift's start month
  const totals = db.prepare<Record<string, unknown>, { month: number | null; total: number | null; done: number; noshows: number }>(`
    SELECT
      sum(CASE WHEN su.status = 'checkedOut' AND s.start_at >= @from AND s.start_at < @to THEN su.hours_tenths END) AS month,
      sum(CASE WHEN su.status = 'checkedOut' THEN su.hours_tenths END) AS total,
      count(CASE WHEN su.status = 'checkedOut' THEN 1 END) AS done,
      count(CASE WHEN su.status = 'noShow' THEN 1 END) AS noshows
    FROM shift_signups su JOIN shifts s ON s.id = su.shift_id
    WHERE su.user_id = @user AND su.status IN ('checkedOut', 'noShow')`)
  const board = db.prepare<Record<string, unknown>, { user_id: string; name: string; tenths: number; shifts: number }>(`
    SELECT su.user_id, u.name, sum(su.hours_tenths) AS tenths, count(*) AS shifts
    FROM shifts s JOIN shift_signups su ON su.shift_id = s.id AND su.status = 'checkedOut'
      JOIN users u ON u.id = su.user_id
    WHERE s.community_id = @communityId AND s.start_at >= @from AND s.start_at < @to
    GROUP BY su.user_id
    ORDER BY tenths DESC, shifts DESC, su.user_id`)

  return {
    async get(id) {
      return reads.shift(id)
    },
    async list(q) {
      return list[q.order]
        .all({
          communityId: q.communityId,
          from: q.from,
          fromStart: new Date(Date.parse(q.from) - MAX_SHIFT_MS).toISOString(),
          to: q.to,
          mine: q.mineOf,
          afterStart: q.after?.startAt ?? null,
          afterSeq: q.after?.seq ?? null,
          limit: q.limit,
        })
        .map(toShift)
    },
    async signupsOf(userId, shiftIds) {
      if (shiftIds.length === 0) return []
      const marks = shiftIds.map(() => '?').join(', ')
      const rows = db
        .prepare<unknown[], SignupRow>(`${SIGNUP_SELECT} WHERE su.user_id = ? AND su.status <> 'withdrawn' AND su.shift_id IN (${marks})`)
        .all(userId, ...shiftIds)
      return rows.map(toSignup)
    },
    async roster(shiftId) {
      return roster.all(shiftId).map(toSignup)
    },
    async logs(shiftId, userId): Promise<ShiftLogRecord[]> {
      return logs
        .all({ shiftId, userId })
        .map((r) => ({ id: r.id, shiftId: r.shift_id, userId: r.user_id, userName: r.user_name, note: r.note, reportId: r.report_id, at: r.at }))
    },
    async startingBetween(from, to) {
      return starting.all(from, to).map(toShift)
    },
    async totals(userId, month): Promise<VolunteerTotals> {
      const r = totals.get({ user: userId, from: month.from, to: month.to })!
      return { hoursThisMonth: (r.month ?? 0) / 10, hoursTotal: (r.total ?? 0) / 10, shiftsDone: r.done, noShows: r.noshows }
    },
    async board(communityId, month): Promise<BoardRow[]> {
      return board
        .all({ communityId, from: month.from, to: month.to })
        .map((r) => ({ userId: r.user_id, name: r.name, hours: r.tenths / 10, shifts: r.shifts }))
    },
  }
}
