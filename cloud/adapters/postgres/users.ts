import type { Pool, PoolClient } from 'pg'
import { STAFF_ROLES, type Role } from '@/domain/shared/roles'
import type { NewUser, RegisterOutcome, UserRecord, UserRepo } from '../../shared/ports'
import { sqlList } from '../rows/sql'
import { writeAudit } from './audit'
import { claimKey } from './idempotency'
import { inTransaction, inTransactionOr, Rollback, row, rows, type Queryable } from './tx'

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
  verified: boolean
  roster_only: boolean
  created_at: string
  roles: Role[]
  grids: { id: string; name: string }[]
  department_id: string | null
}

/** A user with its roles and worker grids in one statement (as SQLite's adapter does). */
const SELECT_USER = `
  SELECT u.id, u.name, u.phone, u.openid, u.community_id, u.grid_id, u.household_id, u.verified, u.roster_only, u.created_at,
    c.name AS community_name, c.street_id AS street_id, s.district_id AS district_id, d.city_id AS city_id, g.name AS grid_name,
    ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role COLLATE "C") AS roles,
    COALESCE((SELECT json_agg(json_build_object('id', wg.id, 'name', wg.name) ORDER BY wg.seq, wg.id COLLATE "C")
      FROM user_grids ug JOIN grids wg ON wg.id = ug.grid_id WHERE ug.user_id = u.id), '[]'::json) AS grids,
    (SELECT dm.department_id FROM department_members dm WHERE dm.user_id = u.id) AS department_id
  FROM users u
  LEFT JOIN communities c ON c.id = u.community_id
    LEFT JOIN streets s ON s.id = c.street_id
    LEFT JOIN districts d ON d.id = s.district_id
  LEFT JOIN grids g ON g.id = u.grid_id`

function toRecord(r: UserRow): UserRecord {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    openid: r.openid,
    roles: r.roles,
    communityId: r.community_id,
    communityName: r.community_name,
    streetId: r.street_id,
    districtId: r.district_id,
    cityId: r.city_id,
    gridId: r.grid_id,
    gridName: r.grid_name,
    householdId: r.household_id,
    verified: r.verified,
    rosterOnly: r.roster_only,
    grids: r.grids,
    createdAt: r.created_at,
    ...(r.department_id ? { departmentId: r.department_id } : {}),
  }
}

async function load(db: Queryable, id: string): Promise<UserRecord | null> {
  const r = await row<UserRow>(db, `${SELECT_USER} WHERE u.id = $1`, [id])
  return r ? toRecord(r) : null
}

async function mustLoad(db: Queryable, id: string): Promise<UserRecord> {
  const u = await load(db, id)
  if (!u) throw new Error(`no user ${id}`)
  return u
}

const INSERT_USER = `INSERT INTO users (id, name, phone, openid, community_id, grid_id, household_id, verified, roster_only, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`
const userParams = (u: NewUser, openid: string | null) => [
  u.id,
  u.name,
  u.phone ?? null,
  openid,
  u.communityId,
  u.gridId,
  u.householdId,
  u.verified,
  u.rosterOnly ?? false,
  u.createdAt,
]

async function insertRolesAndGrids(c: PoolClient, userId: string, roles: Role[], gridIds: string[]): Promise<void> {
  for (const role of new Set(roles)) await c.query('INSERT INTO user_roles (user_id, role) VALUES ($1, $2)', [userId, role])
  for (const g of new Set(gridIds)) await c.query('INSERT INTO user_grids (user_id, grid_id) VALUES ($1, $2)', [userId, g])
}

/** name without spaces (ASCII and the ideographic U+3000), as the household's one-name rule compares them */
const BARE = (expr: string) => `replace(replace(${expr}, ' ', ''), chr(12288), '')`

