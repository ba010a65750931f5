import type { AuditEntry, CommunityRecord, CommunityRepo, GridRecord } from '../../shared/ports'
import { CHOICE_LAST_DISTRICT, toChoice, type ChoiceRow } from '../rows/org'
import { auditWriter } from './audit'
import type { Db } from './open'

interface GridRow {
  id: string
  community_id: string
  name: string
  boundary: string | null
}

function toGrid(g: GridRow): GridRecord {
  return { id: g.id, communityId: g.community_id, name: g.name, boundary: g.boundary ? (JSON.parse(g.boundary) as [number, number][]) : null }
}

export function communityRepo(db: Db): CommunityRepo {
  const byId = db.prepare<[string], { id: string; name: string; street_id: string; street_name: string; district_id: string | null; city_id: string | null }>(`
    SELECT c.id, c.name, c.street_id, s.name AS street_name, s.district_id, d.city_id
    FROM communities c JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id WHERE c.id = ?`)
  const firstId = db.prepare<[], { id: string }>('SELECT id FROM communities ORDER BY seq, id LIMIT 1')
  const gridsOf = db.prepare<[string], { id: string; name: string; servicePhone: string | null }>(
    'SELECT id, name, service_phone AS servicePhone FROM grids WHERE community_id = ? ORDER BY seq, id',
  )
  const audit = auditWriter(db)
  const setPhone = db.prepare('UPDATE grids SET service_phone = ? WHERE id = ?')
  const setPhoneTx = db.transaction((gridId: string, phone: string | null, entry: AuditEntry) => {
    setPhone.run(phone, gridId)
    audit(entry)
  })
  const gridById = db.prepare<[string], GridRow>('SELECT id, community_id, name, boundary FROM grids WHERE id = ?')
  const gridsWithBoundary = db.prepare<[string], GridRow>(
    'SELECT id, community_id, name, boundary FROM grids WHERE community_id = ? ORDER BY seq, id',
  )
  const household = db.prepare<[string], { id: string }>(
    'SELECT id FROM households WHERE grid_id = ? ORDER BY random() LIMIT 1',
  )

  // the organisation's order: district, street, community (each by seq, then id); streets under no district last
  const choices = db.prepare<Record<string, unknown>, ChoiceRow>(`
    SELECT c.id, c.name, s.name AS street_name, d.name AS district_name,
      COALESCE(d.seq, ${CHOICE_LAST_DISTRICT}) AS dseq, COALESCE(d.id, '') AS did, s.seq AS sseq, s.id AS sid, c.seq AS cseq
    FROM communities c JOIN streets s ON s.id = c.street_id LEFT JOIN districts d ON d.id = s.district_id
    WHERE (@query IS NULL OR instr(c.name, @query) > 0 OR instr(s.name, @query) > 0 OR instr(COALESCE(d.name, ''), @query) > 0)
      AND (@hasCursor = 0 OR (COALESCE(d.seq, ${CHOICE_LAST_DISTRICT}), COALESCE(d.id, ''), s.seq, s.id, c.seq, c.id) > (@k0, @k1, @k2, @k3, @k4, @k5))
    ORDER BY 5, 6, 7, 8, 9, c.id LIMIT @limit`)

  function load(id: string): CommunityRecord | null {
    const c = byId.get(id)
    if (!c) return null
    return { id: c.id, name: c.name, streetId: c.street_id, streetName: c.street_name, districtId: c.district_id, cityId: c.city_id, grids: gridsOf.all(id) }
  }

  return {
    async get(id) {
      return load(id)
    },
    async search({ query, limit, after }) {
      const k = after ?? [0, '', 0, '', 0, '']
      const params = { query, limit, hasCursor: after ? 1 : 0, k0: k[0], k1: k[1], k2: k[2], k3: k[3], k4: k[4], k5: k[5] }
      return choices.all(params).map(toChoice)
    },
    async first() {
      const row = firstId.get()
      return row ? load(row.id) : null
    },
    async grid(id): Promise<GridRecord | null> {
      const g = gridById.get(id)
      return g ? toGrid(g) : null
    },
    async grids(communityId) {
      return gridsWithBoundary.all(communityId).map(toGrid)
    },
    async pickHousehold(gridId) {
      return household.get(gridId)?.id ?? null
    },
    async setGridPhone(gridId, phone, entry) {
      setPhoneTx.immediate(gridId, phone, entry)
    },
  }
}
