import type { Migration } from './migration'

/**
 * Reminders (issue 5: the day before a vote closes; issue 6: the evening and the hour before a shift) are
 * written by a periodic sweep. `reminders_sent` is its ledger: one row per reminder key (e.g.
 * `motion:<id>:closing`), inserted in the same transaction as the messages, so a reminder goes out once even
 * when two sweeps overlap. The messages table is rebuilt so that its kind may be 'shift'.
 */
export const m006Reminders: Migration = {
  version: 6,
  name: 'reminders ledger; messages of kind shift',
  up(db) {
    db.exec(`
CREATE TABLE reminders_sent (
  key TEXT PRIMARY KEY,
  sent_at TEXT NOT NULL,
  recipients INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE messages_new (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('report', 'motion', 'shift')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  created_at TEXT NOT NULL,
  read_at TEXT
) STRICT;
INSERT INTO messages_new SELECT seq, id, user_id, kind, title, body, target_type, target_id, created_at, read_at FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_user ON messages(user_id, seq);
CREATE INDEX messages_unread ON messages(user_id) WHERE read_at IS NULL;
`)
  },
}
