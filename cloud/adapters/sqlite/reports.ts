import { TIER_KEY } from '@/domain/shared/roles'
import type { Statement } from 'better-sqlite3'
import { REPORT_LEVELS, type ReportCategory, type ReportLevel, type ReportStatus } from '@/domain/reports'
import { dueAt } from '@/domain/reports/deadlines'
import { OPEN_STATUSES, UNLISTED_STATUSES } from '@/domain/reports/flow'
import type { NewMessage } from '../../messages/ports'
import type {
  NewReport,
  NewReportEvent,
  ReportChange,
  ReportChangeOutcome,
  ReportCounts,
  ReportCreateOutcome,
  ReportDetailRecord,
  ReportListQuery,
  ReportRecord,
  ReportRepo,
  ReportSupportOutcome,
} from '../../reports/ports'
import type { IdempotencyKey } from '../../shared/ports'
import {
  areaColumnOf,
  areaOfQuery,
  areaOfQueue,
  mediationRecord,
  reportEventRecord,
  reportListItem,
  reportRecord,
  tierStaffSql,
  unitsSql,
  talliesSql,
  overdueByUnitSql,
  assembleCounts,
  type TallyRow,
  type AreaColumn,
  type MediationRow,
  type MediationSessionRow,
  type ReportEventRow,
  type ReportListRow,
  type ReportRow,
  listColumns,
  LIST_JOINS,
} from '../rows/reports'
import { auditWriter } from './audit'
import { writerOf } from './busy'
import { idempotencyTable } from './idempotency'
import { messageWriter } from './messages'
import { recheckStatements } from './reportRechecks'
import { dispatchWriter } from './reportDispatches'
import type { Db } from './open'
import { sqlList } from '../rows/sql'

const OPEN = sqlList(OPEN_STATUSES)

/** Lists carry the start of the description only (enough for the excerpt). */
const COLUMNS = `r.seq, r.id, r.community_id, r.street_id, r.district_id, r.city_id, r.grid_id, g.name AS grid_name, g.service_phone AS grid_phone, r.reporter_id,
  ru.name AS reporter_name, ru.phone AS reporter_phone, r.category, %DESC% AS description, r.latitude, r.longitude,
  r.address, r.coord_source, r.anonymous, r.visibility, r.moderation, r.status, r.level, r.max_level, r.assignee_id,
  au.name AS assignee_name, r.accept_by, r.resolve_by, r.due_at, r.supporters, r.reopen_count, r.accepted_at,
  r.resolved_at, r.closed_at, r.rating, r.rating_comment, r.rated_at, r.created_at, r.updated_at, r.version,
  (SELECT p.file_id FROM report_photos p JOIN files f ON f.id = p.file_id WHERE p.report_id = r.id AND p.event_id IS NULL AND f.check_status IN ('none', 'pass') ORDER BY p.seq LIMIT 1) AS cover,
  rd.id AS dispatch_id, rd.department_id AS dispatch_department_id, dep.name AS dispatch_department_name, rd.status AS dispatch_status,
  rd.level AS dispatch_level, rd.dispatched_at AS dispatch_at, rd.days AS dispatch_days, rd.due_at AS dispatch_due_at`
const JOINS = `JOIN grids g ON g.id = r.grid_id JOIN users ru ON ru.id = r.reporter_id LEFT JOIN users au ON au.id = r.assignee_id LEFT JOIN report_dispatches rd ON rd.report_id = r.id AND rd.status IN ('pending', 'accepted') LEFT JOIN departments dep ON dep.id = rd.department_id`
const FULL = `SELECT ${COLUMNS.replace('%DESC%', 'r.description')} FROM reports r ${JOINS}`
const BRIEF = `SELECT ${COLUMNS.replace('%DESC%', 'substr(r.description, 1, 80)')} FROM reports r ${JOINS}`
/** report.list's page: the summary's columns only (ReportListItem) */
const LIST = `SELECT ${listColumns('r.anonymous')} FROM reports r ${LIST_JOINS}`

const LEVEL_RANK = Object.fromEntries(REPORT_LEVELS.map((level, rank) => [level, rank])) as Record<ReportLevel, number>

