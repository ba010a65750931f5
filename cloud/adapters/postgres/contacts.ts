import type { Pool } from 'pg'
import { MAX_HOUSEHOLDS_PER_CADRE, type ContactKind } from '@/domain/contacts'
import type { AssignOutcome, ContactRepo, LogOutcome, RaiseOutcome } from '../../contacts/ports'
import {
  ASSIGNMENT_OF, CADRE_SELECT, CADRES_OF_COMMUNITY, cadreHouseholdRecord, cadreRecord, CONTACT_OF, CREATE_EVENT_NOTE, HISTORY,
  HOUSEHOLDS_OF_CADRE, householdContactRecord, householdRow, IS_CONTACT, LOG_BY_ID, logRecord, MARK_ON_BEHALF, UNCOVERED,
  UNCOVERED_COUNT, type CadreRow, type ContactOfRow, type HouseholdRowDb, type LogRow,
} from '../rows/contacts'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { createReport } from './reportWrites'
import { inTransaction, inTransactionOr, numbered, Rollback, row, rows, type Queryable } from './tx'

/** Contacts on PostgreSQL: the same records and outcomes as ../sqlite/contacts.ts, each write atomic at READ COMMITTED. */

const q = (sql: string) => numbered(sql)

async function loadCadre(db: Queryable, id: string) {
  const r = await row<CadreRow>(db, q(`${CADRE_SELECT} WHERE c.user_id = ?`), [id])
  return r ? cadreRecord(r) : null
}

async function loadLog(db: Queryable, id: string) {
  return logRecord((await row<LogRow>(db, q(LOG_BY_ID), [id])) as LogRow)
}

