import { ddl } from './migration'

/** The image check of a photo: status, WeChat's trace id and label, when it was asked for (see SQLite's 020). */
export const m020PhotoChecks = ddl(
  20,
  'files: image check status, trace and label',
  `
ALTER TABLE files ADD COLUMN check_status text NOT NULL DEFAULT 'none'
  CHECK (check_status IN ('none', 'pending', 'pass', 'review', 'risky'));
ALTER TABLE files ADD COLUMN check_trace text;
ALTER TABLE files ADD COLUMN check_label text;
ALTER TABLE files ADD COLUMN check_at timestamptz;
CREATE UNIQUE INDEX files_check_trace ON files(check_trace) WHERE check_trace IS NOT NULL;
CREATE INDEX files_check_pending ON files(check_at) WHERE check_status = 'pending';
`,
)
