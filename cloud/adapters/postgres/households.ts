import type { Pool } from 'pg'
import { addressKeys } from '@/domain/residents/address'
import type { HouseholdCursor, HouseholdRecord, HouseholdRepo, HouseholdScope, ImportOutcome } from '../../residents/ports'
import { writeAudit } from './audit'
import { inTransaction, row, rows, type Queryable } from './tx'
import { householdRecord, type HouseholdRow } from '../rows/residents'

/**
 * The household roster on PostgreSQL: the same records as ../sqlite/households.ts. Text is ordered and compared
 * COLLATE "C" (code points, SQLite's BINARY), whatever collation the database was created with.
 */


const SELECT = `
  SELECT h.id, h.grid_id, h.building, h.unit, h.room, h.head_name, h.adults, h.phone, h.updated_at,
    g.community_id, g.name AS grid_name, g.seq AS grid_seq,
    (SELECT count(*) FROM users u WHERE u.household_id = h.id AND u.verified) AS members
  FROM households h JOIN grids g ON g.id = h.grid_id`
/** $1: the community; $2: the grids (text[]) or null for every grid of it */
const IN_SCOPE = `g.community_id = $1::text AND ($2::text[] IS NULL OR h.grid_id = ANY($2::text[]))`
const ORDER = `ORDER BY g.seq, h.building COLLATE "C", h.unit COLLATE "C", h.room COLLATE "C", h.id COLLATE "C"`


const scopeParams = (s: HouseholdScope) => [s.communityId, s.gridIds]

async function all(db: Queryable, scope: HouseholdScope): Promise<HouseholdRecord[]> {
  return (await rows<HouseholdRow>(db, `${SELECT} WHERE ${IN_SCOPE} ${ORDER}`, scopeParams(scope))).map(householdRecord)
}

export function householdRepo(pool: Pool): HouseholdRepo {
  return {
    async get(id) {
      const r = await row<HouseholdRow>(pool, `${SELECT} WHERE h.id = $1`, [id])
      return r ? householdRecord(r) : null
    },
    async findByRoom(gridId, building, unit, room) {
      const k = addressKeys(building, unit, room)
      const r = await row<HouseholdRow>(
        pool,
        `${SELECT} WHERE h.grid_id = $1 AND h.building_key = $2 AND h.unit_key = $3 AND h.room_key = $4`,
        [gridId, k.buildingKey, k.unitKey, k.roomKey],
      )
      return r ? householdRecord(r) : null
    },
    /**
     * One transaction that first locks the grids the roster names (SELECT … FOR NO KEY UPDATE, in id order so two
     * imports cannot deadlock): a concurrent import of the same grids waits here until this one commits, then reads
     * (a new statement, a new snapshot under READ COMMITTED) the rows it wrote — so each room is added once and a
     * repeated import finds everything unchanged and writes no audit entry, as on SQLite's IMMEDIATE transaction.
     * (An upsert alone would not do: the table has two unique keys — the text and the normalised one — and ON
     * CONFLICT arbitrates only one; two imports racing on a new room may fail on the other.) NO KEY: the lock does
     * not block other sessions' foreign-key checks on the grid (a user or a report placed in it meanwhile).
     */
    async importRoster(roster, ids, at, audit) {
      return inTransaction(pool, async (c) => {
        const gridIds = [...new Set(roster.map((r) => r.gridId))]
        await c.query('SELECT id FROM grids WHERE id = ANY($1::text[]) ORDER BY id COLLATE "C" FOR NO KEY UPDATE', [gridIds])
        const out: ImportOutcome = { added: 0, updated: 0, unchanged: 0 }
        for (const r of roster) {
          const keys = addressKeys(r.building, r.unit, r.room)
          // an existing household under another spelling ("3" for "3栋") is the same one: its text stays as first imported
          const prior = await row<{ id: string; head_name: string; adults: number | null; phone: string | null }>(
            c,
            'SELECT id, head_name, adults, phone FROM households WHERE grid_id = $1 AND building_key = $2 AND unit_key = $3 AND room_key = $4',
            [r.gridId, keys.buildingKey, keys.unitKey, keys.roomKey],
          )
          if (!prior) {
            await c.query(
              `INSERT INTO households
                (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name, adults, phone, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
              [ids(), r.gridId, r.building, r.unit, r.room, keys.buildingKey, keys.unitKey, keys.roomKey, r.headName, r.adults, r.phone, at],
            )
            out.added++
          } else if (prior.head_name !== r.headName || prior.adults !== r.adults || prior.phone !== r.phone) {
            await c.query('UPDATE households SET head_name = $1, adults = $2, phone = $3, updated_at = $4 WHERE id = $5', [
              r.headName,
              r.adults,
              r.phone,
              at,
              prior.id,
            ])
            out.updated++
          } else {
            out.unchanged++
          }
        }
        if (out.added + out.updated > 0) await writeAudit(c, { ...audit, detail: { ...audit.detail, ...out } })
        return out
      })
    },
    async list(scope, { limit, after }: { limit: number; after: HouseholdCursor | null }) {
      const found = await rows<HouseholdRow>(
        pool,
        `${SELECT}
         WHERE ${IN_SCOPE}
           AND (NOT $3::boolean OR (g.seq, h.building COLLATE "C", h.unit COLLATE "C", h.room COLLATE "C", h.id COLLATE "C")
             > ($4::integer, $5::text COLLATE "C", $6::text COLLATE "C", $7::text COLLATE "C", $8::text COLLATE "C"))
         ${ORDER} LIMIT $9`,
        [
          ...scopeParams(scope),
          after !== null,
          after?.gridSeq ?? 0,
          after?.building ?? '',
          after?.unit ?? '',
          after?.room ?? '',
          after?.id ?? '',
          limit,
        ],
      )
      return found.map(householdRecord)
    },
    /** One transaction: the rows and the export's audit entry commit together (a failed audit returns nothing). */
    async exportAll(scope, audit) {
      return inTransaction(pool, async (c) => {
        const found = await all(c, scope)
        await writeAudit(c, audit(found.length))
        return found
      })
    },
  }
}
