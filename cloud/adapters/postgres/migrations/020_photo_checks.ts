import { ddl } from './migration'

/** The image check of a photo: status, label, when last asked; the trace id of each ask (see SQLite's 020). */
export const m020PhotoChecks = ddl(
  20,
  'files: image check status and label; file_checks: the trace id of each ask',
  `
ALTER TABLE files ADD COLUMN check_status text NOT NULL DEFAULT 'none'
  CHECK (check_status IN ('none', 'pending', 'pass', 'review', 'risky'));
ALTER TABLE files ADD COLUMN check_label text;
ALTER TABLE files ADD COLUMN check_at timestamptz;
CREATE INDEX files_check_pending ON files(check_at) WHERE check_status = 'pending';
CREATE TABLE file_checks (
  trace_id text PRIMARY KEY,
  file_id text NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  asked_at timestamptz NOT NULL
);
CREATE INDEX file_checks_file ON file_checks(file_id);
`,
)
