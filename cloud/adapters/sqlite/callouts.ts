import { checkinWindow } from '@/domain/shared/onSite'
import type { AnswerOutcome, CalloutCheckinOutcome, CalloutCreateOutcome, CalloutRecord, CalloutRepo, CloseOutcome, ExtendOutcome } from '../../callouts/ports'
import {
  answerGate,
  ATTENDANCE,
  attendanceRecord,
  CALLOUT_BY_ID,
  calloutRecord,
  checkinGate,
  listSql,
  OVERLAPPING_SHIFT,
  RECIPIENT,
  recipientRecord,
  SIGNED_UP,
  tasksSql,
  UNANSWERED,
  type CalloutRow,
  type RecipientRow,
  type TaskRow,
} from '../rows/callouts'
import { auditWriter } from './audit'
import { idempotencyTable } from './idempotency'
import { messageWriter } from './messages'
import type { Db } from './open'

/** 社会动员 call-outs on SQLite: every write one IMMEDIATE transaction (a single writer, so each check holds until commit). */
export function calloutRepo(db: Db): CalloutRepo {
  const idem = idempotencyTable(db)
  const writeAudit = auditWriter(db)
  const writeMessage = messageWriter(db)
  const byId = db.prepare<[string], CalloutRow>(CALLOUT_BY_ID)
  const recipientOf = db.prepare<[string, string], RecipientRow>(RECIPIENT)
  const signedUp = db.prepare<[string], { user_id: string }>(SIGNED_UP)
  const insertCallout = db.prepare(`
    INSERT INTO callouts (id, community_id, title, kind, description, place, latitude, longitude, radius, start_at, end_at,
      to_volunteers, to_residents, grid_ids, recipients, created_by, created_at)
    VALUES (@id, @communityId, @title, @kind, @description, @place, @latitude, @longitude, @radius, @startAt, @endAt,
      @toVolunteers, @toResidents, @gridIds, 0, @createdBy, @createdAt)`)
  const insertTask = db.prepare('INSERT INTO callout_tasks (id, callout_id, position, name, capacity) VALUES (?, ?, ?, ?, ?)')
  const insertRecipients = db.prepare<unknown[], { user_id: string }>(`
    INSERT INTO callout_recipients (callout_id, user_id)
    SELECT ?, u.id FROM users u
    WHERE u.community_id = ? AND u.verified = 1 AND u.roster_only = 0 AND u.grid_id IN (SELECT value FROM json_each(?))
      AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ((? = 1 AND ur.role = 'volunteer') OR (? = 1 AND ur.role = 'resident')))
    RETURNING user_id`)
  const insertMessages = db.prepare(`
    INSERT INTO messages (id, user_id, kind, title, body, target_type, target_id, created_at, read_at)
    SELECT ? || '_' || r.user_id, r.user_id, 'shift', ?, ?, 'callout', r.callout_id, ?, NULL FROM callout_recipients r WHERE r.callout_id = ?`)
  const setRecipients = db.prepare('UPDATE callouts SET recipients = ? WHERE id = ?')
  const task = db.prepare<[string, string], { id: string }>('SELECT id FROM callout_tasks WHERE id = ? AND callout_id = ?')
  const overlapping = db.prepare<[string, string, string], { id: string; title: string; start_at: string }>(OVERLAPPING_SHIFT)
  const take = db.prepare('UPDATE callout_tasks SET taken = taken + 1 WHERE id = ? AND taken < capacity')
  const free = db.prepare('UPDATE callout_tasks SET taken = taken - 1 WHERE id = ? AND taken > 0')
  const writeAnswer = db.prepare('UPDATE callout_recipients SET answer = ?, task_id = ?, answered_at = ? WHERE callout_id = ? AND user_id = ?')
  const writeCheckin = db.prepare(`
    UPDATE callout_recipients SET checkin_at = ?, checkin_lat = ?, checkin_lng = ?, checkin_accuracy = ?, checkin_coord = ?, checkin_distance = ?
    WHERE callout_id = ? AND user_id = ? AND answer = 'yes' AND checkin_at IS NULL`)
  const markClosed = db.prepare(`UPDATE callouts SET status = 'closed', closed_at = ?, close_reason = ?, end_at = ? WHERE id = ? AND status = 'open'`)
  const moveEnd = db.prepare(`UPDATE callouts SET end_at = ? WHERE id = ? AND status = 'open'`)

  function load(id: string): CalloutRecord | null {
    const r = byId.get(id)
    return r ? calloutRecord(r, db.prepare<string[], TaskRow>(tasksSql(1)).all(id)) : null
  }

  const create = db.transaction((...[c, message, audit, key]: Parameters<CalloutRepo['create']>): CalloutCreateOutcome => {
    const prior = idem.lookup<{ calloutId: string }>(key)
    if (prior.kind === 'keyReused') return { kind: 'keyReused' }
    if (prior.kind === 'replayed') return { kind: 'replayed', callout: load(prior.result.calloutId)! }
    insertCallout.run({ ...c, toVolunteers: c.toVolunteers ? 1 : 0, toResidents: c.toResidents ? 1 : 0, gridIds: JSON.stringify(c.gridIds) })
    c.tasks.forEach((t, i) => insertTask.run(t.id, c.id, i, t.name, t.capacity))
    const ids = insertRecipients.all(c.id, c.communityId, JSON.stringify(c.gridIds), c.toVolunteers ? 1 : 0, c.toResidents ? 1 : 0).map((r) => r.user_id)
    setRecipients.run(ids.length, c.id)
    insertMessages.run(`m_${c.id}`, message.title, message.body, c.createdAt, c.id)
    writeAudit({ ...audit, detail: { ...audit.detail, recipients: ids.length } })
    idem.store(key, { calloutId: c.id }, c.createdAt)
    return { kind: 'created', callout: load(c.id)!, recipientIds: ids }
  })

  const answer = db.transaction((calloutId: string, userId: string, a: 'yes' | 'no', taskId: string | null, at: string): AnswerOutcome => {
    const c = byId.get(calloutId) ?? null
    const r = recipientOf.get(calloutId, userId) ?? null
    const gate = answerGate(c, r, at)
    if (gate.kind === 'refuse') return { kind: gate.outcome }
    if (a === 'yes') {
      if (!taskId || !task.get(taskId, calloutId)) return { kind: 'noTask' }
      const clash = overlapping.get(userId, c!.end_at, c!.start_at)
      if (clash) return { kind: 'overlap', with: { id: clash.id, title: clash.title, startAt: clash.start_at } }
      if (r!.task_id !== taskId) {
        if (take.run(taskId).changes !== 1) return { kind: 'full' }
        if (r!.task_id) free.run(r!.task_id)
      }
    } else if (r!.task_id) free.run(r!.task_id)
    writeAnswer.run(a, a === 'yes' ? taskId : null, at, calloutId, userId)
    return { kind: 'answered', recipient: recipientRecord(recipientOf.get(calloutId, userId)!) }
  })

  const checkin = db.transaction((calloutId: string, userId: string, fix: Parameters<CalloutRepo['checkin']>[2]): CalloutCheckinOutcome => {
    const c = byId.get(calloutId) ?? null
    const r = recipientOf.get(calloutId, userId) ?? null
    const gate = checkinGate(c, r, c ? checkinWindow({ startAt: c.start_at, endAt: c.end_at }, fix.at) : 'open', fix.inside)
    if (gate === 'already') return { kind: 'already', recipient: recipientRecord(r!) }
    if (gate !== 'go') return { kind: gate }
    writeCheckin.run(fix.at, fix.latitude, fix.longitude, fix.accuracy, fix.coordSystem, fix.distance, calloutId, userId)
    return { kind: 'checkedIn', recipient: recipientRecord(recipientOf.get(calloutId, userId)!) }
  })

  const close = db.transaction((...[id, reason, at, endAt, compose, audit]: Parameters<CalloutRepo['close']>): CloseOutcome => {
    const c = byId.get(id)
    if (!c) return { kind: 'notFound' }
    if (c.status === 'closed') return { kind: 'alreadyClosed' }
    if (at >= c.end_at) return { kind: 'ended' }
    markClosed.run(at, reason, endAt, id)
    const callout = load(id)!
    const messages = compose(callout, signedUp.all(id).map((s) => s.user_id))
    for (const m of messages) writeMessage(m)
    writeAudit(audit)
    return { kind: 'closed', callout, messages }
  })

  const extend = db.transaction((...[id, endAt, at, maxEndAt, compose, audit]: Parameters<CalloutRepo['extend']>): ExtendOutcome => {
    const c = byId.get(id)
    if (!c) return { kind: 'notFound' }
    if (c.status === 'closed') return { kind: 'closed' }
    if (at >= c.end_at) return { kind: 'ended' }
    if (endAt <= c.end_at) return { kind: 'notLater' }
    if (endAt > maxEndAt) return { kind: 'tooLong' }
    moveEnd.run(endAt, id)
    const callout = load(id)!
    const messages = compose(callout, signedUp.all(id).map((s) => s.user_id))
    for (const m of messages) writeMessage(m)
    writeAudit(audit)
    return { kind: 'extended', callout, messages }
  })

  return {
    async create(c, message, audit, key) {
      return create.immediate(c, message, audit, key)
    },
    async get(id) {
      return load(id)
    },
    async list(q) {
      const head = q.communityId ? ['community', q.communityId] as const : ['recipient', q.recipientId!] as const
      const a = q.after
      const params: unknown[] = [q.now, head[1], ...(a ? [a.rank, a.rank, a.startAt, a.startAt, a.seq] : []), q.limit]
      const rows = db.prepare<unknown[], CalloutRow>(listSql(head[0], a !== null)).all(...params)
      const tasks = rows.length ? db.prepare<string[], TaskRow>(tasksSql(rows.length)).all(...rows.map((r) => r.id)) : []
      return rows.map((r) => ({ ...calloutRecord(r, tasks), rank: Number(r.rank) }))
    },
    async recipient(calloutId, userId) {
      const r = recipientOf.get(calloutId, userId)
      return r ? recipientRecord(r) : null
    },
    async unanswered(calloutId, limit) {
      return db.prepare<[string, number], { user_id: string; name: string }>(UNANSWERED).all(calloutId, limit).map((r) => ({ userId: r.user_id, name: r.name }))
    },
    async answer(calloutId, userId, a, taskId, at) {
      return answer.immediate(calloutId, userId, a, taskId, at)
    },
    async checkin(calloutId, userId, fix) {
      return checkin.immediate(calloutId, userId, fix)
    },
    async close(...args) {
      return close.immediate(...args)
    },
    async extend(...args) {
      return extend.immediate(...args)
    },
    async attendance(userId) {
      return db.prepare<[string], Parameters<typeof attendanceRecord>[0]>(ATTENDANCE).all(userId).map(attendanceRecord)
    },
  }
}
