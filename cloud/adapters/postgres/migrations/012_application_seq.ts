import { ddl } from './migration'

/**
 * Issue 13: an explicit insertion-order column on the two application tables, the positive integer their
 * newest-first lists page by (SQLite's 012 makes its rowid that column). An identity column: every insert takes
 * the next value from the sequence, whichever session commits first, and no insert may choose one. Rows already
 * there are numbered in the order the table is scanned (no PostgreSQL database holds applications before this
 * version: the engine is migrated to the latest version before any use).
 */
export const m012ApplicationSeq = ddl(
  12,
  'resident and volunteer applications: seq, an explicit insertion order',
  `
ALTER TABLE resident_applications ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX resident_app_seq ON resident_applications(seq);
ALTER TABLE volunteer_applications ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX volunteer_app_seq ON volunteer_applications(seq);
`,
)
