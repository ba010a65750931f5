import type { Pool } from 'pg'
import type { CommunityRecord, CommunityRepo, GridRecord } from '../../shared/ports'
import { CHOICE_LAST_DISTRICT, toChoice, type ChoiceRow } from '../rows/org'
import { writeAudit } from './audit'
import { inTransaction, row, rows } from './tx'

interface GridRow {
  id: string
  community_id: string
  name: string
  boundary: string | null
}

function toGrid(g: GridRow): GridRecord {
  return { id: g.id, communityId: g.community_id, name: g.name, boundary: g.boundary ? (JSON.parse(g.boundary) as [number, number][]) : null }
}

/** Seed order: seq, then id in code-point order (SQLite's BINARY; "C" whatever the database's collation). */
export function communityRepo(pool: Pool): CommunityRepo {
  async function load(id: string): Promise<CommunityRecord | null> {
    const c = await row<{ id: string; name: string; street_id: string; street_name: string; district_id: string | null; city_id: string | null }>(
      pool,
      `SELECT c.id, c.name, c.street_id, s.name AS street_name, s.district_id, d.city_id
       FROM communities c JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id WHERE c.id = $1`,
      [id],
    )
    if (!c) return null
    const grids = await rows<{ id: string; name: string; servicePhone: string | null }>(
      pool,
      'SELECT id, name, service_phone AS "servicePhone" FROM grids WHERE community_id = $1 ORDER BY seq, id COLLATE "C"',
      [id],
    )
    return { id: c.id, name: c.name, streetId: c.street_id, streetName: c.street_name, districtId: c.district_id, cityId: c.city_id, grids }
  }

  return {
    get: load,
    // the organisation's order (as SQLite's: ids in code-point order): district, street, community, each by seq then id
    async search({ query, limit, after }) {
      const found = await rows<ChoiceRow>(
        pool,
        `SELECT c.id, c.name, s.name AS street_name, d.name AS district_name,
           COALESCE(d.seq, ${CHOICE_LAST_DISTRICT}) AS dseq, COALESCE(d.id, '') AS did, s.seq AS sseq, s.id AS sid, c.seq AS cseq
         FROM communities c JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id
         WHERE ($1::text IS NULL OR strpos(c.name, $1::text) > 0 OR strpos(s.name, $1::text) > 0 OR strpos(COALESCE(d.name, ''), $1::text) > 0)
           AND (NOT $2::boolean OR (COALESCE(d.seq, ${CHOICE_LAST_DISTRICT}), COALESCE(d.id, '') COLLATE "C", s.seq, s.id COLLATE "C", c.seq, c.id COLLATE "C")
             > ($3::integer, $4::text COLLATE "C", $5::integer, $6::text COLLATE "C", $7::integer, $8::text COLLATE "C"))
         ORDER BY COALESCE(d.seq, ${CHOICE_LAST_DISTRICT}), COALESCE(d.id, '') COLLATE "C", s.seq, s.id COLLATE "C", c.seq, c.id COLLATE "C" LIMIT $9`,
        [query, after !== null, ...(after ?? [0, '', 0, '', 0, '']), limit],
      )
      return found.map(toChoice)
    },
    async first() {
      const r = await row<{ id: string }>(pool, 'SELECT id FROM communities ORDER BY seq, id COLLATE "C" LIMIT 1')
      return r ? load(r.id) : null
    },
    async grid(id) {
      const g = await row<GridRow>(pool, 'SELECT id, community_id, name, boundary FROM grids WHERE id = $1', [id])
      return g ? toGrid(g) : null
    },
    async grids(communityId) {
      const found = await rows<GridRow>(
        pool,
        'SELECT id, community_id, name, boundary FROM grids WHERE community_id = $1 ORDER BY seq, id COLLATE "C"',
        [communityId],
      )
      return found.map(toGrid)
    },
    async pickHousehold(gridId) {
      return (await row<{ id: string }>(pool, 'SELECT id FROM households WHERE grid_id = $1 ORDER BY random() LIMIT 1', [gridId]))?.id ?? null
    },
    async setGridPhone(gridId, phone, entry) {
      await inTransaction(pool, async (c) => {
        await c.query('UPDATE grids SET service_phone = $1 WHERE id = $2', [phone, gridId])
        await writeAudit(c, entry)
      })
    },
  }
}
