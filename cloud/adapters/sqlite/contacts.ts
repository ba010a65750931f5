import { MAX_HOUSEHOLDS_PER_CADRE } from '@/domain/contacts'
import type { AssignOutcome, ContactRepo, LogOutcome, NewAssignment, NewCadre, NewContactLog, OnBehalf, RaiseOutcome, RaiseReport } from '../../contacts/ports'
import type { AuditEntry, IdempotencyKey } from '../../shared/ports'
import {
  ASSIGNMENT_OF, CADRE_SELECT, CADRES_OF_COMMUNITY, cadreHouseholdRecord, cadreRecord, CONTACT_OF, CREATE_EVENT_NOTE, HISTORY,
  HOUSEHOLDS_OF_CADRE, householdContactRecord, householdRow, IS_CONTACT, LOG_BY_ID, logRecord, MARK_ON_BEHALF, UNCOVERED,
  UNCOVERED_COUNT, type CadreRow, type ContactOfRow, type HouseholdRowDb, type LogRow,
} from '../rows/contacts'
import type { ContactKind } from '@/domain/contacts'
import { auditWriter } from './audit'
import { idempotencyTable } from './idempotency'
import type { Db } from './open'
import { reportStatements } from './reports'

/** Thrown inside a transaction to roll it back and answer notContact. */
class NotContact extends Error {}

/**
 * Contacts on SQLite: every write one IMMEDIATE transaction (one writer at a time), so the cap, the one contact per
 * household and the contact check hold by running in order; the primary keys and the CHECK on cadres.households are
 * the backstops.
 */
