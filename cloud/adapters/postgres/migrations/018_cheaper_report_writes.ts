import type { PgMigration } from './migration'

/**
 * SQLite's 018 replaces the per-filter report indexes with one covering index per area, for cheaper writes on the
 * embedded store. PostgreSQL keeps its per-filter indexes: a btree scan checks a condition on a non-key column
 * only after fetching the row from the heap, so walking an area's index with the filters in its key would cost a
 * heap read per report. The version is recorded so both engines keep one list of versions; nothing changes here.
 */
export const m018CheaperReportWrites: PgMigration = {
  version: 18,
  name: 'reports: one covering index per area, level-only queue indexes',
  async up() {},
}
