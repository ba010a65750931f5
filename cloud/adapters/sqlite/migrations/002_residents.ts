import type { Migration } from './migration'

/**
 * Issue 3: the household roster gets 单元, adults, phone and an update time, keyed by
 * (grid, building, unit, room); resident and volunteer applications; roster-only users.
 *
 * SQLite cannot change a UNIQUE constraint in place, so households is rebuilt (SQLite's documented
 * "12-step" procedure): create the new table, copy, drop, rename. It runs with foreign keys off
 * (migrate() turns them off before the transaction and runs foreign_key_check before COMMIT), because
 * users.household_id points at households and a DROP with foreign keys on would delete-check every row.
 */
export const m002Residents: Migration = {
  version: 2,
  name: 'household roster columns, resident and volunteer applications, roster-only users',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
CREATE TABLE households_new (
  id TEXT PRIMARY KEY,
  grid_id TEXT NOT NULL REFERENCES grids(id),
  building TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  room TEXT NOT NULL,
  head_name TEXT NOT NULL,
  adults INTEGER CHECK (adults IS NULL OR adults BETWEEN 0 AND 50),
  phone TEXT,
  updated_at TEXT,
  UNIQUE (grid_id, building, unit, room)
) STRICT;
INSERT INTO households_new (id, grid_id, building, unit, room, head_name)
  SELECT id, grid_id, building, '', room, head_name FROM households;
DROP TABLE households;
ALTER TABLE households_new RENAME TO households;

ALTER TABLE users ADD COLUMN roster_only INTEGER NOT NULL DEFAULT 0 CHECK (roster_only IN (0, 1));
CREATE INDEX users_household ON users(household_id);

CREATE TABLE resident_applications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  community_id TEXT NOT NULL REFERENCES communities(id),
  grid_id TEXT NOT NULL REFERENCES grids(id),
  building TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  room TEXT NOT NULL,
  name TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('head', 'member', 'tenant')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
  household_id TEXT REFERENCES households(id),
  reason TEXT,
  reviewer_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL,
  reviewed_at TEXT
) STRICT;
-- one pending application per person; one verified 户主 per household (the backstop of the atomic apply/review)
CREATE UNIQUE INDEX resident_app_one_pending ON resident_applications(user_id) WHERE status = 'pending';
CREATE UNIQUE INDEX resident_app_one_head ON resident_applications(household_id)
  WHERE relation = 'head' AND status = 'verified';
CREATE INDEX resident_app_community ON resident_applications(community_id, status);
CREATE INDEX resident_app_user ON resident_applications(user_id);

CREATE TABLE volunteer_applications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  community_id TEXT NOT NULL REFERENCES communities(id),
  skills TEXT,
  availability TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
  reason TEXT,
  reviewer_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL,
  reviewed_at TEXT
) STRICT;
CREATE UNIQUE INDEX volunteer_app_one_pending ON volunteer_applications(user_id) WHERE status = 'pending';
CREATE INDEX volunteer_app_community ON volunteer_applications(community_id, status);
CREATE INDEX volunteer_app_user ON volunteer_applications(user_id);
`)
  },
}