export function contactRepo(pool: Pool): ContactRepo {
  return {
    async cadre(userId) {
      return loadCadre(pool, userId)
    },
    async setCadre(c, a) {
      return inTransaction(pool, async (tx) => {
        // the cadre's row locked first (as assign does), then a person who moved loses their former community's households
        await tx.query('SELECT 1 FROM cadres WHERE user_id = $1 FOR UPDATE', [c.userId])
        await tx.query('DELETE FROM contact_assignments WHERE cadre_id = $1 AND community_id <> $2', [c.userId, c.communityId])
        await tx.query(
          `INSERT INTO cadres (user_id, community_id, title, publish_phone, public_note, households, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 0, $6, $6)
           ON CONFLICT (user_id) DO UPDATE SET title = excluded.title, publish_phone = excluded.publish_phone,
             public_note = excluded.public_note, updated_at = excluded.updated_at, community_id = excluded.community_id,
             households = CASE WHEN cadres.community_id = excluded.community_id THEN cadres.households ELSE 0 END`,
          [c.userId, c.communityId, c.title, c.publishPhone, c.publicNote, c.at],
        )
        await writeAudit(tx, a)
        return (await loadCadre(tx, c.userId))!
      })
    },
    /** The cadre's row locked first (FOR UPDATE), so an assign to them waits and then finds no cadre. */
    async removeCadre(userId, communityId, a) {
      return inTransaction(pool, async (tx) => {
        await tx.query('SELECT 1 FROM cadres WHERE user_id = $1 FOR UPDATE', [userId])
        const dropped = await tx.query('DELETE FROM contact_assignments WHERE cadre_id = $1 AND community_id = $2', [userId, communityId])
        const removed = (await tx.query('DELETE FROM cadres WHERE user_id = $1 AND community_id = $2', [userId, communityId])).rowCount === 1
        if (removed) await writeAudit(tx, a)
        return { removed, households: dropped.rowCount ?? 0 }
      })
    },
    /**
     * One transaction, locks in one order so that two assigns cannot deadlock: the household's row first (FOR UPDATE:
     * two assigns of one household run one after the other, the second reading the first's committed contact), then
     * the new and the previous cadre's rows in id order; the new cadre's count goes up by a conditional UPDATE
     * (`households < MAX`), the previous one's down; the assignment upserted on its primary key.
     */
    async assign(n, a) {
      return inTransactionOr<AssignOutcome, AssignOutcome>(pool, async (tx) => {
        await tx.query('SELECT 1 FROM households WHERE id = $1 FOR UPDATE', [n.householdId])
        const prev = await row<{ cadre_id: string }>(tx, 'SELECT cadre_id FROM contact_assignments WHERE household_id = $1', [n.householdId])
        if (prev?.cadre_id === n.cadreId) throw new Rollback({ kind: 'unchanged' })
        const ids = [n.cadreId, ...(prev ? [prev.cadre_id] : [])].sort()
        await tx.query('SELECT 1 FROM cadres WHERE user_id = ANY($1) ORDER BY user_id FOR UPDATE', [ids])
        const bumped = await tx.query(
          `UPDATE cadres SET households = households + 1 WHERE user_id = $1 AND community_id = $2 AND households < ${MAX_HOUSEHOLDS_PER_CADRE}`,
          [n.cadreId, n.communityId],
        )
        if (bumped.rowCount !== 1) {
          const exists = await row(tx, 'SELECT 1 FROM cadres WHERE user_id = $1 AND community_id = $2', [n.cadreId, n.communityId])
          throw new Rollback({ kind: exists ? 'full' : 'notCadre' })
        }
        if (prev) await tx.query('UPDATE cadres SET households = households - 1 WHERE user_id = $1 AND households > 0', [prev.cadre_id])
        await tx.query(
          `INSERT INTO contact_assignments (household_id, cadre_id, community_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (household_id) DO UPDATE SET cadre_id = excluded.cadre_id, community_id = excluded.community_id,
             assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`,
          [n.householdId, n.cadreId, n.communityId, n.assignedBy, n.at],
        )
        await writeAudit(tx, { ...a, detail: { ...a.detail, previousCadreId: prev?.cadre_id ?? null } })
        return { kind: 'assigned', previousCadreId: prev?.cadre_id ?? null }
      })
    },
    async assignmentOf(householdId) {
      const r = await row<{ cadre_id: string; community_id: string }>(pool, q(ASSIGNMENT_OF), [householdId])
      return r ? { cadreId: r.cadre_id, communityId: r.community_id } : null
    },
    /** The retry key claimed first (claimKey), then INSERT … SELECT … WHERE EXISTS the assignment; none: rolled back. */
    async log(l, key) {
      return inTransactionOr<LogOutcome, LogOutcome>(pool, async (tx) => {
        const claim = await claimKey<{ logId: string }>(tx, key, { logId: l.id }, l.createdAt)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') return { kind: 'replayed', log: await loadLog(tx, claim.result.logId) }
        const added = await tx.query(
          `INSERT INTO contact_logs (id, household_id, cadre_id, community_id, kind, at, note, created_at)
           SELECT $1, $2, $3, $4, $5, $6::timestamptz, $7, $8::timestamptz
           WHERE EXISTS (SELECT 1 FROM contact_assignments WHERE household_id = $2 AND cadre_id = $3)`,
          [l.id, l.householdId, l.cadreId, l.communityId, l.kind, l.at, l.note, l.createdAt],
        )
        if (added.rowCount !== 1) throw new Rollback({ kind: 'notContact' })
        return { kind: 'logged', log: await loadLog(tx, l.id) }
      })
    },
    async contactOf(householdId) {
      const r = await row<ContactOfRow>(pool, q(CONTACT_OF), [householdId])
      return r ? householdContactRecord(r) : null
    },
    async householdsOf(cadreId) {
      const rs = await rows<HouseholdRowDb & { last_at: string | null; last_kind: ContactKind | null }>(pool, q(HOUSEHOLDS_OF_CADRE), [cadreId])
      return rs.map(cadreHouseholdRecord)
    },
    async overview(communityId, limit) {
      const [cadres, uncovered, count] = await Promise.all([
        rows<CadreRow>(pool, q(CADRES_OF_COMMUNITY), [communityId]),
        rows<HouseholdRowDb>(pool, q(UNCOVERED), [communityId, limit]),
        row<{ n: string | number }>(pool, q(UNCOVERED_COUNT), [communityId]),
      ])
      return { cadres: cadres.map(cadreRecord), uncovered: uncovered.map(householdRow), uncoveredTotal: Number(count?.n ?? 0) }
    },
    async history(householdId, limit) {
      return (await rows<LogRow>(pool, q(HISTORY), [householdId, limit])).map(logRecord)
    },
    /** report.create's steps (createReport) and the contact check in one transaction; not the contact: rolled back. */
    async raise(p, ob) {
      return inTransactionOr<RaiseOutcome, RaiseOutcome>(pool, async (tx) => {
        const out = await createReport(tx, p.report, p.photoIds, p.messages, p.key)
        if (out.kind === 'replayed') return { kind: 'replayed', reportId: out.report.id }
        if (!(await row(tx, q(IS_CONTACT), [ob.householdId, ob.raisedBy]))) throw new Rollback({ kind: 'notContact' })
        await tx.query(q(MARK_ON_BEHALF), [ob.householdId, ob.raisedBy, out.report.id])
        await tx.query(q(CREATE_EVENT_NOTE), [ob.note, out.report.id])
        return { kind: 'created', reportId: out.report.id }
      })
    },
  }
}