/** The report statements, synchronous: the async repo wraps them, the seed calls them inside its transaction. */
interface ListShape {
  where: string[]
  params: Record<string, unknown>
  order: 'newest' | 'due'
  /** an area list's overdue filter: the area's column, whose covering index or reports_due serves it (listIndexOf) */
  overdueArea?: AreaColumn
}

/**
 * Below this many reports overdue in the whole store, an area's overdue list reads them from reports_due (due
 * date order) and sorts them; above it, it walks the area's covering index newest first, checking due_at in the
 * index (migration 018): with many overdue, a page is found after a few rows; with few, reports_due is short.
 */
const FEW_OVERDUE = 1000

/**
 * The WHERE of a list query, built from the filters given only (values always bound as parameters): a list
 * and its count (report.counts) share it, so a figure is always the number of rows its list shows.
 */
function shapeOf(q: ReportListQuery): ListShape {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  /** An optional equality filter: in the SQL only when given. */
  const eq = (column: string, name: string, value: unknown) => {
    if (value == null) return
    where.push(`r.${column} = @${name}`)
    params[name] = value
  }
  const overdue = (at: string | undefined) => {
    if (at == null) return
    // written so that the partial due-date indexes (WHERE due_at IS NOT NULL) may serve it
    where.push('r.due_at IS NOT NULL AND r.due_at < @overdueAt')
    params.overdueAt = at
  }
  if (q.kind === 'mine') {
    where.push('r.reporter_id = @reporter')
    params.reporter = q.reporterId
    if (q.open) where.push(`r.status IN ${OPEN}`)
    return { where, params, order: 'newest' }
  }
  if (q.kind === 'public') {
    // the partial index reports_public serves these exact conditions
    where.push('r.community_id = @community', "r.visibility = 'public'", "r.moderation = 'clean'", `r.status NOT IN ${sqlList(UNLISTED_STATUSES)}`)
    params.community = q.communityId
    eq('category', 'category', q.category)
    return { where, params, order: 'newest' }
  }
  if (q.kind === 'queue') {
    if (q.level === 'grid') {
      const names = [...new Set(q.gridIds)].map((g, i) => {
        params[`g${i}`] = g
        return `@g${i}`
      })
      where.push(names.length === 1 ? `r.grid_id = ${names[0]}` : `r.grid_id IN (${names.join(', ') || 'NULL'})`, "r.level = 'grid'")
    } else {
      const area = areaColumnOf(areaOfQueue(q))
      where.push(`r.${area.column} = @area`, `r.level = '${q.level}'`)
      params.area = area.id
      eq('grid_id', 'grid', q.gridId)
    }
    where.push('r.due_at IS NOT NULL')
    eq('status', 'status', q.status)
    overdue(q.overdueAt)
    return { where, params, order: 'due' }
  }
  const area = areaColumnOf(areaOfQuery(q))
  where.push(`r.${area.column} = @area`)
  params.area = area.id
  eq('status', 'status', q.status)
  eq('grid_id', 'grid', q.gridId)
  eq('category', 'category', q.category)
  if (q.createdFrom != null) {
    where.push('r.created_at >= @createdFrom')
    params.createdFrom = q.createdFrom
  }
  if (q.createdTo != null) {
    where.push('r.created_at < @createdTo')
    params.createdTo = q.createdTo
  }
  overdue(q.overdueAt)
  return { where, params, order: 'newest', overdueArea: q.overdueAt == null ? undefined : area.column }
}

