import type { Pool } from 'pg'
import { MAX_SHIFT_MS } from '@/domain/patrols/rules'
import type { BoardRow, ShiftLogRecord, ShiftRepo, VolunteerTotals } from '../../patrols/ports'
import { SHIFT_SELECT, SIGNUP_SELECT, toShift, toSignup, type ShiftRow, type SignupRow } from '../rows/patrols'
import { readShift } from './patrolRows'
import { row, rows } from './tx'

/** The patrol store's reads on PostgreSQL, the same queries as ../sqlite/patrolQueries.ts in the same order. */
export function shiftQueries(pool: Pool): Pick<ShiftRepo, 'get' | 'list' | 'signupsOf' | 'roster' | 'logs' | 'startingBetween' | 'totals' | 'board'> {
  // a shift ending at or after `from` started at most MAX_SHIFT_MS before it: a range on (community, start)
  // $1 community, $2 fromStart, $3 from, $4 to, $5 mine, $6 afterStart, $7 afterSeq, $8 limit
  const listWhere = `s.community_id = $1::text AND s.start_at >= $2::timestamptz AND s.end_at >= $3::timestamptz
      AND ($4::timestamptz IS NULL OR s.start_at < $4::timestamptz)
      AND ($5::text IS NULL OR EXISTS (
        SELECT 1 FROM shift_signups m WHERE m.shift_id = s.id AND m.user_id = $5::text AND m.status <> 'withdrawn'))`
  const list = {
    asc: `${SHIFT_SELECT} WHERE ${listWhere}
      AND ($6::timestamptz IS NULL OR s.start_at > $6::timestamptz OR (s.start_at = $6::timestamptz AND s.seq > $7::bigint))
      ORDER BY s.start_at, s.seq LIMIT $8`,
    desc: `${SHIFT_SELECT} WHERE ${listWhere}
      AND ($6::timestamptz IS NULL OR s.start_at < $6::timestamptz OR (s.start_at = $6::timestamptz AND s.seq < $7::bigint))
      ORDER BY s.start_at DESC, s.seq DESC LIMIT $8`,
  }

  return {
    get: (id) => readShift(pool, id),

    async list(q) {
      const found = await rows<ShiftRow>(pool, list[q.order], [
        q.communityId,
        new Date(Date.parse(q.from) - MAX_SHIFT_MS).toISOString(),
        q.from,
        q.to,
        q.mineOf,
        q.after?.startAt ?? null,
        q.after?.seq ?? null,
        q.limit,
      ])
      return found.map(toShift)
    },

    async signupsOf(userId, shiftIds) {
      if (shiftIds.length === 0) return []
      const found = await rows<SignupRow>(
        pool,
        `${SIGNUP_SELECT} WHERE su.user_id = $1 AND su.status <> 'withdrawn' AND su.shift_id = ANY($2::text[]) ORDER BY su.seq`,
        [userId, shiftIds],
      )
      return found.map(toSignup)
    },

    async roster(shiftId) {
      const found = await rows<SignupRow>(
        pool,
        `${SIGNUP_SELECT} WHERE su.shift_id = $1 AND su.status <> 'withdrawn' ORDER BY su.status = 'waitlisted', su.seq`,
        [shiftId],
      )
      return found.map(toSignup)
    },

    async logs(shiftId, userId): Promise<ShiftLogRecord[]> {
      const found = await rows<{ id: string; shift_id: string; user_id: string; user_name: string; note: string; report_id: string | null; at: string }>(
        pool,
        `SELECT l.id, l.shift_id, l.user_id, u.name AS user_name, l.note, l.report_id, l.at
         FROM shift_logs l JOIN users u ON u.id = l.user_id
         WHERE l.shift_id = $1 AND ($2::text IS NULL OR l.user_id = $2::text)
         ORDER BY l.at DESC, l.seq DESC`,
        [shiftId, userId],
      )
      return found.map((r) => ({ id: r.id, shiftId: r.shift_id, userId: r.user_id, userName: r.user_name, note: r.note, reportId: r.report_id, at: r.at }))
    },

    async startingBetween(from, to) {
      const found = await rows<ShiftRow>(
        pool,
        `${SHIFT_SELECT} WHERE s.status = 'scheduled' AND s.start_at > $1::timestamptz AND s.start_at <= $2::timestamptz ORDER BY s.start_at, s.seq`,
        [from, to],
      )
      return found.map(toShift)
    },

    // "closed" attendances: checked out (by hand or at the end); the month is the shift's start month
    async totals(userId, month): Promise<VolunteerTotals> {
      const r = await row<{ month: number | null; total: number | null; done: number; noshows: number }>(
        pool,
        `SELECT
           sum(CASE WHEN su.status = 'checkedOut' AND s.start_at >= $2::timestamptz AND s.start_at < $3::timestamptz THEN su.hours_tenths END) AS month,
           sum(CASE WHEN su.status = 'checkedOut' THEN su.hours_tenths END) AS total,
           count(CASE WHEN su.status = 'checkedOut' THEN 1 END) AS done,
           count(CASE WHEN su.status = 'noShow' THEN 1 END) AS noshows
         FROM shift_signups su JOIN shifts s ON s.id = su.shift_id
         WHERE su.user_id = $1 AND su.status IN ('checkedOut', 'noShow')`,
        [userId, month.from, month.to],
      )
      return {
        hoursThisMonth: (r?.month ?? 0) / 10,
        hoursTotal: (r?.total ?? 0) / 10,
        shiftsDone: r?.done ?? 0,
        noShows: r?.noshows ?? 0,
      }
    },

    async board(communityId, month): Promise<BoardRow[]> {
      const found = await rows<{ user_id: string; name: string; tenths: number; shifts: number }>(
        pool,
        `SELECT su.user_id, u.name, sum(su.hours_tenths) AS tenths, count(*) AS shifts
         FROM shifts s JOIN shift_signups su ON su.shift_id = s.id AND su.status = 'checkedOut'
           JOIN users u ON u.id = su.user_id
         WHERE s.community_id = $1 AND s.start_at >= $2::timestamptz AND s.start_at < $3::timestamptz
         GROUP BY su.user_id, u.name
         ORDER BY tenths DESC, shifts DESC, su.user_id COLLATE "C"`,
        [communityId, month.from, month.to],
      )
      return found.map((r) => ({ userId: r.user_id, name: r.name, hours: r.tenths / 10, shifts: r.shifts }))
    },
  }
}
