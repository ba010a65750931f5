import type { Migration } from './migration'

/**
 * Issue 14: WeChat's image check (security.mediaCheckAsync) answers later, by a push matched by trace_id. A photo
 * is 'none' where no check runs (the self-hosted default: shown as before), 'pending' from its upload until the
 * answer, then 'pass', 'review' or 'risky' (with WeChat's label); other residents see it only when 'none' or 'pass'.
 * check_at: when the check was last asked for (the sweep asks again for one that stayed pending too long).
 */
export const m020PhotoChecks: Migration = {
  version: 20,
  name: 'files: image check status, trace and label',
  up(db) {
    db.exec(`
ALTER TABLE files ADD COLUMN check_status TEXT NOT NULL DEFAULT 'none'
  CHECK (check_status IN ('none', 'pending', 'pass', 'review', 'risky'));
ALTER TABLE files ADD COLUMN check_trace TEXT;
ALTER TABLE files ADD COLUMN check_label TEXT;
ALTER TABLE files ADD COLUMN check_at TEXT;
CREATE UNIQUE INDEX files_check_trace ON files(check_trace) WHERE check_trace IS NOT NULL;
CREATE INDEX files_check_pending ON files(check_at) WHERE check_status = 'pending';
`)
  },
}
