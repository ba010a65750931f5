import type { Migration } from './migration'

/**
 * Issue 14: WeChat's image check (security.mediaCheckAsync) answers later, by a push that names the trace id of the
 * ask. A photo is 'none' where no check runs (the self-hosted default: shown as before), 'pending' from its upload
 * until an answer, then 'pass', 'review' or 'risky' (with WeChat's label); other residents see it only when 'none'
 * or 'pass'. check_at: when the check was last asked for or tried (the sweep's order and spacing). Every ask's trace
 * is kept in file_checks, so the answer to an earlier ask still counts after the sweep asked again.
 */
export const m020PhotoChecks: Migration = {
  version: 20,
  name: 'files: image check status and label; file_checks: the trace id of each ask',
  up(db) {
    db.exec(`
ALTER TABLE files ADD COLUMN check_status TEXT NOT NULL DEFAULT 'none'
  CHECK (check_status IN ('none', 'pending', 'pass', 'review', 'risky'));
ALTER TABLE files ADD COLUMN check_label TEXT;
ALTER TABLE files ADD COLUMN check_at TEXT;
CREATE INDEX files_check_pending ON files(check_at) WHERE check_status = 'pending';
CREATE TABLE file_checks (
  trace_id TEXT PRIMARY KEY,
  file_id TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  asked_at TEXT NOT NULL
) STRICT;
CREATE INDEX file_checks_file ON file_checks(file_id);
`)
  },
}
