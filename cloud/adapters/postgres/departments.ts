import type { Pool } from 'pg'
import type {
  DepartmentCounts,
  DepartmentCreateOutcome,
  DepartmentRecord,
  DepartmentRepo,
  MemberOutcome,
} from '../../departments/ports'
import { areaWhere, candidateDigits, candidatesSql, countsSql, DEPARTMENT_SELECT, departmentRecord, emptyCounts, type CandidateRow, type CountsRow, type DepartmentRow } from '../rows/departments'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { inTransactionOr, Rollback, row, rows, type Queryable } from './tx'

/** 联动's departments on PostgreSQL at READ COMMITTED, method by method as ../sqlite/departments.ts. */
export function departmentRepo(pool: Pool): DepartmentRepo {
  const load = async (db: Queryable, id: string): Promise<DepartmentRecord | null> => {
    const r = await row<DepartmentRow>(db, `${DEPARTMENT_SELECT} WHERE d.id = $1`, [id])
    return r ? departmentRecord(r, await membersOf(db, id)) : null
  }
  const membersOf = (db: Queryable, id: string) =>
    rows<{ id: string; name: string }>(
      db,
      'SELECT u.id, u.name FROM department_members m JOIN users u ON u.id = m.user_id WHERE m.department_id = $1 ORDER BY m.added_at, u.id COLLATE "C"',
      [id],
    )

  return {
    /**
     * The retry key claimed first; the row inserted ON CONFLICT DO NOTHING against the partial unique (area, name)
     * indexes: two creates of one name at once, the second waits on the first's row and inserts nothing (nameTaken,
     * rolled back with its key). The seq is a max + 1 under the same conflict guard (an equal seq is harmless: ties
     * are ordered by id).
     */
    async create(d, audit, key) {
      return inTransactionOr<DepartmentCreateOutcome, DepartmentCreateOutcome>(pool, async (c) => {
        const claim = await claimKey<{ id: string }>(c, key, { id: d.id }, d.createdAt)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') return { kind: 'replayed', department: (await load(c, claim.result.id))! }
        const made = await c.query(
          `INSERT INTO departments (id, seq, name, street_id, district_id, categories, created_by, created_at)
           VALUES ($1, (SELECT COALESCE(max(seq), 0) + 1 FROM departments), $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [d.id, d.name, d.streetId, d.districtId, JSON.stringify(d.categories), d.createdBy, d.createdAt],
        )
        if (made.rowCount !== 1) throw new Rollback({ kind: 'nameTaken' })
        await writeAudit(c, audit)
        return { kind: 'created', department: (await load(c, d.id))! }
      })
    },
    get: (id) => load(pool, id),
    async street(id) {
      const r = await row<{ id: string; district_id: string | null; city_id: string | null }>(
        pool,
        'SELECT s.id, s.district_id, d.city_id FROM streets s LEFT JOIN districts d ON d.id = s.district_id WHERE s.id = $1',
        [id],
      )
      return r ? { id: r.id, districtId: r.district_id, cityId: r.city_id } : null
    },
    async district(id) {
      const r = await row<{ id: string; city_id: string }>(pool, 'SELECT id, city_id FROM districts WHERE id = $1', [id])
      return r ? { id: r.id, cityId: r.city_id } : null
    },
    async list(area) {
      const params: unknown[] = []
      const where = areaWhere(area, (v) => {
        params.push(v)
        return `$${params.length}`
      })
      const found = await rows<DepartmentRow>(pool, `${DEPARTMENT_SELECT} WHERE ${where} ORDER BY d.seq, d.id COLLATE "C"`, params)
      return Promise.all(found.map(async (r) => departmentRecord(r, await membersOf(pool, r.id))))
    },
    async counts(ids, now) {
      const out = new Map<string, DepartmentCounts>(ids.map((id) => [id, emptyCounts()]))
      if (ids.length === 0) return out
      const found = await rows<CountsRow>(pool, countsSql('SELECT unnest($1::text[])', '$2::timestamptz'), [ids, now])
      for (const r of found) {
        out.set(r.department_id, {
          dispatched: Number(r.dispatched),
          onTime: Number(r.on_time),
          late: Number(r.late),
          returned: Number(r.returned),
          open: Number(r.open),
          overdueNow: Number(r.overdue_now),
          resolvedSpans: [],
        })
      }
      const spans = await rows<{ department_id: string; dispatched_at: string; finished_at: string }>(
        pool,
        `SELECT department_id, dispatched_at, finished_at FROM report_dispatches
         WHERE department_id = ANY($1::text[]) AND status = 'resolved' ORDER BY finished_at DESC LIMIT 1000`,
        [ids],
      )
      for (const s of spans) out.get(s.department_id)?.resolvedSpans.push({ from: s.dispatched_at, to: s.finished_at })
      return out
    },
    /**
     * The membership inserted ON CONFLICT (user_id) DO NOTHING on its primary key (one department per person): two
     * adds of one person at once, the second waits on the first's row, then inserts nothing and reads it committed.
     */
    async addMember(departmentId, userId, at, audit) {
      return inTransactionOr<MemberOutcome, MemberOutcome>(pool, async (c) => {
        await c.query(
          'INSERT INTO department_members (user_id, department_id, added_by, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO NOTHING',
          [userId, departmentId, audit.actorId, at],
        )
        const now = await row<{ department_id: string }>(c, 'SELECT department_id FROM department_members WHERE user_id = $1', [userId])
        if (now?.department_id !== departmentId) throw new Rollback({ kind: 'elsewhere' })
        await c.query("INSERT INTO user_roles (user_id, role) VALUES ($1, 'department') ON CONFLICT DO NOTHING", [userId])
        await writeAudit(c, audit)
        return { kind: 'done', department: (await load(c, departmentId))! }
      })
    },
    async candidates(area, query, limit) {
      const at = { street: '$1::text', district: '$2::text', query: '$3::text', digits: '$4::text', limit: '$5::int' }
      const found = await rows<CandidateRow>(
        pool,
        candidatesSql((n) => at[n], 'strpos', ' COLLATE "C"'),
        [area.streetId, area.districtId, query, candidateDigits(query), limit],
      )
      return found.map((r) => ({ id: r.id, name: r.name, phone: r.phone, communityName: r.community_name }))
    },
    /** One DELETE of the membership (a second remove at once finds nothing: notMember), the role and the audit entry. */
    async removeMember(departmentId, userId, audit) {
      return inTransactionOr<MemberOutcome, MemberOutcome>(pool, async (c) => {
        const gone = await c.query('DELETE FROM department_members WHERE user_id = $1 AND department_id = $2', [userId, departmentId])
        if (gone.rowCount !== 1) throw new Rollback({ kind: 'notMember' })
        await c.query("DELETE FROM user_roles WHERE user_id = $1 AND role = 'department'", [userId])
        await writeAudit(c, audit)
        return { kind: 'done', department: (await load(c, departmentId))! }
      })
    },
    async queue(departmentId, after, limit) {
      const found = await rows<{ report_id: string; due_at: string; seq: number }>(
        pool,
        `SELECT rd.report_id, rd.due_at, r.seq FROM report_dispatches rd JOIN reports r ON r.id = rd.report_id
         WHERE rd.department_id = $1 AND rd.status IN ('pending', 'accepted')
           AND ($2::timestamptz IS NULL OR (rd.due_at, r.seq) > ($2::timestamptz, $3::bigint))
         ORDER BY rd.due_at, r.seq LIMIT $4`,
        [departmentId, after?.dueAt ?? null, after?.seq ?? 0, limit],
      )
      return found.map((r) => ({ reportId: r.report_id, dueAt: r.due_at, seq: Number(r.seq) }))
    },
  }
}
