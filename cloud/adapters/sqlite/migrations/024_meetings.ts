import type { Migration } from './migration'

/**
 * Issue 17: 联席会议 — joint meetings recorded on a dispute, and the follow-up tasks they hand to staff with a
 * deadline (a partial index serves each owner's open tasks by deadline); the staff member answerable for a dispute
 * until it is closed (包保责任制), one per dispute.
 */
export const m024Meetings: Migration = {
  version: 24,
  name: 'meetings: joint meetings on disputes, their follow-up tasks, 包保 responsibles',
  up(db) {
    db.exec(`
CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES reports(id),
  held_on TEXT NOT NULL,
  place TEXT NOT NULL,
  -- JSON ["城管", ...]
  departments TEXT NOT NULL,
  -- JSON [{ "name": "...", "role": "..." | null }]
  attendees TEXT NOT NULL,
  decision TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('agreed', 'partly', 'notAgreed')),
  recorded_by TEXT NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX meetings_report ON meetings(report_id, recorded_at);
CREATE TABLE meeting_tasks (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  report_id TEXT NOT NULL REFERENCES reports(id),
  position INTEGER NOT NULL,
  owner_id TEXT NOT NULL REFERENCES users(id),
  task TEXT NOT NULL,
  due_on TEXT NOT NULL,
  done_at TEXT,
  done_note TEXT
) STRICT;
CREATE INDEX meeting_tasks_meeting ON meeting_tasks(meeting_id, position);
CREATE INDEX meeting_tasks_open ON meeting_tasks(owner_id, due_on) WHERE done_at IS NULL;
CREATE TABLE dispute_responsibles (
  report_id TEXT PRIMARY KEY REFERENCES reports(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  assigned_by TEXT NOT NULL REFERENCES users(id),
  assigned_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX dispute_responsibles_user ON dispute_responsibles(user_id);
`)
  },
}
