import { addressKey } from '@/domain/residents/address'
import type { PgMigration } from './migration'

/**
 * Normalised address keys on households and resident applications (see SQLite's 003 for the why). The
 * backfill is the same as SQLite's: addressKey() on each row, and where two rows of a grid collide, the first
 * owns the key and a later one gets `<key> dup:<id>`. (PostgreSQL has no rowid: "first" is the id order. No
 * PostgreSQL database holds rows at version 2 — the engine is migrated to the latest version in one
 * transaction before anything is written — so the backfill is kept for the history's sake.)
 *
 * SQLite refuses a row without keys with triggers, since it cannot add NOT NULL to an existing column;
 * PostgreSQL sets the columns NOT NULL after the backfill: the same refusal, stated by the schema.
 */
const DUPLICATE_KEY_MARK = ' dup:'

export const m003AddressKeys: PgMigration = {
  version: 3,
  name: 'normalised address keys on households and resident applications',
  async up(client) {
    await client.query(`
ALTER TABLE households ADD COLUMN building_key text, ADD COLUMN unit_key text, ADD COLUMN room_key text;
ALTER TABLE resident_applications ADD COLUMN building_key text, ADD COLUMN unit_key text, ADD COLUMN room_key text;`)

    const households = await client.query<{ id: string; grid_id: string; building: string; unit: string; room: string }>(
      'SELECT id, grid_id, building, unit, room FROM households ORDER BY id',
    )
    const owners = new Set<string>()
    for (const h of households.rows) {
      const b = addressKey(h.building, 'building')
      const u = addressKey(h.unit, 'unit')
      let r = addressKey(h.room, 'room')
      const key = JSON.stringify([h.grid_id, b, u, r])
      if (owners.has(key)) r = `${r}${DUPLICATE_KEY_MARK}${h.id}`
      else owners.add(key)
      await client.query('UPDATE households SET building_key = $1, unit_key = $2, room_key = $3 WHERE id = $4', [b, u, r, h.id])
    }
    const apps = await client.query<{ id: string; building: string; unit: string; room: string }>(
      'SELECT id, building, unit, room FROM resident_applications',
    )
    for (const a of apps.rows) {
      await client.query('UPDATE resident_applications SET building_key = $1, unit_key = $2, room_key = $3 WHERE id = $4', [
        addressKey(a.building, 'building'),
        addressKey(a.unit, 'unit'),
        addressKey(a.room, 'room'),
        a.id,
      ])
    }

    await client.query(`
ALTER TABLE households
  ALTER COLUMN building_key SET NOT NULL, ALTER COLUMN unit_key SET NOT NULL, ALTER COLUMN room_key SET NOT NULL;
ALTER TABLE resident_applications
  ALTER COLUMN building_key SET NOT NULL, ALTER COLUMN unit_key SET NOT NULL, ALTER COLUMN room_key SET NOT NULL;
CREATE UNIQUE INDEX households_address_key ON households(grid_id, building_key, unit_key, room_key);
`)
  },
}
