import type { DepartmentArea, DepartmentCounts, DepartmentRecord, DepartmentRepo, MemberOutcome } from '../../departments/ports'
import { areaWhere, candidateDigits, candidatesSql, countsSql, DEPARTMENT_SELECT, departmentRecord, emptyCounts, type CandidateRow, type CountsRow, type DepartmentRow } from '../rows/departments'
import { auditWriter } from './audit'
import { idempotencyTable } from './idempotency'
import type { Db } from './open'

/** 联动's departments on SQLite: each write one IMMEDIATE transaction, its atomicity said beside it. */
export function departmentRepo(db: Db): DepartmentRepo {
  const idem = idempotencyTable(db)
  const writeAudit = auditWriter(db)
  const byId = db.prepare<[string], DepartmentRow>(`${DEPARTMENT_SELECT} WHERE d.id = ?`)
  const membersOf = db.prepare<[string], { id: string; name: string }>(
    'SELECT u.id, u.name FROM department_members m JOIN users u ON u.id = m.user_id WHERE m.department_id = ? ORDER BY m.added_at, u.id',
  )
  const nextSeq = db.prepare<[], { n: number }>('SELECT COALESCE(max(seq), 0) + 1 AS n FROM departments')
  const insert = db.prepare(`
    INSERT INTO departments (id, seq, name, street_id, district_id, categories, created_by, created_at)
    VALUES (@id, @seq, @name, @streetId, @districtId, @categories, @createdBy, @createdAt)
    ON CONFLICT DO NOTHING`)
  const insertMember = db.prepare(
    'INSERT INTO department_members (user_id, department_id, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING',
  )
  const memberOf = db.prepare<[string], { department_id: string }>('SELECT department_id FROM department_members WHERE user_id = ?')
  const addRole = db.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'department') ON CONFLICT DO NOTHING")
  const dropMember = db.prepare('DELETE FROM department_members WHERE user_id = ? AND department_id = ?')
  const dropRole = db.prepare("DELETE FROM user_roles WHERE user_id = ? AND role = 'department'")
  const queueAfter = db.prepare<{ dept: string; due: string | null; seq: number; limit: number }, { report_id: string; due_at: string; seq: number }>(`
    SELECT rd.report_id, rd.due_at, r.seq FROM report_dispatches rd JOIN reports r ON r.id = rd.report_id
    WHERE rd.department_id = @dept AND rd.status IN ('pending', 'accepted')
      AND (@due IS NULL OR rd.due_at > @due OR (rd.due_at = @due AND r.seq > @seq))
    ORDER BY rd.due_at, r.seq LIMIT @limit`)

  const candidatesOf = db.prepare<{ street: string | null; district: string | null; query: string; digits: string | null; limit: number }, CandidateRow>(
    candidatesSql((n) => `@${n}`, 'instr', ''),
  )

  const load = (id: string): DepartmentRecord | null => {
    const row = byId.get(id)
    return row ? departmentRecord(row, membersOf.all(id)) : null
  }

  const create = db.transaction((d: Parameters<DepartmentRepo['create']>[0], audit, key) => {
    const prior = idem.lookup<{ id: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' } as const
    if (prior.kind === 'replayed') return { kind: 'replayed', department: load(prior.result.id)! } as const
    // the partial unique indexes on (street_id, name) and (district_id, name): a name taken inserts nothing
    const { createdBy, ...row } = d
    const made = insert.run({ ...row, createdBy, seq: nextSeq.get()!.n, categories: JSON.stringify(d.categories) })
    if (made.changes !== 1) return { kind: 'nameTaken' } as const
    writeAudit(audit)
    idem.store(key, { id: d.id }, d.createdAt)
    return { kind: 'created', department: load(d.id)! } as const
  })

  const add = db.transaction((departmentId: string, userId: string, at: string, audit): MemberOutcome => {
    // the primary key on user_id: one department per person, two adds at once are one row
    insertMember.run(userId, departmentId, audit.actorId, at)
    if (memberOf.get(userId)?.department_id !== departmentId) return { kind: 'elsewhere' }
    addRole.run(userId)
    writeAudit(audit)
    return { kind: 'done', department: load(departmentId)! }
  })

  const remove = db.transaction((departmentId: string, userId: string, audit): MemberOutcome => {
    if (dropMember.run(userId, departmentId).changes !== 1) return { kind: 'notMember' }
    dropRole.run(userId)
    writeAudit(audit)
    return { kind: 'done', department: load(departmentId)! }
  })

  return {
    async create(d, audit, key) {
      return create.immediate(d, audit, key)
    },
    async get(id) {
      return load(id)
    },
    async street(id) {
      const r = db
        .prepare<[string], { id: string; district_id: string | null; city_id: string | null }>(
          'SELECT s.id, s.district_id, d.city_id FROM streets s LEFT JOIN districts d ON d.id = s.district_id WHERE s.id = ?',
        )
        .get(id)
      return r ? { id: r.id, districtId: r.district_id, cityId: r.city_id } : null
    },
    async district(id) {
      const r = db.prepare<[string], { id: string; city_id: string }>('SELECT id, city_id FROM districts WHERE id = ?').get(id)
      return r ? { id: r.id, cityId: r.city_id } : null
    },
    async list(area: DepartmentArea) {
      const params: unknown[] = []
      const where = areaWhere(area, (v) => {
        params.push(v)
        return '?'
      })
      const rows = db.prepare(`${DEPARTMENT_SELECT} WHERE ${where} ORDER BY d.seq`).all(...params) as DepartmentRow[]
      return rows.map((r) => departmentRecord(r, membersOf.all(r.id)))
    },
    async counts(ids, now) {
      const out = new Map<string, DepartmentCounts>(ids.map((id) => [id, emptyCounts()]))
      if (ids.length === 0) return out
      const marks = ids.map(() => '?').join(', ')
      const rows = db.prepare(countsSql(marks, "?")).all(now, ...ids) as CountsRow[]
      for (const r of rows) {
        out.set(r.department_id, {
          dispatched: r.dispatched,
          onTime: r.on_time,
          late: r.late,
          returned: r.returned,
          open: r.open,
          overdueNow: r.overdue_now,
          resolvedSpans: [],
        })
      }
      const spans = db
        .prepare(`SELECT department_id, dispatched_at, finished_at FROM report_dispatches
          WHERE department_id IN (${marks}) AND status = 'resolved' ORDER BY finished_at DESC LIMIT 1000`)
        .all(...ids) as { department_id: string; dispatched_at: string; finished_at: string }[]
      for (const s of spans) out.get(s.department_id)?.resolvedSpans.push({ from: s.dispatched_at, to: s.finished_at })
      return out
    },
    async addMember(departmentId, userId, at, audit) {
      return add.immediate(departmentId, userId, at, audit)
    },
    async candidates(area, query, limit) {
      return candidatesOf
        .all({ street: area.streetId, district: area.districtId, query, digits: candidateDigits(query), limit })
        .map((r) => ({ id: r.id, name: r.name, phone: r.phone, communityName: r.community_name }))
    },
    async removeMember(departmentId, userId, audit) {
      return remove.immediate(departmentId, userId, audit)
    },
    async queue(departmentId, after, limit) {
      return queueAfter
        .all({ dept: departmentId, due: after?.dueAt ?? null, seq: after?.seq ?? 0, limit })
        .map((r) => ({ reportId: r.report_id, dueAt: r.due_at, seq: r.seq }))
    },
  }
}
