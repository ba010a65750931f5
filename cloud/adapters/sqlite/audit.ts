import type { AuditEntry, AuditRecord, AuditRepo } from '../../shared/ports'
import type { Db } from './open'

/** The insert used inside other repositories' transactions, so an action and its audit entry commit together. */
export function auditWriter(db: Db): (e: AuditEntry) => void {
  const insert = db.prepare(`
    INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id, detail)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  return (e) => {
    insert.run(e.at, e.actorId, e.action, e.targetType, e.targetId, e.communityId, e.detail ? JSON.stringify(e.detail) : null)
  }
}

interface AuditRow {
  id: number
  at: string
  actor_id: string
  action: string
  target_type: string
  target_id: string
  community_id: string | null
  detail: string | null
}

export function auditRepo(db: Db): AuditRepo {
  const all = db.prepare<[number], AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?')
  const byTarget = db.prepare<[string, number], AuditRow>(
    'SELECT * FROM audit_log WHERE target_id = ? ORDER BY id DESC LIMIT ?',
  )
  const toRecord = (r: AuditRow): AuditRecord => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    communityId: r.community_id,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : undefined,
  })
  return {
    async list({ targetId, limit }) {
      const rows = targetId ? byTarget.all(targetId, limit) : all.all(limit)
      return rows.map(toRecord)
    },
  }
}