export function reportStatements(db: Db) {
  const idem = idempotencyTable(db)
  const writeMessage = messageWriter(db)
  const writeAudit = auditWriter(db)
  const rechecks = recheckStatements(db)
  const byId = db.prepare<[string], ReportRow>(`${FULL} WHERE r.id = ?`)
  const insertReport = db.prepare(`
    INSERT INTO reports (id, community_id, street_id, district_id, city_id, grid_id, reporter_id, category, description, latitude, longitude,
      address, coord_source, anonymous, visibility, moderation, status, level, max_level, assignee_id, accept_by,
      resolve_by, due_at, created_at, updated_at)
    VALUES (@id, @communityId, @streetId, @districtId, @cityId, @gridId, @reporterId, @category, @description, @latitude, @longitude,
      @address, @coordSource, @anonymous, @visibility, @moderation, 'submitted', 'grid', 'grid', @assigneeId, @acceptBy,
      @resolveBy, @acceptBy, @createdAt, @createdAt)`)
  const insertEvent = db.prepare(`
    INSERT INTO report_events (report_id, at, actor_id, action, note, status, level, to_user_id, department_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const fileOwner = db.prepare<[string], { owner_id: string; attached: number }>(
    'SELECT f.owner_id, EXISTS (SELECT 1 FROM report_photos p WHERE p.file_id = f.id) AS attached FROM files f WHERE f.id = ?',
  )
  const insertPhoto = db.prepare('INSERT INTO report_photos (report_id, file_id, event_id, seq) VALUES (?, ?, ?, ?)')
  const deleteOwnPhotos = db.prepare('DELETE FROM report_photos WHERE report_id = ? AND event_id IS NULL')
  const updateReport = db.prepare(`
    UPDATE reports SET status = @status, level = @level, max_level = @maxLevel, grid_id = @gridId, assignee_id = @assigneeId,
      category = @category, description = @description, anonymous = @anonymous, visibility = @visibility,
      moderation = @moderation, accept_by = @acceptBy, resolve_by = @resolveBy, due_at = @dueAt,
      reopen_count = @reopenCount, accepted_at = @acceptedAt, resolved_at = @resolvedAt, closed_at = @closedAt,
      rating = @rating, rating_comment = @ratingComment, rated_at = @ratedAt, updated_at = @at, version = version + 1
    WHERE id = @id AND version = @version`)
  const upsertMediation = db.prepare(`
    INSERT INTO mediations (report_id, kind, parties, outcome, agreement, updated_at, updated_by)
    VALUES (@id, @kind, @parties, @outcome, @agreement, @at, @by)
    ON CONFLICT (report_id) DO UPDATE SET kind = excluded.kind, parties = excluded.parties,
      outcome = COALESCE(excluded.outcome, mediations.outcome),
      agreement = CASE WHEN excluded.outcome IS NULL THEN mediations.agreement ELSE excluded.agreement END,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
  const insertSession = db.prepare(
    'INSERT INTO mediation_sessions (report_id, date, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)',
  )
  const writeDispatch = dispatchWriter(db)

  /** Every photo must be the owner's file and attached to nothing (checked inside the caller's transaction). */
  function photosUsable(ids: string[], ownerId: string): boolean {
    return ids.every((id) => {
      const f = fileOwner.get(id)
      return !!f && f.owner_id === ownerId && f.attached === 0
    })
  }

  function addEvent(reportId: string, at: string, e: NewReportEvent, status: ReportStatus, level: ReportLevel): number {
    return Number(insertEvent.run(reportId, at, e.actorId, e.action, e.note, status, level, e.toUserId, e.departmentId ?? null).lastInsertRowid)
  }

  const load = (id: string) => {
    const row = byId.get(id)
    return row ? reportRecord(row) : null
  }

  /** report.create's writes, reading nothing back: the id of the report created or replayed. */
  const insertNew = (r: NewReport, photoIds: string[], messages: NewMessage[], key: IdempotencyKey | null): InsertOutcome => {
    const prior = idem.lookup<{ reportId: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') return { kind: 'replayed', id: prior.result.reportId }
    if (!photosUsable(photoIds, r.reporterId)) return { kind: 'badPhotos' }
    const { unchecked, ...row } = r
    insertReport.run({ ...row, anonymous: r.anonymous ? 1 : 0 })
    if (unchecked) rechecks.queue(r.id, r.createdAt)
    photoIds.forEach((f, i) => insertPhoto.run(r.id, f, null, i))
    addEvent(r.id, r.createdAt, { actorId: r.reporterId, action: 'create', note: null, toUserId: null }, 'submitted', 'grid')
    for (const m of messages) writeMessage(m)
    idem.store(key, { reportId: r.id }, r.createdAt)
    return { kind: 'created', id: r.id }
  }
  /** The writes alone, for report.create: its reply reads the report once, after the commit (reportRepo.create). */
  const insert = db.transaction(insertNew)
  /** The writes and the new report's record, for those that create a report inside their own transaction. */
  const create = db.transaction(
    (r: NewReport, photoIds: string[], messages: NewMessage[], key: IdempotencyKey | null): ReportCreateOutcome => {
      const out = insertNew(r, photoIds, messages, key)
      if (out.kind === 'keyReused' || out.kind === 'badPhotos') return out
      const report = load(out.id) as ReportRecord
      return out.kind === 'created' ? { kind: 'created', report } : { kind: 'replayed', report }
    },
  )

  const change = db.transaction((c: ReportChange): ReportChangeOutcome => {
    // the retry key first, in the same transaction as the conditional UPDATE: two identical retries racing
    // from two processes are one change (the second waits for the lock, then finds the key)
    const prior = idem.lookup<{ reportId: string }>(c.idem ?? null)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') return { kind: 'replayed', report: load(prior.result.reportId) as ReportRecord }
    const p = c.patch
    const due = dueAt(p.status, p.acceptBy, p.resolveBy)
    const res = updateReport.run({
      ...p,
      id: c.id,
      version: c.version,
      at: c.at,
      dueAt: due,
      anonymous: p.anonymous ? 1 : 0,
      maxLevel: LEVEL_RANK[p.level] > LEVEL_RANK[p.maxLevel] ? p.level : p.maxLevel,
    })
    if (res.changes !== 1) return { kind: 'conflict' }
    if (c.recheck === 'queue') rechecks.queue(c.id, c.at)
    else if (c.recheck === 'drop') rechecks.drop(c.id)
    if (c.reportPhotoIds) {
      deleteOwnPhotos.run(c.id)
      if (!photosUsable(c.reportPhotoIds, c.photoOwnerId)) throw new BadPhotos()
      c.reportPhotoIds.forEach((f, i) => insertPhoto.run(c.id, f, null, i))
    }
    const eventId = addEvent(c.id, c.at, c.event, p.status, p.level)
    if (c.eventPhotoIds.length > 0) {
      if (!photosUsable(c.eventPhotoIds, c.photoOwnerId)) throw new BadPhotos()
      c.eventPhotoIds.forEach((f, i) => insertPhoto.run(c.id, f, eventId, i))
    }
    if (c.mediation) {
      const m = c.mediation
      upsertMediation.run({
        id: c.id,
        kind: m.kind,
        parties: JSON.stringify(m.parties),
        outcome: m.outcome,
        agreement: m.agreement,
        at: c.at,
        by: c.event.actorId,
      })
      if (m.session) insertSession.run(c.id, m.session.date, m.session.note, c.event.actorId, c.at)
    }
    // thrown when the dispatch moved meanwhile (or a live one exists): the UPDATE above rolls back with it
    if (c.dispatch && !writeDispatch(c.id, c.at, c.dispatch)) throw new DispatchRaced()
    for (const m of c.messages) writeMessage(m)
    if (c.audit) writeAudit(c.audit)
    idem.store(c.idem ?? null, { reportId: c.id }, c.at)
    return { kind: 'done', report: load(c.id) as ReportRecord }
  })

  return {
    load,
    idem,
    rechecks,
    create,
    insert,
    change(c: ReportChange): ReportChangeOutcome {
      try {
        return change.immediate(c)
      } catch (e) {
        // thrown inside the transaction so that the UPDATE and the event roll back with it
        if (e instanceof BadPhotos) return { kind: 'badPhotos' }
        if (e instanceof DispatchRaced) return { kind: 'conflict' }
        throw e
      }
    },
  }
}

type InsertOutcome = { kind: 'created' | 'replayed'; id: string } | { kind: 'keyReused' } | { kind: 'badPhotos' }

class BadPhotos extends Error {}
class DispatchRaced extends Error {}

export function reportRepo(db: Db): ReportRepo {
  const st = reportStatements(db)
  const write = writerOf(db)
  const writeAudit = auditWriter(db)
  const writeMessage = messageWriter(db)

  const eventsOf = db.prepare<[string], ReportEventRow>(`
    SELECT e.id, e.at, e.actor_id, u.name AS actor_name,
      (SELECT json_group_array(role) FROM user_roles ur WHERE ur.user_id = e.actor_id) AS actor_roles,
      e.action, e.note, e.status, e.level, e.to_user_id, ed.name AS department_name,
      (SELECT json_group_array(file_id) FROM (SELECT p.file_id FROM report_photos p WHERE p.report_id = e.report_id AND p.event_id = e.id ORDER BY p.seq)) AS photo_ids
    FROM report_events e LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN departments ed ON ed.id = e.department_id
    WHERE e.report_id = ? ORDER BY e.id`)
  const photosOf = db.prepare<[string], { file_id: string }>(
    'SELECT file_id FROM report_photos WHERE report_id = ? AND event_id IS NULL ORDER BY seq',
  )
  const heldOf = db.prepare<[string], { file_id: string; owner_id: string }>(
    "SELECT p.file_id, f.owner_id FROM report_photos p JOIN files f ON f.id = p.file_id WHERE p.report_id = ? AND f.check_status NOT IN ('none', 'pass') ORDER BY p.file_id",
  )
  const departmentStaff = db.prepare<[string], { id: string }>(
    "SELECT dm.user_id AS id FROM department_members dm WHERE dm.department_id = ? AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = dm.user_id AND ur.role = 'department') ORDER BY dm.user_id",
  )
  const mediationOf = db.prepare<[string], MediationRow>('SELECT kind, parties, outcome, agreement, updated_at FROM mediations WHERE report_id = ?')
  const sessionsOf = db.prepare<[string], MediationSessionRow>(`SELECT s.date, s.note, s.recorded_by, u.name,
      (SELECT json_group_array(role) FROM user_roles ur WHERE ur.user_id = s.recorded_by) AS roles
    FROM mediation_sessions s JOIN users u ON u.id = s.recorded_by WHERE s.report_id = ? ORDER BY s.id`)
  const supported = db.prepare<[string, string], { x: number }>(
    'SELECT 1 AS x FROM report_supports WHERE report_id = ? AND user_id = ?',
  )

  const nearbyQ = db.prepare<Record<string, unknown>, ReportRow>(`${BRIEF}
    WHERE r.category = @category AND r.latitude BETWEEN @minLat AND @maxLat AND r.longitude BETWEEN @minLng AND @maxLng
      AND r.visibility = 'public' AND r.moderation = 'clean' AND r.status IN ${OPEN} AND r.community_id = @community
    -- nearest first already here (a flat-earth distance is enough to rank within 200 m), so a busy spot keeps its closest
    ORDER BY (r.latitude - @lat) * (r.latitude - @lat) + (r.longitude - @lng) * (r.longitude - @lng) * @cos2
    LIMIT 200`)

  const supportInsert = db.prepare(`
    INSERT INTO report_supports (report_id, user_id, at)
    SELECT @id, @user, @at WHERE EXISTS (
      SELECT 1 FROM reports WHERE id = @id AND visibility = 'public' AND moderation = 'clean' AND status IN ${OPEN})
    ON CONFLICT DO NOTHING`)
  const supportBump = db.prepare('UPDATE reports SET supporters = supporters + ? WHERE id = ?')
  const supportGet = db.prepare<Record<string, unknown>, { supporters: number; open: number }>(`
    SELECT supporters, (visibility = 'public' AND moderation = 'clean' AND status IN ${OPEN}) AS open FROM reports WHERE id = @id`)
  const hasSupport = db.prepare<Record<string, unknown>, { x: number }>(
    'SELECT 1 AS x FROM report_supports WHERE report_id = @id AND user_id = @user',
  )
  const supportTx = db.transaction((id: string, user: string, at: string, key: IdempotencyKey | null): ReportSupportOutcome => {
    const prior = st.idem.lookup<{ reportId: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') return { kind: 'replayed', supporters: supportGet.get({ id })?.supporters ?? 0 }
    const added = supportInsert.run({ id, user, at }).changes
    if (added > 0) supportBump.run(added, id)
    const row = supportGet.get({ id })
    if (!row) return { kind: 'closed' }
    if (added === 0 && !hasSupport.get({ id, user })) return { kind: 'closed' }
    st.idem.store(key, { reportId: id }, at)
    return { kind: 'done', supporters: row.supporters, added: added > 0 }
  })

  /**
   * List statements built from the filters given only (values always bound as parameters): an absent filter is
   * not in the SQL, so the planner can pick the index of the filters that are (e.g. reports(community_id, status,
   * seq) for a rare status) instead of walking the whole area newest first. One prepared statement per shape.
   */
  const shapes = new Map<string, Statement<Record<string, unknown>, ReportListRow>>()
  const countShapes = new Map<string, Statement<Record<string, unknown>, { n: number }>>()
  const overdueInStore = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM reports INDEXED BY reports_due WHERE due_at IS NOT NULL AND due_at < ? LIMIT ${FEW_OVERDUE})`,
  )
  /** The index an area's overdue list reads (the planner, knowing no counts, would take reports_due every time). */
  const listIndexOf = (shape: ListShape): string => {
    if (!shape.overdueArea) return ''
    const few = (overdueInStore.get(shape.params.overdueAt as string)?.n ?? 0) < FEW_OVERDUE
    if (few) return 'INDEXED BY reports_due'
    // a grid is a small part of its area: its own covering index holds its reports newest first
    return `INDEXED BY reports_${shape.params.grid != null ? 'grid' : shape.overdueArea.replace('_id', '')}_cover`
  }
  const listPage = (shape: ListShape, where: string[], params: Record<string, unknown>): ReportListRow[] => {
    const order = shape.order
    const sql = `${LIST.replace('FROM reports r', `FROM reports r ${listIndexOf(shape)}`)} WHERE ${where.join(' AND ')} ${order === 'newest' ? 'ORDER BY r.seq DESC' : 'ORDER BY r.due_at, r.seq'} LIMIT @limit`
    let st = shapes.get(sql)
    if (!st) {
      st = db.prepare<Record<string, unknown>, ReportListRow>(sql)
      shapes.set(sql, st)
    }
    return st.all(params)
  }

  const workers = db.prepare<[string], { id: string }>(`
    SELECT ug.user_id AS id FROM user_grids ug
    WHERE ug.grid_id = ? AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = ug.user_id AND ur.role = 'gridWorker')
    ORDER BY ug.user_id`)
  const committeeOf = db.prepare<[string], { id: string }>(`
    SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'committee'
    WHERE u.community_id = ? ORDER BY u.id`)
  const tierStaff = {
    street: db.prepare<[string], { id: string }>(tierStaffSql('street', '?')),
    district: db.prepare<[string], { id: string }>(tierStaffSql('district', '?')),
    city: db.prepare<[string], { id: string }>(tierStaffSql('city', '?')),
  }

  // in creation order: the messages' ids are drawn in it. It runs before every read of a list: reports_settle holds
  // only what awaits a rating (the planner, knowing no counts, would walk the area's whole covering index)
  const dueCloseOf = (column: AreaColumn) =>
    db.prepare<Record<string, unknown>, { id: string }>(
      `SELECT id FROM reports INDEXED BY reports_settle WHERE status = 'resolved' AND resolved_at < @before AND ${column} = @area ORDER BY seq`,
    )
  const dueClose: Record<AreaColumn, Statement<Record<string, unknown>, { id: string }>> = {
    community_id: dueCloseOf('community_id'),
    street_id: dueCloseOf('street_id'),
    district_id: dueCloseOf('district_id'),
    city_id: dueCloseOf('city_id'),
  }
  const closeOne = db.prepare(`
    UPDATE reports SET status = 'closed', closed_at = @at, due_at = NULL, updated_at = @at, version = version + 1
    WHERE id = @id AND status = 'resolved' AND resolved_at < @before
    RETURNING reporter_id, level, category, substr(description, 1, 30) AS excerpt`)
  const insertEvent = db.prepare(`
    INSERT INTO report_events (report_id, at, actor_id, action, note, status, level, to_user_id)
    VALUES (?, ?, NULL, 'autoClose', ?, 'closed', ?, NULL)`)
  const autoCloseTx = db.transaction((ids: string[], before: string, at: string, newId: () => string) => {
    const written: NewMessage[] = []
    for (const id of ids) {
      const row = closeOne.get({ id, at, before }) as { reporter_id: string; level: ReportLevel; excerpt: string } | undefined
      if (!row) continue
      insertEvent.run(id, at, '办结后 7 天未评价，自动结案', row.level)
      const message: NewMessage = {
        id: newId(),
        userId: row.reporter_id,
        kind: 'report',
        title: '您反映的问题已结案',
        body: `“${row.excerpt}”办结后 7 天未评价，已自动结案。`,
        target: { type: 'report', id },
        createdAt: at,
      }
      writeMessage(message)
      written.push(message)
    }
    return written
  })

  /**
   * The overview's statements, one set per kind of area: its units in order, its tallies (report_tallies, kept by
   * triggers) summed per unit, and its overdue reports per unit: from reports_due when few are overdue in the store,
   * else from the area's covering index (due_at and the unit are in its key: no report is read), as the lists do.
   */
  const countsOf = (column: AreaColumn) => {
    const p = { area: '@area', grid: '@grid', now: '@now' }
    const overdue = overdueByUnitSql(column, p)
    return {
      units: db.prepare<Record<string, unknown>, { id: string; name: string }>(`SELECT id, name FROM (${unitsSql(column, p).list}) ORDER BY ord`),
      tallies: db.prepare<Record<string, unknown>, TallyRow>(talliesSql(column, p)),
      overdueFew: db.prepare<Record<string, unknown>, { unit: string; n: number }>(overdue.replace('FROM reports r', 'FROM reports r INDEXED BY reports_due')),
      overdueMany: db.prepare<Record<string, unknown>, { unit: string; n: number }>(
        overdue.replace('FROM reports r', `FROM reports r INDEXED BY reports_${column.replace('_id', '')}_cover`),
      ),
    }
  }
  const countsQ: Record<AreaColumn, ReturnType<typeof countsOf>> = {
    community_id: countsOf('community_id'),
    street_id: countsOf('street_id'),
    district_id: countsOf('district_id'),
    city_id: countsOf('city_id'),
  }
  // one read transaction: the three reads see the same snapshot
  const readCounts = db.transaction((q: ReturnType<typeof countsOf>, params: Record<string, unknown>) => {
    const few = (overdueInStore.get(params.now as string)?.n ?? 0) < FEW_OVERDUE
    return assembleCounts(q.units.all(params), q.tallies.all(params), (few ? q.overdueFew : q.overdueMany).all(params))
  })

  const deadlinesOf = db.prepare<[string], { category: ReportCategory; days: number }>(
    'SELECT category, days FROM report_deadlines WHERE community_id = ?',
  )
  const upsertDeadline = db.prepare(`
    INSERT INTO report_deadlines (community_id, category, days) VALUES (?, ?, ?)
    ON CONFLICT (community_id, category) DO UPDATE SET days = excluded.days`)
  const setDeadlinesTx = db.transaction((communityId: string, days: Partial<Record<ReportCategory, number>>, audit) => {
    for (const [category, n] of Object.entries(days)) if (n !== undefined) upsertDeadline.run(communityId, category, n)
    writeAudit(audit)
  })

  /** A report with all its view shows: its record, photos, timeline, mediation and whether the viewer supports it. */
  const detailOf = (id: string, viewerId: string): ReportDetailRecord | null => {
    const report = st.load(id)
    if (!report) return null
    const events = eventsOf.all(id).map(reportEventRecord)
    const m = mediationOf.get(id)
    const mediation = m ? mediationRecord(m, sessionsOf.all(id)) : null
    return {
      report,
      photoIds: photosOf.all(id).map((p) => p.file_id),
      heldPhotos: heldOf.all(id).map((p) => ({ id: p.file_id, ownerId: p.owner_id })),
      events,
      mediation,
      supportedByMe: !!supported.get(id, viewerId),
    }
  }

  /** The detail of a report just created: what its insert fixed is not read again (as newReportDetail on PostgreSQL). */
  const newDetailOf = (id: string, photoIds: string[]): ReportDetailRecord | null => {
    const report = st.load(id)
    if (!report) return null
    return {
      report,
      photoIds,
      heldPhotos: photoIds.length > 0 ? heldOf.all(id).map((p) => ({ id: p.file_id, ownerId: p.owner_id })) : [],
      events: eventsOf.all(id).map(reportEventRecord),
      mediation: null,
      supportedByMe: false,
    }
  }

  return {
    async create(report, photoIds, messages, key) {
      const out = await write(() => st.insert.immediate(report, photoIds, messages, key))
      if (out.kind === 'keyReused' || out.kind === 'badPhotos') return out
      // read once, after the commit (outside the write lock): the reply is built from this
      const detail = out.kind === 'created' ? newDetailOf(out.id, photoIds) : detailOf(out.id, report.reporterId)
      if (!detail) throw new Error(`report ${out.id} vanished`)
      return { kind: out.kind, detail }
    },
    async get(id) {
      return st.load(id)
    },
    async detail(id, viewerId) {
      return detailOf(id, viewerId)
    },
    async nearby(communityId, category, box) {
      const lat = (box.minLat + box.maxLat) / 2
      const lng = (box.minLng + box.maxLng) / 2
      const cos2 = Math.cos((lat * Math.PI) / 180) ** 2
      return nearbyQ.all({ ...box, lat, lng, cos2, category, community: communityId }).map(reportRecord)
    },
    async support(id, userId, at, key) {
      return supportTx.immediate(id, userId, at, key)
    },
    async list(q: ReportListQuery, { limit, after }) {
      const page = (shape: ListShape): ReportListRow[] => {
        const where = [...shape.where]
        const params: Record<string, unknown> = { ...shape.params, limit }
        if (shape.order === 'newest') {
          if (after) {
            where.push('r.seq < @cSeq')
            params.cSeq = after.seq
          }
        } else {
          const cursor = after && 'dueAt' in after ? after : null
          if (cursor) {
            where.push('(r.due_at, r.seq) > (@cDue, @cSeq)')
            Object.assign(params, { cDue: cursor.dueAt, cSeq: cursor.seq })
          }
        }
        return listPage(shape, where, params)
      }
      if (q.kind === 'queue' && q.level === 'grid') {
        // one index walk per grid (each in deadline order), merged: a worker's grids never sort the whole table
        return [...new Set(q.gridIds)]
          .flatMap((grid) => page(shapeOf({ ...q, gridIds: [grid] })))
          .sort((a, b) => (a.due_at! < b.due_at! ? -1 : a.due_at! > b.due_at! ? 1 : a.seq - b.seq))
          .slice(0, limit)
          .map(reportListItem)
      }
      return page(shapeOf(q)).map(reportListItem)
    },
    async count(q: ReportListQuery) {
      const shape = shapeOf(q)
      const { where, params } = shape
      const sql = `SELECT count(*) AS n FROM reports r ${listIndexOf(shape)} WHERE ${where.join(' AND ')}`
      let st = countShapes.get(sql)
      if (!st) {
        st = db.prepare<Record<string, unknown>, { n: number }>(sql)
        countShapes.set(sql, st)
      }
      return st.get(params)?.n ?? 0
    },
    async change(c) {
      return st.change(c)
    },
    async keyState(key) {
      const prior = st.idem.lookup(key)
      return prior.kind === 'none' ? 'new' : prior.kind
    },
    async handlersOf(level, place) {
      if (level === 'grid') return workers.all(place.gridId).map((r) => r.id)
      if (level === 'community') return committeeOf.all(place.communityId).map((r) => r.id)
      const id = place[TIER_KEY[level]]
      return id ? tierStaff[level].all(id).map((r) => r.id) : []
    },
    async workersOf(gridId) {
      return workers.all(gridId).map((r) => r.id)
    },
    async departmentMembers(departmentId) {
      return departmentStaff.all(departmentId).map((r) => r.id)
    },
    async autoClose(area, before, at, newId) {
      const { column, id } = areaColumnOf(area)
      const ids = dueClose[column].all({ before, area: id })
      if (ids.length === 0) return []
      return autoCloseTx.immediate(
        ids.map((r) => r.id),
        before,
        at,
        newId,
      )
    },
    async counts(area, { gridId, now }): Promise<ReportCounts> {
      const { column, id } = areaColumnOf(area)
      const q = countsQ[column]
      const params = { area: id, grid: gridId ?? null, now }
      return readCounts.deferred(q, params)
    },
    async deadlines(communityId) {
      return Object.fromEntries(deadlinesOf.all(communityId).map((d) => [d.category, d.days]))
    },
    async setDeadlines(communityId, days, audit) {
      setDeadlinesTx.immediate(communityId, days, audit)
    },
    async dueRechecks(now, limit) {
      return st.rechecks.due(now, limit)
    },
    async settleRecheck(reportId, version, outcome) {
      return st.rechecks.settle(reportId, version, outcome)
    },
  }
}
