import type { Migration } from './migration'

/**
 * Issue 14: reports whose text check could not answer (WeChat's msgSecCheck down or timed out) are received and
 * held from other residents (moderation 'review'), with a row here written in the same transaction; the sweep
 * checks them again and releases a pass. A table of its own: the reports table is not rebuilt.
 */
export const m019ReportRechecks: Migration = {
  version: 19,
  name: 'report rechecks: held reports whose content check was unavailable',
  up(db) {
    db.exec(`
CREATE TABLE report_rechecks (
  report_id TEXT PRIMARY KEY REFERENCES reports(id),
  queued_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX report_rechecks_next ON report_rechecks(next_at);
`)
  },
}
