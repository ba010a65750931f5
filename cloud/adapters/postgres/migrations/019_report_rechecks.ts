import { ddl } from './migration'

/** Held reports whose content check was unavailable, for the recheck sweep (as SQLite's 019). */
export const m019ReportRechecks = ddl(
  19,
  'report rechecks: held reports whose content check was unavailable',
  `
CREATE TABLE report_rechecks (
  report_id text PRIMARY KEY REFERENCES reports(id),
  queued_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_at timestamptz NOT NULL
);
CREATE INDEX report_rechecks_next ON report_rechecks(next_at);
`,
)