export function userRepo(pool: Pool): UserRepo {
  return {
    get: (id) => load(pool, id),

    async create(u) {
      return inTransaction(pool, async (c) => {
        await c.query(INSERT_USER, userParams(u, u.openid ?? null))
        await insertRolesAndGrids(c, u.id, u.roles, u.workerGridIds)
        return mustLoad(c, u.id)
      })
    },

    /**
     * Atomic on UNIQUE openid under READ COMMITTED: INSERT … ON CONFLICT (openid) DO NOTHING waits for a concurrent
     * insert of the same openid and then inserts nothing; the transaction is rolled back and the winner's row,
     * committed by then, is read by a new statement. Exactly one caller gets `created`.
     */
    async findOrCreateByOpenid(openid, candidate) {
      const found = await row<{ id: string }>(pool, 'SELECT id FROM users WHERE openid = $1', [openid])
      if (found) return { user: await mustLoad(pool, found.id), created: false }
      const made = await inTransactionOr<UserRecord, null>(pool, async (c) => {
        const inserted = await row(c, `${INSERT_USER} ON CONFLICT (openid) DO NOTHING RETURNING 1`, userParams(candidate, openid))
        if (!inserted) throw new Rollback(null)
        await insertRolesAndGrids(c, candidate.id, candidate.roles, candidate.workerGridIds)
        return mustLoad(c, candidate.id)
      })
      if (made) return { user: made, created: true }
      const winner = await row<{ id: string }>(pool, 'SELECT id FROM users WHERE openid = $1', [openid])
      if (!winner) throw new Error('findOrCreateByOpenid: the openid is taken but its user is not found')
      return { user: await mustLoad(pool, winner.id), created: false }
    },

    /**
     * One conditional UPDATE under READ COMMITTED: a second concurrent choice waits for the first's row lock, then
     * re-checks `community_id IS NULL` on the committed row and updates nothing; its transaction is rolled back.
     */
    async chooseCommunity(userId, communityId, audit) {
      return inTransactionOr<UserRecord, null>(pool, async (c) => {
        const updated = await row(
          c,
          `UPDATE users SET community_id = $2
           WHERE id = $1 AND community_id IS NULL
             AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.role IN ${sqlList(STAFF_ROLES)})
             AND EXISTS (SELECT 1 FROM communities WHERE id = $2)
           RETURNING 1`,
          [userId, communityId],
        )
        if (!updated) throw new Rollback(null)
        await writeAudit(c, audit)
        return mustLoad(c, userId)
      })
    },

    async count() {
      return (await row<{ n: number }>(pool, 'SELECT count(*) AS n FROM users'))?.n ?? 0
    },

    async setPhone(id, phone, verified = false) {
      await pool.query('UPDATE users SET phone = $1, phone_verified = $2 WHERE id = $3', [phone, verified, id])
      return load(pool, id)
    },

    // name, then id (code-point order, as SQLite's BINARY): a stable keyset; the query matches a name part, phone
    // digits, or a part of the household's address as typed (3栋2单元301) or as shown (a bare number gets 栋 / 单元)
    async list(communityId, { role, query, limit, after }) {
      const q = query?.trim() || null
      const digits = q && /^\d{3,}$/.test(q) ? q : null
      const found = await rows<UserRow>(
        pool,
        `${SELECT_USER}
        WHERE u.community_id = $1
          AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $2::text))
          AND ($3::text IS NULL OR strpos(u.name, $3::text) > 0 OR ($4::text IS NOT NULL AND strpos(u.phone, $4::text) > 0)
            OR EXISTS (SELECT 1 FROM households h WHERE h.id = u.household_id AND (
              strpos(h.building || h.unit || h.room, $3::text) > 0
              OR strpos((CASE WHEN h.building <> '' AND h.building !~ '[^0-9]' THEN h.building || '栋' ELSE h.building END)
                || (CASE WHEN h.unit <> '' AND h.unit !~ '[^0-9]' THEN h.unit || '单元' ELSE h.unit END) || h.room, $3::text) > 0)))
          AND (NOT $5::boolean OR (u.name COLLATE "C", u.id COLLATE "C") > ($6::text COLLATE "C", $7::text COLLATE "C"))
        ORDER BY u.name COLLATE "C", u.id COLLATE "C" LIMIT $8`,
        [communityId, role ?? null, q, digits, after !== null, after?.name ?? '', after?.id ?? '', limit],
      )
      return found.map(toRecord)
    },

    /**
     * Under READ COMMITTED: the idempotency key is claimed first (claimKey); then the household's row is locked
     * (FOR UPDATE), so registrations into one household run one after another and the conditional insert's
     * NOT EXISTS sees every committed name — without the lock two concurrent ones could both find the name free.
     * A duplicate name rolls back, the claimed key with it.
     */
    async register(u, audit, key) {
      return inTransactionOr<RegisterOutcome, RegisterOutcome>(pool, async (c) => {
        const claim = await claimKey<{ userId: string }>(c, key, { userId: u.id }, u.createdAt)
        if (claim.kind === 'keyReused') throw new Rollback(claim)
        if (claim.kind === 'replayed') return { kind: 'replayed', user: await mustLoad(c, claim.result.userId) }
        if (u.householdId) await c.query('SELECT 1 FROM households WHERE id = $1 FOR UPDATE', [u.householdId])
        const inserted = await row(
          c,
          `INSERT INTO users (id, name, phone, openid, community_id, grid_id, household_id, verified, roster_only, created_at)
           SELECT $1, $2, $3, NULL, $4, $5, $6, $7, true, $8
           WHERE NOT EXISTS (SELECT 1 FROM users WHERE household_id = $6 AND ${BARE('name')} = ${BARE('$2::text')})
           RETURNING 1`,
          [u.id, u.name, u.phone ?? null, u.communityId, u.gridId, u.householdId, u.verified, u.createdAt],
        )
        if (!inserted) throw new Rollback({ kind: 'duplicateName' })
        await insertRolesAndGrids(c, u.id, u.roles, u.workerGridIds)
        await writeAudit(c, audit)
        return { kind: 'created', user: await mustLoad(c, u.id) }
      })
    },

    /** The user's row is locked (FOR UPDATE) first, so concurrent assignments of one person run one after another. */
    async assignGrids(userId, gridIds, audit) {
      return inTransaction(pool, async (c) => {
        const locked = await row(c, 'SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId])
        if (!locked) throw new Error(`no user ${userId}`)
        const before = await mustLoad(c, userId)
        const wanted = [...new Set(gridIds)].sort()
        const had = before.grids.map((g) => g.id).sort()
        const wasWorker = before.roles.includes('gridWorker')
        const isWorker = wanted.length > 0
        if (wasWorker === isWorker && JSON.stringify(had) === JSON.stringify(wanted)) return { user: before, changed: false }
        await c.query('DELETE FROM user_grids WHERE user_id = $1', [userId])
        for (const g of wanted) await c.query('INSERT INTO user_grids (user_id, grid_id) VALUES ($1, $2)', [userId, g])
        if (isWorker) await c.query("INSERT INTO user_roles (user_id, role) VALUES ($1, 'gridWorker') ON CONFLICT DO NOTHING", [userId])
        else await c.query("DELETE FROM user_roles WHERE user_id = $1 AND role = 'gridWorker'", [userId])
        await writeAudit(c, {
          ...audit,
          detail: { ...audit.detail, before: had, after: wanted, role: isWorker === wasWorker ? 'kept' : isWorker ? 'added' : 'removed' },
        })
        return { user: await mustLoad(c, userId), changed: true }
      })
    },

    /** The user's row is locked (FOR UPDATE) first, as assignGrids. */
    async grantRole(openid, role, communityId, audit) {
      return inTransaction(pool, async (c) => {
        const found = await row<{ id: string; community_id: string | null }>(c, 'SELECT id, community_id FROM users WHERE openid = $1 FOR UPDATE', [openid])
        if (!found) return null
        if (found.community_id !== communityId) {
          await c.query('UPDATE users SET community_id = $2, grid_id = NULL, household_id = NULL WHERE id = $1', [found.id, communityId])
        }
        await c.query('INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING', [found.id, role])
        await writeAudit(c, audit(found.id))
        return mustLoad(c, found.id)
      })
    },
  }
}
