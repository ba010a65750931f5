import type { Migration } from './migration'
import { rebuildTable, replaceOnce } from './rebuild'

const LEVELS_BEFORE = "IN ('grid', 'community', 'street')"
const LEVELS = "IN ('grid', 'community', 'street', 'district', 'city')"

/**
 * Issue 13: above the street, the district (区) and the city (市域) with their 综治中心 staff. A street is placed
 * under a district (streets.district_id; null: under none yet), a district under its city. A report keeps the
 * district and city of its street (as it keeps the street), so each level's lists and counts read its own
 * index; escalation can go street → district → city. The CHECK lists of reports.level / max_level and
 * user_roles.role grow, which SQLite can only do by rebuilding those tables.
 */
export const m015City: Migration = {
  version: 15,
  name: 'districts and cities above the streets; district and city levels and roles',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
CREATE TABLE cities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE districts (
  id TEXT PRIMARY KEY,
  city_id TEXT NOT NULL REFERENCES cities(id),
  name TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX districts_city ON districts(city_id, seq);

ALTER TABLE streets ADD COLUMN district_id TEXT REFERENCES districts(id);
CREATE INDEX streets_district ON streets(district_id, seq);
`)
    rebuildTable(db, 'reports', (sql) => replaceOnce(replaceOnce(sql, `CHECK (level ${LEVELS_BEFORE}`, `CHECK (level ${LEVELS}`), `CHECK (max_level ${LEVELS_BEFORE}`, `CHECK (max_level ${LEVELS}`))
    rebuildTable(db, 'user_roles', (sql) =>
      replaceOnce(sql, "IN ('resident', 'volunteer', 'gridWorker', 'committee', 'street')", "IN ('resident', 'volunteer', 'gridWorker', 'committee', 'street', 'district', 'city')"),
    )
    db.exec(`
ALTER TABLE reports ADD COLUMN district_id TEXT REFERENCES districts(id);
ALTER TABLE reports ADD COLUMN city_id TEXT REFERENCES cities(id);
UPDATE reports SET district_id = s.district_id, city_id = d.city_id
  FROM streets s JOIN districts d ON d.id = s.district_id WHERE s.id = reports.street_id;
CREATE INDEX reports_district ON reports(district_id, seq);
CREATE INDEX reports_district_status ON reports(district_id, status, seq, due_at);
CREATE INDEX reports_due_district ON reports(district_id, level, due_at, seq) WHERE due_at IS NOT NULL;
CREATE INDEX reports_city ON reports(city_id, seq);
CREATE INDEX reports_city_status ON reports(city_id, status, seq, due_at);
CREATE INDEX reports_due_city ON reports(city_id, level, due_at, seq) WHERE due_at IS NOT NULL;
`)
  },
}
