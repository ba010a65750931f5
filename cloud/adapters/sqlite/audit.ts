import type { AuditEntry, AuditFilter, AuditRecord, AuditRepo, AuditScope } from '../../shared/ports'
import type Database from 'better-sqlite3'
import type { Db } from './open'

/** The reader's scope: its communities (a JSON array, one parameter however many) and maybe the system rows. */
const scopeOf = (s: AuditScope): { clause: string; param: string } => {
  // one community (a committee, or a tier naming one): an equality, so the index also gives the order
  if (s.communityIds.length === 1 && !s.system) return { clause: 'community_id = ?', param: s.communityIds[0] }
  return {
    clause: s.system
      ? '(community_id IN (SELECT value FROM json_each(?)) OR community_id IS NULL)'
      : 'community_id IN (SELECT value FROM json_each(?))',
    param: JSON.stringify(s.communityIds),
  }
}

function whereOf(f: AuditFilter): { where: string[]; params: unknown[] } {
  const scope = scopeOf(f)
  const where = [scope.clause]
  const params: unknown[] = [scope.param]
  const add = (clause: string, value: unknown) => {
    where.push(clause)
    params.push(value)
  }
  if (f.actorId !== null) add('actor_id = ?', f.actorId)
  if (f.action !== null) add('action = ?', f.action)
  if (f.actionPrefix !== null) {
    where.push('substr(action, 1, ?) = ?')
    params.push(f.actionPrefix.length, f.actionPrefix)
  }
  if (f.targetType !== null) add('target_type = ?', f.targetType)
  if (f.targetId !== null) add('target_id = ?', f.targetId)
  if (f.since !== null) add('at >= ?', f.since)
  if (f.until !== null) add('at < ?', f.until)
  return { where, params }
}

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
  // statements by their SQL: a filter's shape picks one of a few dozen texts
  const cache = new Map<string, Database.Statement<unknown[], AuditRow>>()
  const prepared = (sql: string) => {
    let st = cache.get(sql)
    if (!st) cache.set(sql, (st = db.prepare<unknown[], AuditRow>(sql)))
    return st
  }
  // a loose index scan on audit_community_action (migration 036): from each community's first name to its next,
  // one seek per distinct name (and one for the system rows when in scope), however many entries there are
  const distinctActions = db.prepare<[string, number], { action: string }>(`
    WITH RECURSIVE
      hop(cid, action) AS (
        SELECT c.value, (SELECT min(action) FROM audit_log WHERE community_id = c.value) FROM json_each(?) c
        UNION ALL
        SELECT cid, (SELECT min(action) FROM audit_log WHERE community_id = hop.cid AND action > hop.action) FROM hop WHERE action IS NOT NULL),
      sys(action) AS (
        SELECT (SELECT min(action) FROM audit_log WHERE community_id IS NULL) WHERE ?
        UNION ALL
        SELECT (SELECT min(action) FROM audit_log WHERE community_id IS NULL AND action > sys.action) FROM sys WHERE action IS NOT NULL)
    SELECT DISTINCT action FROM (SELECT action FROM hop UNION ALL SELECT action FROM sys) WHERE action IS NOT NULL ORDER BY action`)
  const inArea = {
    streetId: db.prepare<[string], { id: string }>('SELECT id FROM communities WHERE street_id = ? ORDER BY id'),
    districtId: db.prepare<[string], { id: string }>(
      'SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = ? ORDER BY c.id',
    ),
    cityId: db.prepare<[string], { id: string }>(
      `SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id JOIN districts d ON d.id = s.district_id
       WHERE d.city_id = ? ORDER BY c.id`,
    ),
  }
  return {
    async list({ targetId, limit }) {
      const rows = targetId ? byTarget.all(targetId, limit) : all.all(limit)
      return rows.map(toRecord)
    },
    async search(filter, { after, limit }) {
      const { where, params } = whereOf(filter)
      if (after) {
        // `at <= ?` bounds the index range; the rest keeps the rows of equal time after the key's id
        where.push('at <= ? AND (at < ? OR id < ?)')
        params.push(after[0], after[0], after[1])
      }
      if (filter.communityIds.length === 1 && !filter.system) {
        const sql = `SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ?`
        return prepared(sql).all(...params, limit).map(toRecord)
      }
      // many communities: each one's newest `limit` rows from its index range (audit_community_at), merged — at most
      // communities × limit rows read, not every row of the scope sorted
      const and = where.slice(1).map((c) => ` AND ${c}`).join('')
      const rest = params.slice(1)
      const parts = [
        `SELECT a.* FROM json_each(?) c JOIN audit_log a ON a.id IN
           (SELECT id FROM audit_log WHERE community_id = c.value${and} ORDER BY at DESC, id DESC LIMIT ?)`,
      ]
      const args: unknown[] = [JSON.stringify(filter.communityIds), ...rest, limit]
      if (filter.system) {
        parts.push(`SELECT * FROM (SELECT * FROM audit_log WHERE community_id IS NULL${and} ORDER BY at DESC, id DESC LIMIT ?)`)
        args.push(...rest, limit)
      }
      return prepared(`${parts.join(' UNION ALL ')} ORDER BY at DESC, id DESC LIMIT ?`).all(...args, limit).map(toRecord)
    },
    async actions(scope) {
      return distinctActions.all(JSON.stringify(scope.communityIds), scope.system ? 1 : 0).map((r) => r.action)
    },
    async communitiesIn(area) {
      const [key, id] = Object.entries(area)[0] as [keyof typeof inArea, string]
      return inArea[key].all(id).map((r) => r.id)
    },
  }
}
