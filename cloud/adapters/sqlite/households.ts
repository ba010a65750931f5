import { addressKeys } from '@/domain/residents/address'
import type {
  HouseholdRepo,
  HouseholdScope,
  ImportOutcome,
  RosterRow,
} from '../../residents/ports'
import type { AuditEntry } from '../../shared/ports'
import { auditWriter } from './audit'
import type { Db } from './open'
import { householdRecord, type HouseholdRow } from '../rows/residents'


const SELECT = `
  SELECT h.*, g.community_id, g.name AS grid_name, g.seq AS grid_seq,
    (SELECT count(*) FROM users u WHERE u.household_id = h.id AND u.verified = 1) AS members
  FROM households h JOIN grids g ON g.id = h.grid_id`
const IN_SCOPE = `g.community_id = @community AND (@grids IS NULL OR h.grid_id IN (SELECT value FROM json_each(@grids)))`
const ORDER = `ORDER BY g.seq, h.building, h.unit, h.room, h.id`


const scopeParams = (s: HouseholdScope) => ({ community: s.communityId, grids: s.gridIds ? JSON.stringify(s.gridIds) : null })

export function householdRepo(db: Db): HouseholdRepo {
  const writeAudit = auditWriter(db)
  const byId = db.prepare<[string], HouseholdRow>(`${SELECT} WHERE h.id = ?`)
  const byRoom = db.prepare<[string, string, string, string], HouseholdRow>(
    `${SELECT} WHERE h.grid_id = ? AND h.building_key = ? AND h.unit_key = ? AND h.room_key = ?`,
  )
  const keyGet = db.prepare<[string, string, string, string], { id: string; head_name: string; adults: number | null; phone: string | null }>(
    'SELECT id, head_name, adults, phone FROM households WHERE grid_id = ? AND building_key = ? AND unit_key = ? AND room_key = ?',
  )
  // rooms are found by their normalised key (migration 003); the text as imported is kept for display
  const insert = db.prepare(`INSERT INTO households
    (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name, adults, phone, updated_at)
    VALUES (@id, @gridId, @building, @unit, @room, @buildingKey, @unitKey, @roomKey, @headName, @adults, @phone, @at)`)
  const update = db.prepare('UPDATE households SET head_name = @headName, adults = @adults, phone = @phone, updated_at = @at WHERE id = @id')
  const page = db.prepare<Record<string, unknown>, HouseholdRow>(`${SELECT}
    WHERE ${IN_SCOPE}
      AND (@hasCursor = 0 OR (g.seq, h.building, h.unit, h.room, h.id) > (@cSeq, @cBuilding, @cUnit, @cRoom, @cId))
    ${ORDER} LIMIT @limit`)
  const all = db.prepare<Record<string, unknown>, HouseholdRow>(`${SELECT} WHERE ${IN_SCOPE} ${ORDER}`)

  const importTx = db.transaction((rows: RosterRow[], ids: () => string, at: string, audit: AuditEntry): ImportOutcome => {
    const out = { added: 0, updated: 0, unchanged: 0 }
    for (const r of rows) {
      const keys = addressKeys(r.building, r.unit, r.room)
      // an existing household under another spelling ("3" for "3栋") is the same one: its text stays as first imported
      const prior = keyGet.get(r.gridId, keys.buildingKey, keys.unitKey, keys.roomKey)
      if (!prior) {
        insert.run({ ...r, ...keys, id: ids(), at })
        out.added++
      } else if (prior.head_name !== r.headName || prior.adults !== r.adults || prior.phone !== r.phone) {
        update.run({ id: prior.id, headName: r.headName, adults: r.adults, phone: r.phone, at })
        out.updated++
      } else {
        out.unchanged++
      }
    }
    if (out.added + out.updated > 0) writeAudit({ ...audit, detail: { ...audit.detail, ...out } })
    return out
  })

  const exportTx = db.transaction((scope: HouseholdScope, audit: (rows: number) => AuditEntry) => {
    const rows = all.all(scopeParams(scope)).map(householdRecord)
    writeAudit(audit(rows.length))
    return rows
  })

  return {
    async get(id) {
      const r = byId.get(id)
      return r ? householdRecord(r) : null
    },
    async findByRoom(gridId, building, unit, room) {
      const k = addressKeys(building, unit, room)
      const r = byRoom.get(gridId, k.buildingKey, k.unitKey, k.roomKey)
      return r ? householdRecord(r) : null
    },
    async importRoster(rows, ids, at, audit) {
      return importTx.immediate(rows, ids, at, audit)
    },
    async list(scope, { limit, after }) {
      return page
        .all({
          ...scopeParams(scope),
          limit,
          hasCursor: after ? 1 : 0,
          cSeq: after?.gridSeq ?? 0,
          cBuilding: after?.building ?? '',
          cUnit: after?.unit ?? '',
          cRoom: after?.room ?? '',
          cId: after?.id ?? '',
        })
        .map(householdRecord)
    },
    async exportAll(scope, audit) {
      return exportTx.immediate(scope, audit)
    },
  }
}
