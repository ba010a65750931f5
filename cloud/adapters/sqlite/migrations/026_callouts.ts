import type { Migration } from './migration'

/**
 * Issue 18: 社会动员 call-outs — the call-out (where, when, to whom), its tasks with a capacity (`taken` is the
 * seat count, moved by conditional UPDATEs only, so it never passes the capacity), and one row per person it was
 * sent to: their answer, task and on-site 报到.
 */
export const m026Callouts: Migration = {
  version: 26,
  name: 'callouts: call-outs, their tasks, recipients and answers',
  up(db) {
    db.exec(`
CREATE TABLE callouts (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  community_id TEXT NOT NULL REFERENCES communities(id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 40),
  kind TEXT NOT NULL CHECK (kind IN ('floodWatch', 'snowClearing', 'screening', 'other')),
  description TEXT NOT NULL,
  place TEXT NOT NULL,
  latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  radius INTEGER NOT NULL CHECK (radius BETWEEN 50 AND 2000),
  start_at TEXT NOT NULL CHECK (length(start_at) = 24),
  end_at TEXT NOT NULL CHECK (length(end_at) = 24 AND end_at > start_at),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at TEXT,
  close_reason TEXT,
  to_volunteers INTEGER NOT NULL CHECK (to_volunteers IN (0, 1)),
  to_residents INTEGER NOT NULL CHECK (to_residents IN (0, 1)),
  -- JSON ["g_jj_1", ...]
  grid_ids TEXT NOT NULL,
  recipients INTEGER NOT NULL CHECK (recipients >= 0),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL AND close_reason IS NOT NULL))
) STRICT;
CREATE INDEX callouts_community ON callouts(community_id, start_at, seq);
CREATE TABLE callout_tasks (
  id TEXT PRIMARY KEY,
  callout_id TEXT NOT NULL REFERENCES callouts(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
  taken INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity)
) STRICT;
CREATE INDEX callout_tasks_callout ON callout_tasks(callout_id, position);
CREATE TABLE callout_recipients (
  callout_id TEXT NOT NULL REFERENCES callouts(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  answer TEXT CHECK (answer IN ('yes', 'no')),
  task_id TEXT REFERENCES callout_tasks(id),
  answered_at TEXT,
  checkin_at TEXT,
  checkin_lat REAL CHECK (checkin_lat BETWEEN -90 AND 90),
  checkin_lng REAL CHECK (checkin_lng BETWEEN -180 AND 180),
  checkin_accuracy REAL CHECK (checkin_accuracy >= 0),
  checkin_coord TEXT CHECK (checkin_coord IN ('gcj02', 'wgs84')),
  checkin_distance INTEGER CHECK (checkin_distance >= 0),
  PRIMARY KEY (callout_id, user_id),
  CHECK ((answer = 'yes') = (task_id IS NOT NULL)),
  CHECK ((answer IS NULL) = (answered_at IS NULL)),
  CHECK (checkin_at IS NULL OR answer = 'yes')
) STRICT, WITHOUT ROWID;
CREATE INDEX callout_recipients_user ON callout_recipients(user_id, callout_id);
CREATE INDEX callout_recipients_task ON callout_recipients(task_id) WHERE task_id IS NOT NULL;
`)
  },
}
