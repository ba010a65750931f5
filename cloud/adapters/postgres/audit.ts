import type { Pool } from 'pg'
import type { AuditArea, AuditEntry, AuditFilter, AuditRecord, AuditRepo, AuditScope } from '../../shared/ports'
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

/** The reader's scope: its communities (one array parameter however many) and maybe the system rows. */
const scopeClause = (s: AuditScope, n: number): string =>
  s.system ? `(community_id = ANY($${n}::text[]) OR community_id IS NULL)` : `community_id = ANY($${n}::text[])`

/**
 * audit.actions: a loose index scan on audit_community_action (migration 036) — from each community's first name to
 * its next, one seek per distinct name (and one for the system rows when in scope), however many entries there are.
 * The system rows' seeks are spelled ORDER BY community_id, action LIMIT 1: under `IS NULL` neither min() nor an
 * order by the action alone is planned as an index seek.
 */
const DISTINCT_ACTIONS = `
  WITH RECURSIVE
    hop(cid, action) AS (
      SELECT c, (SELECT min(action COLLATE "C") FROM audit_log WHERE community_id = c) FROM unnest($1::text[]) AS c
      UNION ALL
      SELECT cid, (SELECT min(action COLLATE "C") FROM audit_log WHERE community_id = hop.cid AND action COLLATE "C" > hop.action)
      FROM hop WHERE action IS NOT NULL),
    sys(action) AS (
      SELECT (SELECT action COLLATE "C" FROM audit_log WHERE community_id IS NULL ORDER BY community_id, 1 LIMIT 1) WHERE $2::boolean
      UNION ALL
      SELECT (SELECT action COLLATE "C" FROM audit_log WHERE community_id IS NULL AND action COLLATE "C" > sys.action ORDER BY community_id, 1 LIMIT 1)
      FROM sys WHERE action IS NOT NULL)
  SELECT DISTINCT action FROM (SELECT action FROM hop UNION ALL SELECT action FROM sys) a WHERE action IS NOT NULL ORDER BY 1`

/** One community (a committee, or a tier naming one): an equality, so the index also gives the order. */
const scopeOf = (s: AuditScope, n: number): { clause: string; param: unknown } =>
  s.communityIds.length === 1 && !s.system ? { clause: `community_id = $${n}`, param: s.communityIds[0] } : { clause: scopeClause(s, n), param: s.communityIds }

function whereOf(f: AuditFilter): { where: string[]; params: unknown[] } {
  const scope = scopeOf(f, 1)
  const params: unknown[] = [scope.param]
  const where = [scope.clause]
  const add = (clause: (n: number) => string, value: unknown) => {
    params.push(value)
    where.push(clause(params.length))
  }
  if (f.actorId !== null) add((n) => `actor_id = $${n}`, f.actorId)
  if (f.action !== null) add((n) => `action = $${n}`, f.action)
  if (f.actionPrefix !== null) add((n) => `substr(action, 1, length($${n}::text)) = $${n}::text`, f.actionPrefix)
  if (f.targetType !== null) add((n) => `target_type = $${n}`, f.targetType)
  if (f.targetId !== null) add((n) => `target_id = $${n}`, f.targetId)
  if (f.since !== null) add((n) => `at >= $${n}`, f.since)
  if (f.until !== null) add((n) => `at < $${n}`, f.until)
  return { where, params }
}

const IN_AREA: Record<string, string> = {
  streetId: 'SELECT id FROM communities WHERE street_id = $1 ORDER BY id COLLATE "C"',
  districtId: 'SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = $1 ORDER BY c.id COLLATE "C"',
  cityId: `SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id JOIN districts d ON d.id = s.district_id
           WHERE d.city_id = $1 ORDER BY c.id COLLATE "C"`,
}

export function auditRepo(pool: Pool): AuditRepo {
  return {
    async search(filter, { after, limit }) {
      const { where, params } = whereOf(filter)
      if (after) {
        params.push(after[0], after[1])
        where.push(`(at, id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`)
      }
      params.push(limit)
      const n = `$${params.length}`
      if (filter.communityIds.length === 1 && !filter.system) {
        const sql = `SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ${n}`
        return (await rows<AuditRow>(pool, sql, params)).map(toRecord)
      }
      // many communities: each one's newest `limit` rows from its index range (audit_community_at), merged — at most
      // communities × limit rows read, not every row of the scope sorted ($1 is the communities' array)
      const and = where.slice(1).map((c) => ` AND ${c}`).join('')
      const parts = [
        `SELECT a.* FROM unnest($1::text[]) AS c(id) CROSS JOIN LATERAL
           (SELECT * FROM audit_log WHERE community_id = c.id${and} ORDER BY at DESC, id DESC LIMIT ${n}) a`,
      ]
      if (filter.system) parts.push(`(SELECT * FROM audit_log WHERE community_id IS NULL${and} ORDER BY community_id, at DESC, id DESC LIMIT ${n})`)
      return (await rows<AuditRow>(pool, `${parts.join(' UNION ALL ')} ORDER BY at DESC, id DESC LIMIT ${n}`, params)).map(toRecord)
    },
    async actions(scope) {
      const found = await rows<{ action: string }>(pool, DISTINCT_ACTIONS, [scope.communityIds, scope.system])
      return found.map((r) => r.action)
    },
    async communitiesIn(area: AuditArea) {
      const [key, id] = Object.entries(area)[0] as [string, string]
      return (await rows<{ id: string }>(pool, IN_AREA[key], [id])).map((r) => r.id)
    },
    async list({ targetId, limit }) {
      const found = targetId
        ? await rows<AuditRow>(pool, 'SELECT * FROM audit_log WHERE target_id = $1 ORDER BY id DESC LIMIT $2', [targetId, limit])
        : await rows<AuditRow>(pool, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT $1', [limit])
      return found.map(toRecord)
    },
  }
}
