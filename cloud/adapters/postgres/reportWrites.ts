import type { PoolClient } from 'pg'
import { REPORT_LEVELS, type ReportLevel, type ReportStatus } from '@/domain/reports'
import { dueAt } from '@/domain/reports/deadlines'
import type { NewMessage } from '../../messages/ports'
import type { NewReport, NewReportEvent, ReportChange, ReportChangeOutcome, ReportCreateOutcome } from '../../reports/ports'
import type { IdempotencyKey } from '../../shared/ports'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { writeMessage } from './messages'
import { dropRecheck, queueRecheck } from './reportRechecks'
import { writeDispatch } from './reportDispatches'
import { mustLoadReport } from './reportRows'
import { Rollback, row } from './tx'

/**
 * A report's writes on PostgreSQL, run inside the caller's transaction (as reportStatements in
 * ../sqlite/reports.ts): report.create and report.change use them, and shift.addLog creates its 发现隐患 report
 * with the same createReport. An outcome that must leave nothing written (keyReused, badPhotos, conflict) is
 * thrown as a Rollback, so the caller runs them in inTransactionOr and answers it with everything undone,
 * the claimed retry key included.
 */

const LEVEL_RANK = Object.fromEntries(REPORT_LEVELS.map((level, rank) => [level, rank])) as Record<ReportLevel, number>

const badPhotos = () => new Rollback({ kind: 'badPhotos' as const })

/**
 * Every photo must be the owner's file and attached to nothing: read first (so that a refused create draws no
 * report seq), then each attached by INSERT … ON CONFLICT (file_id) DO NOTHING on report_photos' unique file_id.
 * Two transactions attaching the same file at once: the second waits on the first's uncommitted row, then inserts
 * nothing when that commits and is refused (badPhotos, rolled back), so a file is never on two reports.
 */
async function photosUsable(c: PoolClient, ids: string[], ownerId: string): Promise<boolean> {
  for (const id of ids) {
    const f = await row<{ owner_id: string; attached: boolean }>(
      c,
      'SELECT f.owner_id, EXISTS (SELECT 1 FROM report_photos p WHERE p.file_id = f.id) AS attached FROM files f WHERE f.id = $1',
      [id],
    )
    if (!f || f.owner_id !== ownerId || f.attached) return false
  }
  return true
}

async function attachPhotos(c: PoolClient, reportId: string, ids: string[], eventId: number | null): Promise<void> {
  for (const [i, fileId] of ids.entries()) {
    const added = await c.query(
      'INSERT INTO report_photos (report_id, file_id, event_id, seq) VALUES ($1, $2, $3, $4) ON CONFLICT (file_id) DO NOTHING',
      [reportId, fileId, eventId, i],
    )
    if (added.rowCount !== 1) throw badPhotos()
  }
}

