import { addressKey } from '@/domain/residents/address'
import type { Migration } from './migration'

/**
 * Households and resident applications are matched on a normalised address key (src/domain/address.ts),
 * not on the text as typed: "8栋 / 2单元 / 301" and " 8 / 2 / ３０１室" are one household.
 *
 * households and resident_applications get building_key, unit_key, room_key, backfilled here with the same
 * addressKey() the application uses, and households become unique on (grid_id, building_key, unit_key,
 * room_key) by a UNIQUE INDEX. The old UNIQUE (grid_id, building, unit, room) on the raw text stays (raw
 * equal implies keys equal, so it never refuses anything the new index allows); no table is rebuilt, so
 * every foreign key stays as it is. The text as typed is kept and is what is shown.
 *
 * Existing rows whose keys collide (e.g. "3栋" and "3" in one grid): the migration does not fail and
 * deletes nothing (users and applications may point at either). The FIRST row (lowest rowid, i.e. imported
 * first) owns the key; every later one gets room_key = `<key> dup:<id>`. A key with a space can never come
 * out of addressKey(), so the later rows are no longer found by room (resident.apply, import, the
 * application's roster match) but still listed and exported under their own text, for the committee to
 * clean up.
 *
 * Triggers refuse a row without keys, so a writer that forgets them fails loudly instead of silently
 * colliding or never matching.
 */
export const DUPLICATE_KEY_MARK = ' dup:'

export const m003AddressKeys: Migration = {
  version: 3,
  name: 'normalised address keys on households and resident applications',
  up(db) {
    db.exec(`
ALTER TABLE households ADD COLUMN building_key TEXT;
ALTER TABLE households ADD COLUMN unit_key TEXT;
ALTER TABLE households ADD COLUMN room_key TEXT;
ALTER TABLE resident_applications ADD COLUMN building_key TEXT;
ALTER TABLE resident_applications ADD COLUMN unit_key TEXT;
ALTER TABLE resident_applications ADD COLUMN room_key TEXT;`)

    const households = db
      .prepare('SELECT id, grid_id, building, unit, room FROM households ORDER BY rowid')
      .all() as { id: string; grid_id: string; building: string; unit: string; room: string }[]
    const setHousehold = db.prepare('UPDATE households SET building_key = ?, unit_key = ?, room_key = ? WHERE id = ?')
    const owners = new Set<string>()
    for (const h of households) {
      const b = addressKey(h.building, 'building')
      const u = addressKey(h.unit, 'unit')
      let r = addressKey(h.room, 'room')
      const key = JSON.stringify([h.grid_id, b, u, r])
      if (owners.has(key)) r = `${r}${DUPLICATE_KEY_MARK}${h.id}`
      else owners.add(key)
      setHousehold.run(b, u, r, h.id)
    }

    const apps = db.prepare('SELECT id, building, unit, room FROM resident_applications').all() as {
      id: string
      building: string
      unit: string
      room: string
    }[]
    const setApp = db.prepare('UPDATE resident_applications SET building_key = ?, unit_key = ?, room_key = ? WHERE id = ?')
    for (const a of apps) setApp.run(addressKey(a.building, 'building'), addressKey(a.unit, 'unit'), addressKey(a.room, 'room'), a.id)

    db.exec(`
CREATE UNIQUE INDEX households_address_key ON households(grid_id, building_key, unit_key, room_key);

CREATE TRIGGER households_keys_insert BEFORE INSERT ON households
  WHEN NEW.building_key IS NULL OR NEW.unit_key IS NULL OR NEW.room_key IS NULL
  BEGIN SELECT RAISE(ABORT, 'households: building_key, unit_key and room_key are required (addressKey)'); END;
CREATE TRIGGER households_keys_update BEFORE UPDATE OF building_key, unit_key, room_key ON households
  WHEN NEW.building_key IS NULL OR NEW.unit_key IS NULL OR NEW.room_key IS NULL
  BEGIN SELECT RAISE(ABORT, 'households: building_key, unit_key and room_key are required (addressKey)'); END;
CREATE TRIGGER resident_app_keys_insert BEFORE INSERT ON resident_applications
  WHEN NEW.building_key IS NULL OR NEW.unit_key IS NULL OR NEW.room_key IS NULL
  BEGIN SELECT RAISE(ABORT, 'resident_applications: building_key, unit_key and room_key are required (addressKey)'); END;
CREATE TRIGGER resident_app_keys_update BEFORE UPDATE OF building_key, unit_key, room_key ON resident_applications
  WHEN NEW.building_key IS NULL OR NEW.unit_key IS NULL OR NEW.room_key IS NULL
  BEGIN SELECT RAISE(ABORT, 'resident_applications: building_key, unit_key and room_key are required (addressKey)'); END;
`)
  },
}
