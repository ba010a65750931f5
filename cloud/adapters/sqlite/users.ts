import { STAFF_ROLES, type Role } from '@/domain/shared/roles'
import type {
  AuditEntry,
  IdempotencyKey,
  NewUser,
  RegisterOutcome,
  UserRecord,
  UserRepo,
} from '../../shared/ports'
import { sqlList } from '../rows/sql'
import { auditWriter } from './audit'
import { idempotencyTable } from './idempotency'
import type { Db } from './open'

interface UserRow {
  id: string
  name: string
  phone: string | null
  openid: string | null
  community_id: string | null
  community_name: string | null
  street_id: string | null
  district_id: string | null
  city_id: string | null
  grid_id: string | null
  grid_name: string | null
  household_id: string | null
  verified: number
  roster_only: number
  created_at: string
  department_id: string | null
  /** JSON arrays built in the same statement: roles by name, worker grids by seq then id */
  roles: string
  grids: string
}

export function userRepo(db: Db): UserRepo {
  // one statement per caller (dispatch loads one per request): roles and worker grids as ordered JSON arrays
  const byId = db.prepare<[string], UserRow>(`
    SELECT u.*, c.name AS community_name, c.street_id AS street_id, s.district_id AS district_id, d.city_id AS city_id, g.name AS grid_name,
      (SELECT dm.department_id FROM department_members dm WHERE dm.user_id = u.id) AS department_id,
      (SELECT json_group_array(ur.role ORDER BY ur.role) FROM user_roles ur WHERE ur.user_id = u.id) AS roles,
      (SELECT json_group_array(json_object('id', wg.id, 'name', wg.name) ORDER BY wg.seq, wg.id)
        FROM user_grids ug JOIN grids wg ON wg.id = ug.grid_id WHERE ug.user_id = u.id) AS grids
    FROM users u
    LEFT JOIN communities c ON c.id = u.community_id
    LEFT JOIN streets s ON s.id = c.street_id
    LEFT JOIN districts d ON d.id = s.district_id
    LEFT JOIN grids g ON g.id = u.grid_id
    WHERE u.id = ?`)
  const idByOpenid = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE openid = ?')
  const insertUser = db.prepare(`
    INSERT INTO users (id, name, phone, openid, community_id, grid_id, household_id, verified, roster_only, created_at)
    VALUES (@id, @name, @phone, @openid, @communityId, @gridId, @householdId, @verified, @rosterOnly, @createdAt)`)
  const insertRole = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)')
  const insertGrid = db.prepare('INSERT INTO user_grids (user_id, grid_id) VALUES (?, ?)')
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users')

  function load(id: string): UserRecord | null {
    const row = byId.get(id)
    if (!row) return null
    return {
      id: row.id,
      name: row.name,
      phone: row.phone,
      openid: row.openid,
      roles: JSON.parse(row.roles) as Role[],
      communityId: row.community_id,
      communityName: row.community_name,
      streetId: row.street_id,
      districtId: row.district_id,
      cityId: row.city_id,
      gridId: row.grid_id,
      gridName: row.grid_name,
      householdId: row.household_id,
      verified: row.verified === 1,
      rosterOnly: row.roster_only === 1,
      grids: JSON.parse(row.grids) as { id: string; name: string }[],
      createdAt: row.created_at,
      ...(row.department_id ? { departmentId: row.department_id } : {}),
    }
  }

  function insert(u: NewUser): void {
    insertUser.run({
      id: u.id,
      name: u.name,
      phone: u.phone ?? null,
      openid: u.openid ?? null,
      communityId: u.communityId,
      gridId: u.gridId,
      householdId: u.householdId,
      verified: u.verified ? 1 : 0,
      rosterOnly: u.rosterOnly ? 1 : 0,
      createdAt: u.createdAt,
    })
    for (const role of new Set(u.roles)) insertRole.run(u.id, role)
    for (const g of new Set(u.workerGridIds)) insertGrid.run(u.id, g)
  }

  const create = db.transaction((u: NewUser) => {
    insert(u)
    return load(u.id) as UserRecord
  })

  const findOrCreate = db.transaction((openid: string, candidate: NewUser) => {
    // inside an IMMEDIATE transaction: no other connection can insert between this read and the insert;
    // the UNIQUE index on openid is the backstop
    const found = idByOpenid.get(openid)
    if (found) return { user: load(found.id) as UserRecord, created: false }
    insert({ ...candidate, openid })
    return { user: load(candidate.id) as UserRecord, created: true }
  })

  const writeAudit = auditWriter(db)
  const updatePhone = db.prepare('UPDATE users SET phone = ?, phone_verified = ? WHERE id = ?')
  // name, then id: a stable keyset; the query matches a name part, phone digits, or a part of the household's
  // address as typed (3栋2单元301) or as shown (addressText: a bare number gets 栋 / 单元)
  const listIds = db.prepare<Record<string, unknown>, { id: string }>(`
    SELECT u.id FROM users u
    WHERE u.community_id = @community
      AND (@role IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = @role))
      AND (@query IS NULL OR instr(u.name, @query) > 0 OR (@digits IS NOT NULL AND instr(u.phone, @digits) > 0)
        OR EXISTS (SELECT 1 FROM households h WHERE h.id = u.household_id AND (
          instr(h.building || h.unit || h.room, @query) > 0
          OR instr((CASE WHEN h.building <> '' AND h.building NOT GLOB '*[^0-9]*' THEN h.building || '栋' ELSE h.building END)
            || (CASE WHEN h.unit <> '' AND h.unit NOT GLOB '*[^0-9]*' THEN h.unit || '单元' ELSE h.unit END) || h.room, @query) > 0)))
      AND (@hasCursor = 0 OR (u.name, u.id) > (@cName, @cId))
    ORDER BY u.name, u.id LIMIT @limit`)
  const idem = idempotencyTable(db)
  // one person per name (spaces ignored) in a household: a conditional insert, the check and the write are one statement
  const insertIfNameFree = db.prepare(`
    INSERT INTO users (id, name, phone, openid, community_id, grid_id, household_id, verified, roster_only, created_at)
    SELECT @id, @name, @phone, NULL, @communityId, @gridId, @householdId, @verified, 1, @createdAt
    WHERE NOT EXISTS (SELECT 1 FROM users WHERE household_id = @householdId
      AND replace(replace(name, ' ', ''), char(12288), '') = replace(replace(@name, ' ', ''), char(12288), ''))`)
  const registerTx = db.transaction((u: NewUser, audit: AuditEntry, key: IdempotencyKey | null): RegisterOutcome => {
    const prior = idem.lookup<{ userId: string }>(key)
    if (prior.kind === 'keyReused') return prior
    if (prior.kind === 'replayed') return { kind: 'replayed', user: load(prior.result.userId) as UserRecord }
    const inserted = insertIfNameFree.run({
      id: u.id,
      name: u.name,
      phone: u.phone ?? null,
      communityId: u.communityId,
      gridId: u.gridId,
      householdId: u.householdId,
      verified: u.verified ? 1 : 0,
      createdAt: u.createdAt,
    }).changes
    if (inserted !== 1) return { kind: 'duplicateName' }
    for (const role of new Set(u.roles)) insertRole.run(u.id, role)
    for (const g of new Set(u.workerGridIds)) insertGrid.run(u.id, g)
    writeAudit(audit)
    idem.store(key, { userId: u.id }, u.createdAt)
    return { kind: 'created', user: load(u.id) as UserRecord }
  })
  const deleteGrids = db.prepare('DELETE FROM user_grids WHERE user_id = ?')
  const addRole = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING')
  const dropRole = db.prepare('DELETE FROM user_roles WHERE user_id = ? AND role = ?')
  const assignTx = db.transaction((userId: string, gridIds: string[], audit: AuditEntry) => {
    const before = load(userId)
    if (!before) throw new Error(`no user ${userId}`)
    const wanted = [...new Set(gridIds)].sort()
    const had = before.grids.map((g) => g.id).sort()
    const wasWorker = before.roles.includes('gridWorker')
    const isWorker = wanted.length > 0
    if (wasWorker === isWorker && JSON.stringify(had) === JSON.stringify(wanted)) return { user: before, changed: false }
    deleteGrids.run(userId)
    for (const g of wanted) insertGrid.run(userId, g)
    if (isWorker) addRole.run(userId, 'gridWorker')
    else dropRole.run(userId, 'gridWorker')
    writeAudit({ ...audit, detail: { ...audit.detail, before: had, after: wanted, role: isWorker === wasWorker ? 'kept' : isWorker ? 'added' : 'removed' } })
    return { user: load(userId) as UserRecord, changed: true }
  })

  const grantTx = db.transaction((openid: string, role: Role, communityId: string, audit: (userId: string) => AuditEntry) => {
    const found = db.prepare<[string], { id: string; community_id: string | null }>('SELECT id, community_id FROM users WHERE openid = ?').get(openid)
    if (!found) return null
    if (found.community_id !== communityId) {
      db.prepare('UPDATE users SET community_id = ?, grid_id = NULL, household_id = NULL WHERE id = ?').run(communityId, found.id)
    }
    db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING').run(found.id, role)
    writeAudit(audit(found.id))
    return found.id
  })

  // the condition and the write are one statement: no staff role, no community yet, the community exists
  const chooseUpdate = db.prepare(`
    UPDATE users SET community_id = @communityId
    WHERE id = @userId AND community_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.role IN ${sqlList(STAFF_ROLES)})
      AND EXISTS (SELECT 1 FROM communities c WHERE c.id = @communityId)`)
  const chooseTx = db.transaction((userId: string, communityId: string, audit: AuditEntry) => {
    if (chooseUpdate.run({ userId, communityId }).changes !== 1) return false
    writeAudit(audit)
    return true
  })

  return {
    async chooseCommunity(userId, communityId, audit) {
      return chooseTx.immediate(userId, communityId, audit) ? load(userId) : null
    },
    async setPhone(id, phone, verified = false) {
      updatePhone.run(phone, verified ? 1 : 0, id)
      return load(id)
    },
    async list(communityId, { role, query, limit, after }) {
      const q = query?.trim() || null
      const digits = q && /^\d{3,}$/.test(q) ? q : null
      return listIds
        .all({
          community: communityId,
          role: role ?? null,
          query: q,
          digits,
          hasCursor: after ? 1 : 0,
          cName: after?.name ?? '',
          cId: after?.id ?? '',
          limit,
        })
        .map((r) => load(r.id) as UserRecord)
    },
    async register(u, audit, key) {
      return registerTx.immediate(u, audit, key)
    },
    async assignGrids(userId, gridIds, audit) {
      return assignTx.immediate(userId, gridIds, audit)
    },
    async get(id) {
      return load(id)
    },
    async create(u) {
      return create.immediate(u)
    },
    async findOrCreateByOpenid(openid, candidate) {
      return findOrCreate.immediate(openid, candidate)
    },
    async count() {
      return countAll.get()?.n ?? 0
    },
    async grantRole(openid, role, communityId, audit) {
      const id = grantTx.immediate(openid, role, communityId, audit)
      return id === null ? null : load(id)
    },
  }
}