async function addEvent(c: PoolClient, reportId: string, at: string, e: NewReportEvent, status: ReportStatus, level: ReportLevel): Promise<number> {
  const made = await row<{ id: number }>(
    c,
    `INSERT INTO report_events (report_id, at, actor_id, action, note, status, level, to_user_id, department_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [reportId, at, e.actorId, e.action, e.note, status, level, e.toUserId, e.departmentId ?? null],
  )
  if (!made) throw new Error(`report ${reportId}: event not inserted`)
  return made.id
}

/**
 * report.create's steps: the retry key claimed FIRST (claimKey: a concurrent retry of the same key waits for this
 * transaction, then replays its report or answers keyReused), the photos checked, then the report, its photos, the
 * 'create' event and the messages. Throws Rollback for keyReused and badPhotos.
 */
export async function createReport(
  c: PoolClient,
  r: NewReport,
  photoIds: string[],
  messages: NewMessage[],
  key: IdempotencyKey | null,
): Promise<Extract<ReportCreateOutcome, { kind: 'created' | 'replayed' }>> {
  const out = await insertReport(c, r, photoIds, messages, key)
  const report = await mustLoadReport(c, out.id, 'report.create')
  return out.kind === 'created' ? { kind: 'created', report } : { kind: 'replayed', report }
}

/** createReport's writes, reading nothing back: the id of the report created or replayed (report.create reads its detail once). */
export async function insertReport(
  c: PoolClient,
  r: NewReport,
  photoIds: string[],
  messages: NewMessage[],
  key: IdempotencyKey | null,
): Promise<{ kind: 'created' | 'replayed'; id: string }> {
  const claim = await claimKey<{ reportId: string }>(c, key, { reportId: r.id }, r.createdAt)
  if (claim.kind === 'keyReused') throw new Rollback(claim)
  if (claim.kind === 'replayed') return { kind: 'replayed', id: claim.result.reportId }
  if (!(await photosUsable(c, photoIds, r.reporterId))) throw badPhotos()
  await c.query(
    `INSERT INTO reports (id, community_id, street_id, grid_id, reporter_id, category, description, latitude, longitude,
       address, coord_source, anonymous, visibility, moderation, status, level, max_level, assignee_id, accept_by,
       resolve_by, due_at, created_at, updated_at, district_id, city_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'submitted', 'grid', 'grid', $15, $16, $17, $16, $18, $18, $19, $20)`,
    [r.id, r.communityId, r.streetId, r.gridId, r.reporterId, r.category, r.description, r.latitude, r.longitude,
      r.address, r.coordSource, r.anonymous, r.visibility, r.moderation, r.assigneeId, r.acceptBy, r.resolveBy, r.createdAt, r.districtId, r.cityId],
  )
  if (r.unchecked) await queueRecheck(c, r.id, r.createdAt)
  await attachPhotos(c, r.id, photoIds, null)
  await addEvent(c, r.id, r.createdAt, { actorId: r.reporterId, action: 'create', note: null, toUserId: null }, 'submitted', 'grid')
  for (const m of messages) await writeMessage(c, m)
  return { kind: 'created', id: r.id }
}

/**
 * report.change's steps: the retry key claimed first (as createReport), then ONE conditional UPDATE on the version
 * read. At READ COMMITTED two changes from the same version (a double 受理, an 受理 racing an 上报) cannot both
 * pass: the later UPDATE waits on the row lock the first holds, re-checks `version = $n` on the committed row,
 * finds the next version and updates nothing, so exactly one wins and the other is a conflict (rolled back, its
 * key unclaimed). The winner holds the row lock until its photos, event, mediation, messages and audit commit.
 */
export async function changeReport(c: PoolClient, ch: ReportChange): Promise<Extract<ReportChangeOutcome, { kind: 'done' | 'replayed' }>> {
  const claim = await claimKey<{ reportId: string }>(c, ch.idem ?? null, { reportId: ch.id }, ch.at)
  if (claim.kind === 'keyReused') throw new Rollback(claim)
  if (claim.kind === 'replayed') return { kind: 'replayed', report: await mustLoadReport(c, claim.result.reportId, 'report.change') }
  const p = ch.patch
  const updated = await c.query(
    `UPDATE reports SET status = $3, level = $4, max_level = $5, grid_id = $6, assignee_id = $7, category = $8,
       description = $9, anonymous = $10, visibility = $11, moderation = $12, accept_by = $13, resolve_by = $14,
       due_at = $15, reopen_count = $16, accepted_at = $17, resolved_at = $18, closed_at = $19, rating = $20,
       rating_comment = $21, rated_at = $22, updated_at = $23, version = version + 1
     WHERE id = $1 AND version = $2`,
    [ch.id, ch.version, p.status, p.level, LEVEL_RANK[p.level] > LEVEL_RANK[p.maxLevel] ? p.level : p.maxLevel, p.gridId,
      p.assigneeId, p.category, p.description, p.anonymous, p.visibility, p.moderation, p.acceptBy, p.resolveBy,
      dueAt(p.status, p.acceptBy, p.resolveBy), p.reopenCount, p.acceptedAt, p.resolvedAt, p.closedAt, p.rating,
      p.ratingComment, p.ratedAt, ch.at],
  )
  if (updated.rowCount !== 1) throw new Rollback({ kind: 'conflict' })
  if (ch.recheck === 'queue') await queueRecheck(c, ch.id, ch.at)
  else if (ch.recheck === 'drop') await dropRecheck(c, ch.id)
  if (ch.reportPhotoIds) {
    await c.query('DELETE FROM report_photos WHERE report_id = $1 AND event_id IS NULL', [ch.id])
    if (!(await photosUsable(c, ch.reportPhotoIds, ch.photoOwnerId))) throw badPhotos()
    await attachPhotos(c, ch.id, ch.reportPhotoIds, null)
  }
  const eventId = await addEvent(c, ch.id, ch.at, ch.event, p.status, p.level)
  if (ch.eventPhotoIds.length > 0) {
    if (!(await photosUsable(c, ch.eventPhotoIds, ch.photoOwnerId))) throw badPhotos()
    await attachPhotos(c, ch.id, ch.eventPhotoIds, eventId)
  }
  if (ch.mediation) {
    const m = ch.mediation
    await c.query(
      `INSERT INTO mediations (report_id, kind, parties, outcome, agreement, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (report_id) DO UPDATE SET kind = excluded.kind, parties = excluded.parties,
         outcome = COALESCE(excluded.outcome, mediations.outcome),
         agreement = CASE WHEN excluded.outcome IS NULL THEN mediations.agreement ELSE excluded.agreement END,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [ch.id, m.kind, JSON.stringify(m.parties), m.outcome, m.agreement, ch.at, ch.event.actorId],
    )
    if (m.session) {
      await c.query('INSERT INTO mediation_sessions (report_id, date, note, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)', [
        ch.id, m.session.date, m.session.note, ch.event.actorId, ch.at,
      ])
    }
  }
  if (ch.dispatch && !(await writeDispatch(c, ch.id, ch.at, ch.dispatch))) throw new Rollback({ kind: 'conflict' })
  for (const m of ch.messages) await writeMessage(c, m)
  if (ch.audit) await writeAudit(c, ch.audit)
  return { kind: 'done', report: await mustLoadReport(c, ch.id, 'report.change') }
}
