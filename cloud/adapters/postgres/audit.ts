import type { Pool } from 'pg'
import type { AuditEntry, AuditRecord, AuditRepo } from '../../shared/ports'
import { rows, type Queryable } from './tx'

/** The insert used inside other repositories' transactions, so an action and its audit entry commit together. */
export async function writeAudit(db: Queryable, e: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.at, e.actorId, e.action, e.targetType, e.targetId, e.communityId, e.detail ? JSON.stringify(e.detail) : null],
  )
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

export function auditRepo(pool: Pool): AuditRepo {
  return {
    async list({ targetId, limit }) {
      const found = targetId
        ? await rows<AuditRow>(pool, 'SELECT * FROM audit_log WHERE target_id = $1 ORDER BY id DESC LIMIT $2', [targetId, limit])
        : await rows<AuditRow>(pool, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT $1', [limit])
      return found.map(toRecord)
    },
  }
}
