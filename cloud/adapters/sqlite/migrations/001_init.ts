import type { Migration } from './migration'

export const m001Init: Migration = {
  version: 1,
  name: 'organisation, users, notices, audit, idempotency, settings',
  up(db) {
    db.exec(`
CREATE TABLE streets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE communities (
  id TEXT PRIMARY KEY,
  street_id TEXT NOT NULL REFERENCES streets(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('community', 'village')),
  seq INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX communities_street ON communities(street_id);

CREATE TABLE grids (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  name TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX grids_community ON grids(community_id, seq);

CREATE TABLE households (
  id TEXT PRIMARY KEY,
  grid_id TEXT NOT NULL REFERENCES grids(id),
  building TEXT NOT NULL,
  room TEXT NOT NULL,
  head_name TEXT NOT NULL,
  UNIQUE (grid_id, building, room)
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT,
  openid TEXT UNIQUE,
  community_id TEXT REFERENCES communities(id),
  grid_id TEXT REFERENCES grids(id),
  household_id TEXT REFERENCES households(id),
  verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX users_community_grid ON users(community_id, grid_id);

CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('resident', 'volunteer', 'gridWorker', 'committee', 'street')),
  PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX user_roles_role ON user_roles(role, user_id);

CREATE TABLE user_grids (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  grid_id TEXT NOT NULL REFERENCES grids(id),
  PRIMARY KEY (user_id, grid_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('notice', 'policy', 'safety', 'event')),
  pinned INTEGER NOT NULL CHECK (pinned IN (0, 1)),
  important INTEGER NOT NULL CHECK (important IN (0, 1)),
  whole_community INTEGER NOT NULL CHECK (whole_community IN (0, 1)),
  publish_at TEXT NOT NULL,
  expire_at TEXT,
  withdrawn_at TEXT,
  created_at TEXT NOT NULL
) STRICT;
-- keyset paging: pinned first, then newest
CREATE INDEX notices_feed ON notices(community_id, pinned DESC, publish_at DESC, id DESC);

-- scope rows; a notice with whole_community = 1 has none
CREATE TABLE notice_grids (
  notice_id TEXT NOT NULL REFERENCES notices(id),
  grid_id TEXT NOT NULL REFERENCES grids(id),
  PRIMARY KEY (notice_id, grid_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX notice_grids_grid ON notice_grids(grid_id, notice_id);

CREATE TABLE notice_reads (
  notice_id TEXT NOT NULL REFERENCES notices(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  read_at TEXT NOT NULL,
  confirmed_at TEXT,
  PRIMARY KEY (notice_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  community_id TEXT,
  detail TEXT
) STRICT;
CREATE INDEX audit_target ON audit_log(target_id);

CREATE TABLE idempotency (
  user_id TEXT NOT NULL,
  action TEXT NOT NULL,
  request_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, action, request_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`)
  },
}
