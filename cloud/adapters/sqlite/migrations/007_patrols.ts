import type { Migration } from './migration'

/**
 * 群防群治 patrols (issue 6). A shift (one row per weekly occurrence, `series_id` = the first occurrence's
 * id); one row per signup, whose INTEGER PRIMARY KEY `seq` is the arrival order, assigned in the signup's
 * transaction (a withdrawn volunteer who signs up again is a new row at the back). At most one signup that
 * is not withdrawn per (shift, volunteer): a UNIQUE partial index. Hours are kept in tenths (INTEGER) so that
 * sums are exact. Area and check-in positions: the area centre in GCJ-02; the check-in position as the
 * device gave it, with its coordinate system.
 */
export const m007Patrols: Migration = {
  version: 7,
  name: 'patrol shifts, signups, logs',
  up(db) {
    db.exec(`
CREATE TABLE shifts (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  community_id TEXT NOT NULL REFERENCES communities(id),
  series_id TEXT,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 40),
  latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  radius INTEGER NOT NULL CHECK (radius BETWEEN 50 AND 2000),
  meeting_point TEXT,
  note TEXT,
  start_at TEXT NOT NULL CHECK (length(start_at) = 24),
  end_at TEXT NOT NULL CHECK (length(end_at) = 24 AND end_at > start_at),
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 200),
  status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  cancel_reason TEXT,
  cancelled_at TEXT,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL AND cancelled_at IS NOT NULL))
) STRICT;
CREATE INDEX shifts_by_start ON shifts(community_id, start_at, seq);
CREATE INDEX shifts_by_end ON shifts(end_at) WHERE status = 'scheduled';
CREATE INDEX shifts_start ON shifts(start_at) WHERE status = 'scheduled';

CREATE TABLE shift_signups (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  shift_id TEXT NOT NULL REFERENCES shifts(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('waitlisted', 'confirmed', 'checkedIn', 'checkedOut', 'noShow', 'withdrawn')),
  signed_up_at TEXT NOT NULL,
  confirmed_at TEXT,
  withdrawn_at TEXT,
  checkin_at TEXT,
  checkin_lat REAL CHECK (checkin_lat BETWEEN -90 AND 90),
  checkin_lng REAL CHECK (checkin_lng BETWEEN -180 AND 180),
  checkin_accuracy REAL CHECK (checkin_accuracy >= 0),
  checkin_coord TEXT CHECK (checkin_coord IN ('gcj02', 'wgs84')),
  checkin_distance INTEGER CHECK (checkin_distance >= 0),
  checkout_at TEXT,
  auto_checkout INTEGER NOT NULL DEFAULT 0 CHECK (auto_checkout IN (0, 1)),
  hours_tenths INTEGER CHECK (hours_tenths >= 0),
  CHECK ((status = 'waitlisted') = (confirmed_at IS NULL) OR status = 'withdrawn'),
  CHECK ((status IN ('checkedIn', 'checkedOut')) = (checkin_at IS NOT NULL AND checkin_coord IS NOT NULL) OR status = 'withdrawn'),
  CHECK ((status = 'checkedOut') = (checkout_at IS NOT NULL AND hours_tenths IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX shift_signups_once ON shift_signups(shift_id, user_id) WHERE status <> 'withdrawn';
CREATE INDEX shift_signups_queue ON shift_signups(shift_id, status, seq);
CREATE INDEX shift_signups_user ON shift_signups(user_id, status);
CREATE INDEX shift_signups_open ON shift_signups(shift_id) WHERE status IN ('confirmed', 'checkedIn');

CREATE TABLE shift_logs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  shift_id TEXT NOT NULL REFERENCES shifts(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
  report_id TEXT UNIQUE REFERENCES reports(id),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX shift_logs_shift ON shift_logs(shift_id, seq);
`)
  },
}
