import type { Migration } from './migration'

/**
 * Issue 4: 随手拍 reports with their timeline, photos, supports (我也遇到), mediation records, per-community
 * deadlines; uploaded files; the in-app message centre; grid boundaries for routing.
 *
 * Points are stored in GCJ-02 (what WeChat's maps use); `coord_source` keeps what the device gave.
 * `due_at` is the deadline that runs now (accept_by while submitted, resolve_by while accepted, NULL
 * otherwise): the queue's order and the overdue test read one indexed column.
 * `version` increments on every change of a report: transitions are conditional UPDATEs on it.
 */
export const m004Reports: Migration = {
  version: 4,
  name: 'reports, timeline, photos, supports, mediation, deadlines, files, messages, grid boundaries',
  up(db) {
    db.exec(`
-- JSON [[latitude, longitude], ...] in GCJ-02, a closed ring; NULL: the grid has no drawn boundary
ALTER TABLE grids ADD COLUMN boundary TEXT;

CREATE TABLE files (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES users(id),
  mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes INTEGER NOT NULL CHECK (bytes > 0),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  -- where the blob lives, relative to the uploads folder (or a cloud file id)
  path TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX files_owner ON files(owner_id, created_at);

CREATE TABLE reports (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  community_id TEXT NOT NULL REFERENCES communities(id),
  street_id TEXT NOT NULL REFERENCES streets(id),
  grid_id TEXT NOT NULL REFERENCES grids(id),
  reporter_id TEXT NOT NULL REFERENCES users(id),
  category TEXT NOT NULL CHECK (category IN ('dispute', 'public_security', 'safety_hazard', 'environment', 'facility', 'livelihood', 'other')),
  description TEXT NOT NULL,
  latitude REAL,
  longitude REAL,
  address TEXT,
  coord_source TEXT CHECK (coord_source IN ('gcj02', 'wgs84')),
  anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  visibility TEXT NOT NULL CHECK (visibility IN ('public', 'private')),
  -- content check: 'clean' may be public; 'review' is seen by staff and the reporter only
  moderation TEXT NOT NULL CHECK (moderation IN ('clean', 'review')),
  status TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'returned', 'resolved', 'closed', 'rejected', 'withdrawn')),
  level TEXT NOT NULL CHECK (level IN ('grid', 'community', 'street')),
  -- the highest level it ever reached (矛盾不上交: settled at grid or community)
  max_level TEXT NOT NULL CHECK (max_level IN ('grid', 'community', 'street')),
  assignee_id TEXT REFERENCES users(id),
  accept_by TEXT NOT NULL,
  resolve_by TEXT NOT NULL,
  due_at TEXT,
  supporters INTEGER NOT NULL DEFAULT 0 CHECK (supporters >= 0),
  reopen_count INTEGER NOT NULL DEFAULT 0,
  accepted_at TEXT,
  resolved_at TEXT,
  closed_at TEXT,
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  rating_comment TEXT,
  rated_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX reports_reporter ON reports(reporter_id, seq);
CREATE INDEX reports_community ON reports(community_id, seq);
CREATE INDEX reports_street ON reports(street_id, seq);
CREATE INDEX reports_grid ON reports(grid_id, seq);
-- area lists filtered by status or category (社区/街道): a rare filter reads its own rows, not the area newest
-- first; due_at last so that "overdue" is tested in the index (a status with nothing overdue reads no table row)
CREATE INDEX reports_community_status ON reports(community_id, status, seq, due_at);
CREATE INDEX reports_community_category ON reports(community_id, category, seq);
CREATE INDEX reports_street_status ON reports(street_id, status, seq, due_at);
CREATE INDEX reports_grid_status ON reports(grid_id, status, seq, due_at);
-- queues: open reports by the deadline that runs
CREATE INDEX reports_due_grid ON reports(grid_id, due_at, seq) WHERE due_at IS NOT NULL AND level = 'grid';
CREATE INDEX reports_due_level ON reports(community_id, level, due_at, seq) WHERE due_at IS NOT NULL;
CREATE INDEX reports_due_street ON reports(street_id, level, due_at, seq) WHERE due_at IS NOT NULL;
CREATE INDEX reports_public ON reports(community_id, seq)
  WHERE visibility = 'public' AND moderation = 'clean' AND status NOT IN ('withdrawn', 'rejected');
CREATE INDEX reports_nearby ON reports(category, latitude, longitude)
  WHERE visibility = 'public' AND moderation = 'clean' AND status IN ('submitted', 'returned', 'accepted');
CREATE INDEX reports_settle ON reports(resolved_at) WHERE status = 'resolved';

CREATE TABLE report_events (
  id INTEGER PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES reports(id),
  at TEXT NOT NULL,
  -- NULL: the system (自动结案)
  actor_id TEXT REFERENCES users(id),
  action TEXT NOT NULL,
  note TEXT,
  status TEXT NOT NULL,
  level TEXT NOT NULL,
  to_user_id TEXT REFERENCES users(id)
) STRICT;
CREATE INDEX report_events_report ON report_events(report_id, id);

CREATE TABLE report_photos (
  report_id TEXT NOT NULL REFERENCES reports(id),
  -- a file belongs to one report (or one step of it) only
  file_id TEXT NOT NULL UNIQUE REFERENCES files(id),
  -- NULL: the report's own photos; else the timeline step they came with
  event_id INTEGER REFERENCES report_events(id),
  seq INTEGER NOT NULL
) STRICT;
CREATE INDEX report_photos_report ON report_photos(report_id, event_id, seq);

CREATE TABLE report_supports (
  report_id TEXT NOT NULL REFERENCES reports(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  PRIMARY KEY (report_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE mediations (
  report_id TEXT PRIMARY KEY REFERENCES reports(id),
  kind TEXT NOT NULL CHECK (kind IN ('people', 'administrative', 'judicial')),
  -- JSON [{ "name": "...", "role": "..." | null }]
  parties TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('agreed', 'failed')),
  agreement TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id)
) STRICT;

CREATE TABLE mediation_sessions (
  id INTEGER PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES mediations(report_id),
  date TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX mediation_sessions_report ON mediation_sessions(report_id, id);

CREATE TABLE report_deadlines (
  community_id TEXT NOT NULL REFERENCES communities(id),
  category TEXT NOT NULL CHECK (category IN ('dispute', 'public_security', 'safety_hazard', 'environment', 'facility', 'livelihood', 'other')),
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 30),
  PRIMARY KEY (community_id, category)
) STRICT, WITHOUT ROWID;

CREATE TABLE messages (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('report')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  created_at TEXT NOT NULL,
  read_at TEXT
) STRICT;
CREATE INDEX messages_user ON messages(user_id, seq);
CREATE INDEX messages_unread ON messages(user_id) WHERE read_at IS NULL;
`)
  },
}