export function contactRepo(db: Db): ContactRepo {
  const audit = auditWriter(db)
  const idem = idempotencyTable(db)
  const reports = reportStatements(db)
  const cadreById = db.prepare<[string], CadreRow>(`${CADRE_SELECT} WHERE c.user_id = ?`)
  const upsertCadre = db.prepare(`
    INSERT INTO cadres (user_id, community_id, title, publish_phone, public_note, households, created_at, updated_at)
    VALUES (@userId, @communityId, @title, @publishPhone, @publicNote, 0, @at, @at)
    ON CONFLICT (user_id) DO UPDATE SET title = excluded.title, publish_phone = excluded.publish_phone,
      public_note = excluded.public_note, updated_at = excluded.updated_at, community_id = excluded.community_id,
      households = CASE WHEN cadres.community_id = excluded.community_id THEN cadres.households ELSE 0 END`)
  const dropElsewhere = db.prepare('DELETE FROM contact_assignments WHERE cadre_id = ? AND community_id <> ?')
  const dropAssignments = db.prepare('DELETE FROM contact_assignments WHERE cadre_id = ? AND community_id = ?')
  const dropCadre = db.prepare('DELETE FROM cadres WHERE user_id = ? AND community_id = ?')
  const assignmentOf = db.prepare<[string], { cadre_id: string; community_id: string }>(ASSIGNMENT_OF)
  const cadreIn = db.prepare<[string, string], { households: number }>('SELECT households FROM cadres WHERE user_id = ? AND community_id = ?')
  const bump = db.prepare(`UPDATE cadres SET households = households + 1 WHERE user_id = ? AND community_id = ? AND households < ${MAX_HOUSEHOLDS_PER_CADRE}`)
  const drop = db.prepare('UPDATE cadres SET households = households - 1 WHERE user_id = ? AND households > 0')
  const upsertAssignment = db.prepare(`
    INSERT INTO contact_assignments (household_id, cadre_id, community_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (household_id) DO UPDATE SET cadre_id = excluded.cadre_id, community_id = excluded.community_id,
      assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at`)
  const insertLog = db.prepare(`
    INSERT INTO contact_logs (id, household_id, cadre_id, community_id, kind, at, note, created_at)
    SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM contact_assignments WHERE household_id = ? AND cadre_id = ?)`)
  const logById = db.prepare<[string], LogRow>(LOG_BY_ID)
  const contactOf = db.prepare<[string], ContactOfRow>(CONTACT_OF)
  const householdsOf = db.prepare<[string], HouseholdRowDb & { last_at: string | null; last_kind: ContactKind | null }>(HOUSEHOLDS_OF_CADRE)
  const cadresOf = db.prepare<[string], CadreRow>(CADRES_OF_COMMUNITY)
  const uncovered = db.prepare<[string, number], HouseholdRowDb>(UNCOVERED)
  const uncoveredCount = db.prepare<[string], { n: number }>(UNCOVERED_COUNT)
  const history = db.prepare<[string, number], LogRow>(HISTORY)
  const isContact = db.prepare(IS_CONTACT)
  const markOnBehalf = db.prepare(MARK_ON_BEHALF)
  const createNote = db.prepare(CREATE_EVENT_NOTE)

  const loadCadre = (id: string) => {
    const r = cadreById.get(id)
    return r ? cadreRecord(r) : null
  }

  const setTx = db.transaction((c: NewCadre, a: AuditEntry) => {
    // a person who moved: the households of their former community lose them as contact
    dropElsewhere.run(c.userId, c.communityId)
    upsertCadre.run({ ...c, publishPhone: c.publishPhone ? 1 : 0 })
    audit(a)
    return loadCadre(c.userId)!
  })

  const removeTx = db.transaction((userId: string, communityId: string, a: AuditEntry) => {
    const households = dropAssignments.run(userId, communityId).changes
    const removed = dropCadre.run(userId, communityId).changes === 1
    if (removed) audit(a)
    return { removed, households }
  })

  const assignTx = db.transaction((n: NewAssignment, a: AuditEntry): AssignOutcome => {
    const prev = assignmentOf.get(n.householdId)
    if (prev?.cadre_id === n.cadreId) return { kind: 'unchanged' }
    if (bump.run(n.cadreId, n.communityId).changes !== 1) return cadreIn.get(n.cadreId, n.communityId) ? { kind: 'full' } : { kind: 'notCadre' }
    if (prev) drop.run(prev.cadre_id)
    upsertAssignment.run(n.householdId, n.cadreId, n.communityId, n.assignedBy, n.at)
    audit({ ...a, detail: { ...a.detail, previousCadreId: prev?.cadre_id ?? null } })
    return { kind: 'assigned', previousCadreId: prev?.cadre_id ?? null }
  })

  const logTx = db.transaction((l: NewContactLog, key: IdempotencyKey | null): LogOutcome => {
    const prior = idem.lookup<{ logId: string }>(key)
    if (prior.kind === 'keyReused') return prior
    if (prior.kind === 'replayed') return { kind: 'replayed', log: logRecord(logById.get(prior.result.logId) as LogRow) }
    const added = insertLog.run(l.id, l.householdId, l.cadreId, l.communityId, l.kind, l.at, l.note, l.createdAt, l.householdId, l.cadreId)
    if (added.changes !== 1) return { kind: 'notContact' }
    idem.store(key, { logId: l.id }, l.createdAt)
    return { kind: 'logged', log: logRecord(logById.get(l.id) as LogRow) }
  })

  const raiseTx = db.transaction((p: RaiseReport, ob: OnBehalf): RaiseOutcome => {
    // report.create's own transaction, nested (a savepoint): a repeat of the key replays before any check
    const out = reports.create(p.report, p.photoIds, p.messages, p.key)
    if (out.kind === 'keyReused' || out.kind === 'badPhotos') return out
    if (out.kind === 'replayed') return { kind: 'replayed', reportId: out.report.id }
    if (!isContact.get(ob.householdId, ob.raisedBy)) throw new NotContact()
    markOnBehalf.run(ob.householdId, ob.raisedBy, out.report.id)
    createNote.run(ob.note, out.report.id)
    return { kind: 'created', reportId: out.report.id }
  })

  return {
    async cadre(userId) {
      return loadCadre(userId)
    },
    async setCadre(c, a) {
      return setTx.immediate(c, a)
    },
    async removeCadre(userId, communityId, a) {
      return removeTx.immediate(userId, communityId, a)
    },
    async assign(n, a) {
      return assignTx.immediate(n, a)
    },
    async assignmentOf(householdId) {
      const r = assignmentOf.get(householdId)
      return r ? { cadreId: r.cadre_id, communityId: r.community_id } : null
    },
    async log(l, key) {
      return logTx.immediate(l, key)
    },
    async contactOf(householdId) {
      const r = contactOf.get(householdId)
      return r ? householdContactRecord(r) : null
    },
    async householdsOf(cadreId) {
      return householdsOf.all(cadreId).map(cadreHouseholdRecord)
    },
    async overview(communityId, limit) {
      return {
        cadres: cadresOf.all(communityId).map(cadreRecord),
        uncovered: uncovered.all(communityId, limit).map(householdRow),
        uncoveredTotal: Number(uncoveredCount.get(communityId)?.n ?? 0),
      }
    },
    async history(householdId, limit) {
      return history.all(householdId, limit).map(logRecord)
    },
    async raise(p, ob) {
      try {
        return raiseTx.immediate(p, ob)
      } catch (err) {
        if (err instanceof NotContact) return { kind: 'notContact' }
        throw err
      }
    },
  }
}
