import { ddl } from './migration'

/**
 * Uploaded photos' bytes, seen by every process (as SQLite's 014). bytea values over 2 kB are TOASTed (stored
 * out of line, compressed when that helps — JPEG seldom does), so the table's own pages stay small.
 */
export const m014Blobs = ddl(
  14,
  'blobs: uploaded bytes in the database',
  `
CREATE TABLE blobs (
  key text PRIMARY KEY,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL
);
`,
)
